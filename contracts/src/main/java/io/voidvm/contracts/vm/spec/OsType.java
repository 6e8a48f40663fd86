package io.voidvm.contracts.vm.spec;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Guest OS family; lets the agent pick sane device defaults. An OS type this reader does not know
 * yet reads as {@link #OTHER} rather than failing the message: it only tunes defaults.
 */
public enum OsType {
    LINUX,
    WINDOWS,
    @JsonEnumDefaultValue
    OTHER
}
