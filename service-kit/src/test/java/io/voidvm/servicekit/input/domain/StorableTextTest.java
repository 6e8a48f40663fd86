package io.voidvm.servicekit.input.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void printableTextOfAnyScriptIsStorable() {
        assertThat(StorableText.refusal("web-1 Zoë € 😀 漢字", false)).isEmpty();
        assertThat(StorableText.refusal("", false)).isEmpty();
    }

    @Test
    void everyC0ControlDelAndC1IsRefusedOnOneLine() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(StorableText.refusal("a" + c, false)).as("U+%04X", (int) c).isPresent();
        }
        assertThat(StorableText.refusal("\u007f", false)).isPresent();
        for (char c = 0x80; c < 0xA0; c++) {
            assertThat(StorableText.refusal("a" + c, false)).as("U+%04X", (int) c).isPresent();
        }
        assertThat(StorableText.refusal("\u00a0", false)).isEmpty();
    }

    @Test
    void multilineTextAllowsTabAndLineBreaksOnly() {
        assertThat(StorableText.refusal("a\tb\nc\r\n", true)).isEmpty();
        assertThat(StorableText.refusal("a\u0000", true)).contains("must not contain control characters (U+0000)");
        assertThat(StorableText.refusal("\u001b[31m", true)).contains("must not contain control characters (U+001B)");
    }

    @Test
    void unpairedSurrogatesAreRefusedPairsAreNot() {
        assertThat(StorableText.refusal("\ud83d\ude00", false)).isEmpty();
        assertThat(StorableText.refusal("a\ud83d", false)).contains("must not contain unpaired surrogates");
        assertThat(StorableText.refusal("\ude00a", false)).contains("must not contain unpaired surrogates");
    }
}
