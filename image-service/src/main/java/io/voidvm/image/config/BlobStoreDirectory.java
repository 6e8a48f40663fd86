package io.voidvm.image.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Creates the blob store directory at start-up, so a permission problem stops the service rather than an upload. */
@Component
class BlobStoreDirectory implements InitializingBean {

    private final ImageProperties properties;

    BlobStoreDirectory(ImageProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            Files.createDirectories(properties.blobStoreDir());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "voidvm.image.blob-store-dir: cannot create " + properties.blobStoreDir(), e);
        }
    }
}
