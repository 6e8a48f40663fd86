package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.nodeagent.qemu.domain.VmPaths;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VMs' {@code spec.json} files under {@code <stateDir>/vms/}: what a restarted agent knows without asking
 * anyone. Writes are atomic (temp file, fsync, rename, directory fsync).
 */
public final class VmStore {

    /** Bumped if the file's shape changes incompatibly; a reader refuses newer files rather than guess. */
    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path stateDir;

    public VmStore(Path stateDir) {
        this.stateDir = stateDir.toAbsolutePath().normalize();
    }

    /** The on-disk shape; a record of its own so that the domain record can evolve without breaking files. */
    record SpecFile(int format, UUID vmId, String tenantId, long generation, DesiredPower desired, boolean halted,
                    VmSpec spec) {
    }

    public VmPaths paths(UUID vmId) {
        return new VmPaths(stateDir, vmId);
    }

    /** VMs that have a spec file; directory names that are not canonical UUIDs are ignored. */
    public List<UUID> vmIds() {
        return vmDirIds().stream().filter(id -> Files.isRegularFile(paths(id).specFile())).toList();
    }

    /**
     * Every VM directory, with a spec file or without one (an agent that died while defining or removing a VM
     * leaves such directories); names that are not canonical UUIDs are ignored.
     */
    public List<UUID> vmDirIds() {
        Path vms = stateDir.resolve("vms");
        if (!Files.isDirectory(vms)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(vms)) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .filter(VmPaths::isVmDirName)
                    .map(UUID::fromString)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + vms, e);
        }
    }

    public Optional<VmRecord> load(UUID vmId) {
        Path file = paths(vmId).specFile();
        SpecFile content;
        try {
            content = JSON.readValue(Files.readAllBytes(file), SpecFile.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable " + file + ": " + e.getMessage(), e);
        }
        if (content.format() > FORMAT) {
            throw new IllegalStateException(file + " has format " + content.format() + ", this agent reads up to "
                    + FORMAT);
        }
        if (!vmId.equals(content.vmId())) {
            throw new IllegalStateException(file + " belongs to VM " + content.vmId());
        }
        return Optional.of(new VmRecord(vmId, content.tenantId(), content.spec(), content.desired(),
                content.generation(), content.halted()));
    }

    public void save(VmRecord record) {
        SpecFile content = new SpecFile(FORMAT, record.vmId(), record.tenantId(), record.generation(),
                record.desired(), record.halted(), record.spec());
        Path file = paths(record.vmId()).specFile();
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the VM's directory with everything in it (disks, logs, sockets). */
    public void delete(UUID vmId) {
        Path dir = paths(vmId).vmDir();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
