package io.voidvm.servicekit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.servicekit.problem.domain.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ProblemTest {

    @Test
    void anUnavailableServiceIsA503NamingItWithRetryAfter() {
        Problem problem = Problem.unavailable("kafka", "Kafka could not list topics in time");
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(problem.body("/x", null)).containsEntry("service", "kafka")
                .containsEntry("detail", "Kafka could not list topics in time");
        assertThat(problem.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    }
}
