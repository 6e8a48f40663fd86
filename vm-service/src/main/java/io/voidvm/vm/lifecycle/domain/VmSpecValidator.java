package io.voidvm.vm.lifecycle.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Field rules for VM specs. Every check runs and every violation is reported, so a client fixes a form in
 * one round trip. Name uniqueness per tenant is not checked here: only the database can decide it safely.
 */
public final class VmSpecValidator {

    public static final int MAX_NAME_LENGTH = 63;
    public static final int MIN_CPU_CORES = 1;
    public static final int MAX_CPU_CORES = 64;
    public static final long MIN_MEMORY_MB = 64;
    public static final int MIN_DISK_SIZE_GB = 1;
    public static final int MAX_DISK_SIZE_GB = 2048;
    public static final int MAX_DESCRIPTION_LENGTH = 1024;

    /** Why {@code networkIds} is refused: network-service has no networks to attach yet. */
    public static final String NETWORKS_UNAVAILABLE = "networks are not available yet (network-service has none): "
            + "leave networkIds out or empty";

    private static final Pattern NAME_CHARACTERS = Pattern.compile("[a-z0-9-]+");

    private final int maxCpuCores;
    private final long maxMemoryMb;

    /**
     * @param maxCpuCores at most {@value #MAX_CPU_CORES}; an operator may lower it
     * @param maxMemoryMb the most memory one VM may have, typically the largest node's allocatable memory
     */
    public VmSpecValidator(int maxCpuCores, long maxMemoryMb) {
        if (maxCpuCores < MIN_CPU_CORES || maxCpuCores > MAX_CPU_CORES) {
            throw new IllegalArgumentException("maxCpuCores must be within " + MIN_CPU_CORES + "-" + MAX_CPU_CORES
                    + ", got " + maxCpuCores);
        }
        if (maxMemoryMb < MIN_MEMORY_MB) {
            throw new IllegalArgumentException("maxMemoryMb must be at least " + MIN_MEMORY_MB + ", got "
                    + maxMemoryMb);
        }
        this.maxCpuCores = maxCpuCores;
        this.maxMemoryMb = maxMemoryMb;
    }

    /** The standard 1-64 vCPU range, with memory capped at the given node maximum. */
    public static VmSpecValidator withMaxMemoryMb(long maxMemoryMb) {
        return new VmSpecValidator(MAX_CPU_CORES, maxMemoryMb);
    }

    public long maxMemoryMb() {
        return maxMemoryMb;
    }

    public List<SpecViolation> validate(NewVm spec) {
        List<SpecViolation> violations = new ArrayList<>();
        checkName(spec.name(), violations);
        checkDescription(spec.description(), violations);
        checkRequired("cpuCores", spec.cpuCores(), violations);
        checkCpuCores(spec.cpuCores(), violations);
        checkRequired("memoryMb", spec.memoryMb(), violations);
        checkMemory(spec.memoryMb(), violations);
        if (spec.imageId() != null) {
            // the boot volume is cloned from the image at this size; without an image no size means no disk
            checkRequired("diskSizeGb", spec.diskSizeGb(), violations);
        }
        if (spec.diskSizeGb() != null && (spec.diskSizeGb() < MIN_DISK_SIZE_GB || spec.diskSizeGb() > MAX_DISK_SIZE_GB)) {
            violations.add(new SpecViolation("diskSizeGb", "must be between " + MIN_DISK_SIZE_GB + " and "
                    + MAX_DISK_SIZE_GB + " GB, got " + spec.diskSizeGb()));
        }
        checkNetworks(spec.networkIds(), violations);
        return List.copyOf(violations);
    }

    /** Checks only the fields the update sets. */
    public List<SpecViolation> validate(VmUpdate update) {
        List<SpecViolation> violations = new ArrayList<>();
        if (update.name() != null) {
            checkName(update.name(), violations);
        }
        checkDescription(update.description(), violations);
        checkCpuCores(update.cpuCores(), violations);
        checkMemory(update.memoryMb(), violations);
        return List.copyOf(violations);
    }

    public void requireValid(NewVm spec) {
        throwIfAny(validate(spec));
    }

    public void requireValid(VmUpdate update) {
        throwIfAny(validate(update));
    }

    private static void throwIfAny(List<SpecViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidVmSpec(violations);
        }
    }

    private static void checkName(String name, List<SpecViolation> violations) {
        String reason = nameProblem(name);
        if (reason != null) {
            violations.add(new SpecViolation("name", reason));
        }
    }

    /** The first rule the name breaks, or {@code null}; the rules together are an RFC 1123 DNS label. */
    private static String nameProblem(String name) {
        if (name == null) {
            return "is required";
        }
        if (name.isEmpty()) {
            return "must not be empty";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length();
        }
        if (!NAME_CHARACTERS.matcher(name).matches()) {
            return "may contain only lowercase letters a-z, digits and '-'";
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            return "must not start or end with '-'";
        }
        return null;
    }

    private static void checkDescription(String description, List<SpecViolation> violations) {
        if (description != null) {
            int length = description.codePointCount(0, description.length());
            if (length > MAX_DESCRIPTION_LENGTH) {
                violations.add(new SpecViolation("description", "must be at most " + MAX_DESCRIPTION_LENGTH
                        + " characters, got " + length));
            }
        }
    }

    private void checkCpuCores(Integer cpuCores, List<SpecViolation> violations) {
        if (cpuCores != null && (cpuCores < MIN_CPU_CORES || cpuCores > maxCpuCores)) {
            violations.add(new SpecViolation("cpuCores", "must be between " + MIN_CPU_CORES + " and " + maxCpuCores
                    + ", got " + cpuCores));
        }
    }

    private void checkMemory(Long memoryMb, List<SpecViolation> violations) {
        if (memoryMb != null && (memoryMb < MIN_MEMORY_MB || memoryMb > maxMemoryMb)) {
            violations.add(new SpecViolation("memoryMb", "must be between " + MIN_MEMORY_MB + " and " + maxMemoryMb
                    + " MB, got " + memoryMb));
        }
    }

    private static void checkNetworks(List<UUID> networkIds, List<SpecViolation> violations) {
        if (networkIds == null || networkIds.isEmpty()) {
            return;
        }
        violations.add(new SpecViolation("networkIds", NETWORKS_UNAVAILABLE));
        var seen = new HashSet<UUID>();
        for (int i = 0; i < networkIds.size(); i++) {
            UUID id = networkIds.get(i);
            if (id == null) {
                violations.add(new SpecViolation("networkIds[" + i + "]", "is required"));
            } else if (!seen.add(id)) {
                violations.add(new SpecViolation("networkIds[" + i + "]", "repeats network " + id));
            }
        }
    }

    private static void checkRequired(String field, Object value, List<SpecViolation> violations) {
        if (value == null) {
            violations.add(new SpecViolation(field, "is required"));
        }
    }
}
