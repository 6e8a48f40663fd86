package io.voidvm.nodeagent.host.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text the host prints about itself. */
public final class HostTextParsers {

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s+kB\\s*$");
    private static final Pattern QEMU_VERSION = Pattern.compile("QEMU emulator version (\\d+\\.\\d+(?:\\.\\d+)?)");

    private HostTextParsers() {
    }

    /** Total memory in MiB from the content of {@code /proc/meminfo}. */
    public static long memTotalMb(String procMeminfo) {
        Matcher matcher = MEM_TOTAL.matcher(procMeminfo);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no 'MemTotal: <n> kB' line in /proc/meminfo");
        }
        return Long.parseLong(matcher.group(1)) / 1024;
    }

    /** The version number from {@code qemu-system-x86_64 --version} output, without the distribution suffix. */
    public static Optional<String> qemuVersion(String versionOutput) {
        Matcher matcher = QEMU_VERSION.matcher(versionOutput);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
