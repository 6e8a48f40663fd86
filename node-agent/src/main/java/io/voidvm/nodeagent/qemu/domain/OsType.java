package io.voidvm.nodeagent.qemu.domain;

/** The guest OS family, as far as the virtual hardware must care (Windows keeps its RTC in local time). */
public enum OsType {
    LINUX,
    WINDOWS,
    OTHER
}
