package io.voidvm.servicekit.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.servicekit.testapp.WebSliceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

/** A controller taking a PageRequest pages with ?limit=&cursor= and rejects bad values as problems. */
class PagingWebTest extends WebSliceTest {

    @Test
    void walksAllPagesWithTheCursor() {
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = "/api/v1/things?limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = client.get().uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            seen.addAll((List<?>) page.get("items"));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(120);
    }

    @Test
    void limitOutOfRangeIs400NamingLimit() {
        client.get().uri("/api/v1/things?limit=500")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @Test
    void garbageCursorIs400NamingCursor() {
        client.get().uri("/api/v1/things?cursor=garbage!")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }
}
