package io.voidvm.auth.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.auth.it.AbstractAuthIT;
import io.voidvm.testsupport.http.RefusedInput;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The service-kit input rules on auth-service (ADR 0016), including the six requests that were 500s when a NUL
 * reached PostgreSQL: each refusal is a problem naming the field or parameter, and nothing is written.
 */
class StrictInputIT extends AbstractAuthIT {

    @Autowired
    DatabaseClient db;

    @LocalServerPort
    int port;

    @Test
    void nulAndControlCharactersInATokenNameAreRefused() {
        String alice = tokenOf(VoidvmRealm.ALICE);
        for (String name : new String[] {"\\u0000", "a\\u0000b", "\\u001b[31m", "tab\\there", RefusedInput.CONTROL_ESCAPES}) {
            assertRefused(HttpMethod.POST, "/api/v1/tokens", alice, "{\"name\":\"" + name + "\"}",
                    MediaType.APPLICATION_JSON, 400, "validation-failed", "name");
        }
    }

    @Test
    void scalarsForATokenNameAndDuplicateKeysAreRefused() {
        String alice = tokenOf(VoidvmRealm.ALICE);
        for (String scalar : new String[] {"true", "12345", "9223372036854775808", "1.5"}) {
            assertRefused(HttpMethod.POST, "/api/v1/tokens", alice, "{\"name\":" + scalar + "}",
                    MediaType.APPLICATION_JSON, 400, "malformed-request", "name");
        }
        assertRefused(HttpMethod.POST, "/api/v1/tokens", alice, "{\"name\":\"a\",\"name\":\"b\"}",
                MediaType.APPLICATION_JSON, 400, "malformed-request", "name");
    }

    @Test
    void tenantsRefuseNumbersForIdsAndNulInDisplayNames() {
        String admin = platformToken();
        assertRefused(HttpMethod.POST, "/api/v1/tenants", admin, "{\"id\":12345,\"displayName\":\"Numbers\"}",
                MediaType.APPLICATION_JSON, 400, "malformed-request", "id");
        assertRefused(HttpMethod.POST, "/api/v1/tenants", admin, "{\"id\":\"nul-name\",\"displayName\":\"\\u0000\"}",
                MediaType.APPLICATION_JSON, 400, "validation-failed", "displayName");
        assertRefused(HttpMethod.POST, "/api/v1/tenants", admin, "{\"id\":\"dup\",\"id\":\"dup2\",\"displayName\":\"D\"}",
                MediaType.APPLICATION_JSON, 400, "malformed-request", "id");
    }

    @Test
    void aJsonBodyInAnotherCharsetThanUtf8IsA415() {
        EntityExchangeResult<byte[]> result = send(HttpMethod.POST, "/api/v1/tokens", tokenOf(VoidvmRealm.ALICE),
                "{\"name\":\"utf16\"}", MediaType.parseMediaType("application/json; charset=utf-16"));
        assertThat(result.getStatus().value()).isEqualTo(415);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void nulInAQueryOrPathParameterIsRefusedNamingIt() {
        String admin = platformToken();
        assertRefused(HttpMethod.GET, "/api/v1/audit?tenantId=%00", admin, null, null, 400, "invalid-request",
                "tenantId");
        assertRefused(HttpMethod.GET, "/api/v1/audit?action=%1B", admin, null, null, 400, "invalid-request",
                "action");
        assertRefused(HttpMethod.GET, "/api/v1/tenants/a%00b", admin, null, null, 400, "invalid-request", "id");
    }

    private void assertRefused(HttpMethod method, String uri, String token, String body, MediaType type, int status,
                               String code, String field) {
        long before = rows();
        EntityExchangeResult<byte[]> result = send(method, uri, token, body, type);
        RefusedInput.assertProblemNaming(result.getStatus().value(),
                String.valueOf(result.getResponseHeaders().getContentType()), result.getResponseBody(), status, code,
                field);
        assertThat(rows()).as("nothing written by %s %s", method, uri).isEqualTo(before);
    }

    /** An absolute URI goes out as written: percent-escapes reach the service undecoded. */
    private EntityExchangeResult<byte[]> send(HttpMethod method, String uri, String token, String body,
                                              MediaType type) {
        var request = client.method(method).uri(URI.create("http://localhost:" + port + uri))
                .headers(headers -> headers.setBearerAuth(token));
        if (body != null) {
            request.contentType(type).bodyValue(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange().expectBody().returnResult();
    }

    private long rows() {
        // not audit_log: logins of the tokens used here reach it from Keycloak's event feed at any time
        return db.sql("SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM api_tokens)")
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
