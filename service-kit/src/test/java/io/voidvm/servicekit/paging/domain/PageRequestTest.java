package io.voidvm.servicekit.paging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToFiftyAndTheFirstPage() {
        PageRequest request = PageRequest.parse(null, " ");
        assertThat(request.limit()).isEqualTo(50);
        assertThat(request.after()).isEmpty();
        assertThat(request.fetchSize()).isEqualTo(51);
    }

    @Test
    void acceptsLimitsOneToTwoHundred() {
        assertThat(PageRequest.parse("1", null).limit()).isEqualTo(1);
        assertThat(PageRequest.parse("200", null).limit()).isEqualTo(200);
    }

    @Test
    void rejectsBadLimitsNamingTheParameter() {
        for (String limit : List.of("0", "201", "-5", "ten", "1.5", "99999999999")) {
            assertThatThrownBy(() -> PageRequest.parse(limit, null))
                    .as(limit)
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    @Test
    void cursorRoundTripsSortKeysIncludingAwkwardCharacters() {
        Cursor cursor = Cursor.of("2026-01-01T00:00:00Z", "id|with\u001fseparators,ü");
        String token = cursor.encode();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(token)).isEqualTo(cursor);
        assertThat(PageRequest.parse("10", token).after()).contains(cursor);
    }

    @Test
    void rejectsForeignCursorsNamingTheParameter() {
        String truncated = Cursor.of("abc", "def").encode();
        String trailing = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[] {1, 1, 0, 1, 'a', 'z'});
        String wrongVersion = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {9, 1, 0, 1, 'a'});
        for (String token : List.of("not base64!", truncated.substring(0, truncated.length() - 3), trailing,
                wrongVersion, "AA", "x".repeat(5000))) {
            assertThatThrownBy(() -> PageRequest.parse(null, token))
                    .as(token)
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void pageOfFetchedRowsHasCursorOnlyWhenMoreExist() {
        PageRequest request = PageRequest.first(3);
        List<Integer> fetched = IntStream.range(0, request.fetchSize()).boxed().toList();
        CursorPage<Integer> page = CursorPage.of(fetched, request, i -> Cursor.of(Integer.toString(i)));
        assertThat(page.items()).containsExactly(0, 1, 2);
        assertThat(Cursor.decode(page.nextCursor()).key(0)).isEqualTo("2");

        CursorPage<Integer> last = CursorPage.of(List.of(7, 8), request, i -> Cursor.of(Integer.toString(i)));
        assertThat(last.items()).containsExactly(7, 8);
        assertThat(last.nextCursor()).isNull();
        assertThat(last.map(i -> "#" + i).items()).containsExactly("#7", "#8");
    }
}
