package io.voidvm.storage.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Creates the pools root at start-up, so a permission problem stops the service rather than a volume request. */
@Component
class PoolsRootDirectory implements InitializingBean {

    private final StorageProperties properties;

    PoolsRootDirectory(StorageProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            Files.createDirectories(properties.poolsRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("voidvm.storage.pools-root: cannot create " + properties.poolsRoot(), e);
        }
    }
}
