package io.voidvm.vm.lifecycle.web;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;

/** Checks for free text that the domain rules do not cover but PostgreSQL or log readers would trip over. */
final class Text {

    private Text() {
    }

    /** No NUL (PostgreSQL text refuses it) and no other control characters except tab and line breaks. */
    static void requireStorable(String field, String value) {
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c == 0x7F)) {
            throw new InvalidRequestException(field, "must not contain control characters");
        }
    }
}
