package io.voidvm.nodeagent.host.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text the host prints about itself. */
public final class HostTextParsers {

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s+kB\\s*$");
    private static final Pattern QEMU_VERSION = Pattern.compile("QEMU emulator version (\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern CPU_RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

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

    /**
     * How many CPUs the host has online, from {@code /sys/devices/system/cpu/online} ({@code 0-3,6,8-9} is 7): the
     * host's count, whatever this JVM was limited to or told ({@code -XX:ActiveProcessorCount}).
     */
    public static int onlineCpus(String cpuList) {
        String list = cpuList.strip();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("an empty CPU list");
        }
        int count = 0;
        for (String part : list.split(",")) {
            Matcher range = CPU_RANGE.matcher(part);
            if (!range.matches()) {
                throw new IllegalArgumentException("not a CPU list: '" + list + "'");
            }
            int first = Integer.parseInt(range.group(1));
            int last = range.group(2) == null ? first : Integer.parseInt(range.group(2));
            if (last < first) {
                throw new IllegalArgumentException("not a CPU list: '" + list + "'");
            }
            count += last - first + 1;
        }
        return count;
    }

    /** The version number from {@code qemu-system-x86_64 --version} output, without the distribution suffix. */
    public static Optional<String> qemuVersion(String versionOutput) {
        Matcher matcher = QEMU_VERSION.matcher(versionOutput);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
