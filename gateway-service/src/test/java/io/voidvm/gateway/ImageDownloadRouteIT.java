package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * An image download ({@code GET /api/v1/images/{id}/file}) streams for as long as its bytes flow through the plain
 * {@code image-service} route: the route's time limit (2 s here, shorter than the download) and its GET retries end
 * when the answer's headers arrive (the body is written after the route's filters, by the gateway's response writer),
 * so neither cuts nor repeats a download in the middle.
 */
class ImageDownloadRouteIT extends GatewayIntegrationTest {

    private final String token = TOKENS.valid("download-test");

    @DynamicPropertySource
    static void shortImageTimeLimit(DynamicPropertyRegistry registry) {
        registry.add("voidvm.gateway.resilience.timeouts.image-service", () -> "2s");
    }

    @Test
    void aDownloadLongerThanTheServicesTimeLimitArrivesWholeAndIsAskedForOnce() {
        Duration download = FakeDownstreams.TRICKLE_EVERY.multipliedBy(FakeDownstreams.TRICKLE_CHUNKS);
        assertThat(download).as("longer than the time limit").isGreaterThan(Duration.ofSeconds(3));
        // the fake image-service answers GET ...?trickle with a slow stream
        String path = "/api/v1/images/" + UUID.randomUUID() + "/file?trickle";
        AtomicLong received = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Integer status = WebClient.create(gatewayUrl("")).get().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .exchangeToMono(response -> response.bodyToFlux(DataBuffer.class)
                        .doOnNext(buffer -> {
                            received.addAndGet(buffer.readableByteCount());
                            DataBufferUtils.release(buffer);
                        })
                        .doOnError(failure::set)
                        .onErrorResume(error -> Mono.empty())
                        .then(Mono.just(response.statusCode().value())))
                .block(Duration.ofSeconds(30));

        assertThat(failure.get()).as("the stream was not cut").isNull();
        assertThat(status).isEqualTo(200);
        assertThat(received.get()).isEqualTo(FakeDownstreams.TRICKLE_CHUNKS * 1024L);
        assertThat(DOWNSTREAMS.count("image", path)).as("not retried").isEqualTo(1);
    }
}
