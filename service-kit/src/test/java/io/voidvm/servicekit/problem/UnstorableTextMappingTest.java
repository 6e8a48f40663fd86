package io.voidvm.servicekit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.voidvm.servicekit.problem.domain.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.r2dbc.BadSqlGrammarException;

/** The last line of defence: text PostgreSQL refuses is the client's fault (400), other SQL failures stay 500s. */
class UnstorableTextMappingTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void invalidByteSequenceIsA400() {
        var refused = new BadSqlGrammarException("insert", "INSERT INTO t VALUES ($1)",
                new R2dbcBadGrammarException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        Problem problem = mapper.map(refused, MockServerHttpRequest.get("/api/v1/things").build());
        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_REQUEST);
        assertThat(problem.detail()).doesNotContain("0x00", "UTF8");
    }

    @Test
    void otherSqlFailuresStay500s() {
        var broken = new BadSqlGrammarException("select", "SELECT nope",
                new R2dbcBadGrammarException("column \"nope\" does not exist", "42703"));
        assertThat(mapper.map(broken, MockServerHttpRequest.get("/api/v1/things").build()).status()).isEqualTo(500);
    }
}
