package io.voidvm.image.catalog.domain;

/** PRIVATE: the owning tenant only. PUBLIC: every tenant may use it; only admins publish. */
public enum Visibility {
    PRIVATE,
    PUBLIC
}
