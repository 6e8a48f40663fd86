package io.voidvm.auth.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvatarUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example/a.png", "HTTPS://cdn.example:8443/x/y.png?s=64"})
    void acceptsHttpsUrlsWithAHost(String url) {
        assertThat(AvatarUrls.require(url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://cdn.example/a.png", "javascript:alert(1)", "data:image/png;base64,AAAA",
            "https:///a.png", "https://user:pw@cdn.example/a.png", "cdn.example/a.png", "https://bad host/"})
    void refusesAnythingElseNamingTheField(String url) {
        assertThatThrownBy(() -> AvatarUrls.require(url))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("avatarUrl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankMeansNoAvatar(String url) {
        assertThat(AvatarUrls.require(url)).isNull();
        assertThat(AvatarUrls.require(null)).isNull();
    }

    @Test
    void refusesOverlongUrls() {
        assertThatThrownBy(() -> AvatarUrls.require("https://cdn.example/" + "a".repeat(AvatarUrls.MAX_LENGTH)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2048");
    }
}
