package io.voidvm.image.config;

import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.image.catalog.app.ImageIntake;
import io.voidvm.image.catalog.app.ImageQuotas;
import io.voidvm.image.catalog.app.ImportSlots;
import io.voidvm.image.catalog.app.TenantQuota;
import io.voidvm.image.catalog.db.ImageRepository;
import io.voidvm.image.importing.domain.AddressPolicy;
import io.voidvm.image.importing.http.UrlDownloader;
import io.voidvm.image.validation.domain.ImageValidator;
import io.voidvm.image.validation.domain.QemuImg;
import io.voidvm.image.validation.qemu.QemuImgProcess;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Builds the plain-Java parts of image-service from its settings. */
@Configuration(proxyBeanMethods = false)
class ImageConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BlobStore blobStore(ImageProperties properties) {
        return new BlobStore(properties.blobStoreDir());
    }

    @Bean
    QemuImg qemuImg(ImageProperties properties) {
        return new QemuImgProcess(properties.qemuImgBinary(), properties.qemuImgTimeout(),
                properties.qemuImgMemory().toBytes());
    }

    @Bean
    ImageValidator imageValidator(QemuImg qemuImg, ImageProperties properties) {
        return new ImageValidator(qemuImg, properties.maxVirtualSize().toBytes());
    }

    @Bean
    AddressPolicy addressPolicy(ImageProperties properties) {
        try {
            return new AddressPolicy(properties.importing().allowedCidrs());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("voidvm.image.import.allowed-cidrs: " + e.getMessage(), e);
        }
    }

    @Bean
    UrlDownloader urlDownloader(AddressPolicy policy, ImageProperties properties) {
        return new UrlDownloader(policy, properties.importTimeout());
    }

    @Bean
    ImageQuotas imageQuotas(ImageRepository images, TenantQuota quota, ImageProperties properties) {
        return new ImageQuotas(images, quota, properties.maxUploadSize().toBytes());
    }

    @Bean
    ImageIntake imageIntake(ImageRepository images, BlobStore blobs, ImageValidator validator, AddressPolicy policy,
                            UrlDownloader downloader, TransactionalOperator transactions, Clock clock,
                            ImageProperties properties, ImageQuotas quotas) {
        return new ImageIntake(images, blobs, validator, policy, downloader, transactions, clock,
                properties.maxUploadSize().toBytes(), quotas,
                new ImportSlots(properties.importing().maxConcurrent(), properties.importing().maxConcurrentPerTenant()));
    }
}
