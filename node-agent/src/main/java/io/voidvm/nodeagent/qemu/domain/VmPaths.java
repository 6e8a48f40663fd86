package io.voidvm.nodeagent.qemu.domain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The host layout of one VM: {@code <stateDir>/vms/<vmId>/{spec.json, qmp.sock, vnc.sock, serial.log,
 * qemu.pid, disks/}}. Every path is derived here and checked to stay inside the VM's directory, so that no
 * name from a message or from a directory listing can point QEMU or the agent elsewhere. The checks are
 * lexical: the agent owns the state directory and creates no symbolic links in it.
 */
public record VmPaths(Path stateDir, UUID vmId) {

    /** {@code sun_path} holds 108 bytes including the terminating NUL. */
    public static final int MAX_SOCKET_PATH_BYTES = 107;

    /** The canonical, lower-case textual UUID; {@link UUID#fromString} alone also accepts "1-1-1-1-1". */
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String LONGEST_SOCKET = "vnc.sock";

    public VmPaths {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(vmId, "vmId");
        if (!stateDir.isAbsolute()) {
            throw new IllegalArgumentException("stateDir must be absolute: " + stateDir);
        }
        stateDir = stateDir.normalize();
    }

    /** Parses a VM directory name (e.g. from listing {@code vms/}); only a canonical UUID is accepted. */
    public static VmPaths of(Path stateDir, String vmDirName) {
        Objects.requireNonNull(vmDirName, "vmDirName");
        if (!isVmDirName(vmDirName)) {
            throw new IllegalArgumentException("not a VM directory name (canonical lower-case UUID): '"
                    + vmDirName + "'");
        }
        return new VmPaths(stateDir, UUID.fromString(vmDirName));
    }

    public static boolean isVmDirName(String name) {
        return CANONICAL_UUID.matcher(name).matches();
    }

    /** The longest socket path any VM under {@code stateDir} gets; must not exceed {@link #MAX_SOCKET_PATH_BYTES}. */
    public static int longestSocketPathBytes(Path stateDir) {
        Path sample = new VmPaths(stateDir, new UUID(0, 0)).vmDir().resolve(LONGEST_SOCKET);
        return sample.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    public Path vmsDir() {
        return stateDir.resolve("vms");
    }

    public Path vmDir() {
        return vmsDir().resolve(vmId.toString());
    }

    public Path specFile() {
        return vmDir().resolve("spec.json");
    }

    public Path qmpSocket() {
        return vmDir().resolve("qmp.sock");
    }

    public Path vncSocket() {
        return vmDir().resolve("vnc.sock");
    }

    public Path serialLog() {
        return vmDir().resolve("serial.log");
    }

    public Path pidFile() {
        return vmDir().resolve("qemu.pid");
    }

    public Path disksDir() {
        return vmDir().resolve("disks");
    }

    /** A disk file of this VM; {@code fileName} is one plain path element (no separators, no "..", no "."). */
    public Path disk(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (!FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new IllegalArgumentException("disk file name must be a plain file name: '" + fileName + "'");
        }
        return inside(disksDir(), disksDir().resolve(fileName));
    }

    /** Resolves {@code relative} under the VM directory; anything that would leave it is refused. */
    public Path resolve(String relative) {
        Objects.requireNonNull(relative, "relative");
        Path candidate = Path.of(relative);
        if (relative.isEmpty() || candidate.isAbsolute()) {
            throw new IllegalArgumentException("path must be relative to the VM directory: '" + relative + "'");
        }
        return inside(vmDir(), vmDir().resolve(candidate));
    }

    private static Path inside(Path root, Path candidate) {
        Path normalized = candidate.normalize();
        if (!normalized.startsWith(root) || normalized.equals(root)) {
            throw new IllegalArgumentException("path escapes " + root + ": " + candidate);
        }
        return normalized;
    }
}
