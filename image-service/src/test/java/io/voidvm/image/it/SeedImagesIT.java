package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.support.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Local mode's seeding: files in voidvm.image.seed-dir are public, READY images when the service is up. */
class SeedImagesIT extends ImageServiceIT {

    @DynamicPropertySource
    static void seeds(DynamicPropertyRegistry registry) {
        try {
            Path work = Files.createTempDirectory("voidvm-seed-work");
            Path seeds = Files.createDirectories(work.resolve("seeds"));
            Files.move(TestImages.markerQcow2(work, "marker"), seeds.resolve("seeded-marker.qcow2"));
            registry.add("voidvm.image.seed-dir", seeds::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSeedIsAPublicReadyImageEveryTenantSees() {
        Map<?, ?> page = as(newTenant()).get().uri("/api/v1/images?limit=200").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> seeded = ((List<?>) page.get("items")).stream().<Map<?, ?>>map(item -> (Map<?, ?>) item)
                .filter(item -> "seeded-marker".equals(item.get("name"))).toList();
        assertThat(seeded).singleElement().satisfies(image -> {
            assertThat(image.get("visibility")).isEqualTo("PUBLIC");
            assertThat(image.get("status")).isEqualTo("READY");
            assertThat(image.get("format")).isEqualTo("qcow2");
            assertThat(image.get("tenantId")).isEqualTo("voidvm-platform");
        });
    }
}
