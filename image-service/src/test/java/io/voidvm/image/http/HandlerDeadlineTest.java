package io.voidvm.image.http;

import io.voidvm.servicekit.problem.ProblemWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** A handler that does not answer in time gets a 503 in its place; a streaming upload is left to its read time-out. */
class HandlerDeadlineTest {

    private final HandlerDeadline deadline = new HandlerDeadline(Duration.ofMillis(300),
            new ProblemWriter(JsonMapper.builder().build()));

    @Test
    void aHandlerThatNeverAnswersIsA503WithRetryAfter() {
        WebTestClient client = WebTestClient.bindToWebHandler(exchange -> Mono.never()).webFilter(deadline).build();
        client.get().uri("/api/v1/images").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
    }

    @Test
    void anUploadIsNotCutOffByTheDeadline() {
        WebTestClient client = WebTestClient.bindToWebHandler(exchange -> Mono.delay(Duration.ofMillis(800))
                        .then(exchange.getResponse().setComplete()))
                .webFilter(deadline).build();
        client.put().uri("/api/v1/images/0d9e6c1c-4b8e-4a3e-9d55-1f0e8a3c2b11/file")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[16])
                .exchange().expectStatus().isOk();
        client.post().uri("/api/v1/images").contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue("--x--").exchange().expectStatus().isOk();
    }

    @Test
    void aFileDownloadIsNotCutOffByTheDeadline() {
        WebTestClient client = WebTestClient.bindToWebHandler(exchange -> Mono.delay(Duration.ofMillis(800))
                        .then(exchange.getResponse().setComplete()))
                .webFilter(deadline).build();
        client.get().uri("/api/v1/images/0d9e6c1c-4b8e-4a3e-9d55-1f0e8a3c2b11/file").exchange()
                .expectStatus().isOk();
        WebTestClient never = WebTestClient.bindToWebHandler(exchange -> Mono.never()).webFilter(deadline).build();
        never.get().uri("/api/v1/images/0d9e6c1c-4b8e-4a3e-9d55-1f0e8a3c2b11").exchange()
                .expectStatus().isEqualTo(503);
    }
}
