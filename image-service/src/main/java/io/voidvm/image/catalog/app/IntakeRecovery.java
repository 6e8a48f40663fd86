package io.voidvm.image.catalog.app;

import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.image.catalog.db.ImageRepository;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: transfers a previous run left half done are FAILED (uploads and imports are not resumed) and
 * their temp files removed.
 */
@Component
@Order(0)
class IntakeRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IntakeRecovery.class);

    private final ImageRepository images;
    private final BlobStore blobs;
    private final Clock clock;

    IntakeRecovery(ImageRepository images, BlobStore blobs, Clock clock) {
        this.images = Objects.requireNonNull(images, "images");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void run(ApplicationArguments args) {
        int files = blobs.discardLeftovers();
        Long failed = images.interruptedTransfers()
                .concatMap(id -> images.failed(id, "interrupted by a restart of image-service; upload again",
                        clock.instant()))
                .count().block();
        if (files > 0 || failed != null && failed > 0) {
            log.info("removed {} temp file(s), failed {} interrupted transfer(s)", files, failed);
        }
    }
}
