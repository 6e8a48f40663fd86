package io.voidvm.image.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.catalog.domain.ImageUsage;
import io.voidvm.image.config.ImageProperties;
import io.voidvm.image.platform.CircuitBreakers;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The {@code auth-service} breaker of the quota client: an open breaker is the same "cannot tell" refusal (503
 * naming auth-service) as a time-out, 5xx answers open it, refusals and other 4xx never do. auth-service is faked
 * by the WebClient's exchange function; ImageQuotaIT runs the client over real HTTP.
 */
class AuthServiceTenantQuotaBreakerTest {

    private static final ImageUsage IN_USE = new ImageUsage(1, 1);
    private static final String REFUSAL = """
            {"status":409,"code":"quota-exceeded","quota":"images","limit":1,"used":1,"requested":1}""";

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void anOpenBreakerIsA503NamingAuthServiceWithoutAskingIt() {
        CircuitBreaker breaker = breaker(5);
        AuthServiceTenantQuota quota = quota(breaker, HttpStatus.OK, "{}");
        breaker.transitionToForcedOpenState();

        StepVerifier.create(quota.admit("t1", IN_USE, 1, 0))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ImageRefusal.QuotaUnknown.class)
                        .hasMessageContaining("auth-service failed repeatedly"))
                .verify();
        StepVerifier.create(quota.report("t1", IN_USE))
                .expectError(ImageRefusal.QuotaUnknown.class)
                .verify();
        assertThat(calls).as("auth-service was not asked").hasValue(0);
    }

    @Test
    void failingAnswersOpenTheBreakerAndLaterCallsAreRefusedAtOnce() {
        CircuitBreaker breaker = breaker(2);
        AuthServiceTenantQuota quota = quota(breaker, HttpStatus.SERVICE_UNAVAILABLE, "{}");

        for (int i = 0; i < 2; i++) {
            StepVerifier.create(quota.report("t1", IN_USE))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ImageRefusal.QuotaUnknown.class)
                            .hasMessageContaining("auth-service answered 503"))
                    .verify();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        StepVerifier.create(quota.admit("t1", IN_USE, 1, 0))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ImageRefusal.QuotaUnknown.class)
                        .hasMessageContaining("not asked for a while"))
                .verify();
        assertThat(calls).hasValue(2);
    }

    @Test
    void quotaRefusalsAndOtherClientErrorsNeverOpenTheBreaker() {
        CircuitBreaker breaker = breaker(2);
        AuthServiceTenantQuota refusing = quota(breaker, HttpStatus.CONFLICT, REFUSAL);
        AuthServiceTenantQuota forbidding = quota(breaker, HttpStatus.FORBIDDEN, "{}");

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(refusing.admit("t1", IN_USE, 1, 0))
                    .expectError(QuotaExceededException.class)
                    .verify();
            StepVerifier.create(forbidding.report("t1", IN_USE))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ImageRefusal.QuotaUnknown.class)
                            .hasMessageContaining("auth-service answered 403"))
                    .verify();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private static CircuitBreaker breaker(int minimumCalls) {
        return CircuitBreakers.of("auth-service",
                new ImageProperties.Breaker(50, minimumCalls, minimumCalls, Duration.ofMinutes(1), 1),
                AuthServiceTenantQuota::isAnswer);
    }

    /** The usage PUT answers 204 unless auth-service fails; the check answers {@code status} with {@code body}. */
    private AuthServiceTenantQuota quota(CircuitBreaker breaker, HttpStatus status, String body) {
        WebClient client = WebClient.builder().exchangeFunction(request -> {
            calls.incrementAndGet();
            boolean usage = request.url().getPath().startsWith("/internal/v1/usage/");
            HttpStatus answer = usage && status.is2xxSuccessful() || usage && status == HttpStatus.CONFLICT
                    ? HttpStatus.NO_CONTENT : status;
            return Mono.just(ClientResponse.create(answer)
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .body(answer == HttpStatus.NO_CONTENT ? "" : body)
                    .build());
        }).build();
        return new AuthServiceTenantQuota(client, breaker, Duration.ofSeconds(5));
    }
}
