package io.voidvm.vm.lifecycle.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A change to an existing VM. A {@code null} field means "leave as it is"; an empty description clears it.
 * {@link Field#needsStoppedVm()} says which changes the state machine allows only on a stopped VM.
 */
public record VmUpdate(String name, String description, Integer cpuCores, Long memoryMb) {

    /** The fields an update can touch, named as in the request body. */
    public enum Field {
        NAME("name", false, true),
        DESCRIPTION("description", false, false),
        CPU_CORES("cpuCores", true, true),
        MEMORY_MB("memoryMb", true, true);

        private final String jsonName;
        private final boolean needsStoppedVm;
        private final boolean inNodeSpec;

        Field(String jsonName, boolean needsStoppedVm, boolean inNodeSpec) {
            this.jsonName = jsonName;
            this.needsStoppedVm = needsStoppedVm;
            this.inNodeSpec = inNodeSpec;
        }

        public String jsonName() {
            return jsonName;
        }

        /** QEMU cannot change it under a running guest, so the VM must be stopped (or not yet placed). */
        public boolean needsStoppedVm() {
            return needsStoppedVm;
        }

        /** Part of the spec the node keeps, so a change is sent to the node as a new definition. */
        public boolean inNodeSpec() {
            return inNodeSpec;
        }
    }

    /** The fields whose requested value differs from the VM's current one. */
    public Set<Field> changedFields(Vm current) {
        Set<Field> changed = EnumSet.noneOf(Field.class);
        if (name != null && !name.equals(current.name())) {
            changed.add(Field.NAME);
        }
        if (description != null && !description.equals(current.description())) {
            changed.add(Field.DESCRIPTION);
        }
        if (cpuCores != null && cpuCores != current.cpuCores()) {
            changed.add(Field.CPU_CORES);
        }
        if (memoryMb != null && memoryMb != current.memoryMb()) {
            changed.add(Field.MEMORY_MB);
        }
        return changed;
    }

    String nameOr(String current) {
        return Objects.requireNonNullElse(name, current);
    }

    String descriptionOr(String current) {
        return Objects.requireNonNullElse(description, current);
    }

    int cpuCoresOr(int current) {
        return cpuCores == null ? current : cpuCores;
    }

    long memoryMbOr(long current) {
        return memoryMb == null ? current : memoryMb;
    }
}
