package io.voidvm.image.seed;

import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.image.catalog.app.ImageCatalog;
import io.voidvm.image.catalog.app.ImageIntake;
import io.voidvm.image.catalog.db.ImageRepository;
import io.voidvm.image.catalog.domain.NewImage;
import io.voidvm.image.catalog.domain.Visibility;
import io.voidvm.image.config.ImageProperties;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers every file of the seed directory as a public image named after the file (without extension), once:
 * a public image of that name that did not fail means it is there already. The files go through the same
 * intake as uploads (checksum, qemu-img, blob store). A seed that fails is logged and does not stop start-up.
 */
@Component
@Order(10)
class SeedImages implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedImages.class);
    private static final Caller SEEDER = new Caller("image-service-seed", null, Set.of(Caller.ADMIN_ROLE));
    private static final int CHUNK = 256 * 1024;

    private final ImageProperties properties;
    private final ImageCatalog catalog;
    private final ImageIntake intake;
    private final ImageRepository images;

    SeedImages(ImageProperties properties, ImageCatalog catalog, ImageIntake intake, ImageRepository images) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.images = Objects.requireNonNull(images, "images");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path dir = properties.seedDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = imageName(file);
            try {
                seed(file, name).block();
            } catch (RuntimeException e) {
                log.warn("seed image {} from {} failed: {}", name, file, e.toString());
            }
        }
    }

    private Mono<Void> seed(Path file, String name) {
        return images.publicNameExists(name).flatMap(exists -> exists ? Mono.empty()
                : catalog.create(SEEDER, new NewImage(name, "seeded from " + file.getFileName(), OsType.OTHER, "",
                                Visibility.PUBLIC, null, null))
                        .flatMap(image -> intake.upload(SEEDER, image.id(), read(file), size(file), null))
                        .doOnNext(image -> log.info("seed image {} is {}{}", name, image.status(),
                                image.statusReason() == null ? "" : ": " + image.statusReason()))
                        .then());
    }

    private static Flux<org.springframework.core.io.buffer.DataBuffer> read(Path file) {
        return DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, CHUNK);
    }

    private static Long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }

    static String imageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
