package io.voidvm.vm.lifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.vm.lifecycle.app.VersionPrecondition;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @Test
    void absentOrStarMatchesAnyVersion() {
        assertThat(IfMatch.parse(null)).isEqualTo(VersionPrecondition.NONE);
        assertThat(IfMatch.parse(" ")).isEqualTo(VersionPrecondition.NONE);
        assertThat(IfMatch.parse("*").anyVersion()).isTrue();
    }

    @Test
    void strongTagsNameVersions() {
        assertThat(IfMatch.parse("\"3\"")).isEqualTo(new VersionPrecondition(false, Set.of(3L)));
        assertThat(IfMatch.parse("\"3\", \"7\"").versions()).containsExactlyInAnyOrder(3L, 7L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "3", "\"three\"", "\"99999999999999999999\"", "\"-1\""})
    void weakOrForeignTagsMatchNothing(String header) {
        VersionPrecondition precondition = IfMatch.parse(header);
        assertThat(precondition.anyVersion()).isFalse();
        assertThat(precondition.versions()).isEmpty();
    }
}
