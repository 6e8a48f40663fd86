package io.voidvm.vm.lifecycle.db;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Filters and order of a VM list.
 *
 * @param statuses   VMs in any of these statuses; empty for all
 * @param namePrefix VMs whose name starts with this; {@code null} for all
 */
public record VmQuery(Set<VmStatus> statuses, String namePrefix, VmSort sort) {

    private static final Pattern NAME_PREFIX = Pattern.compile("[a-z0-9-]{1,63}");

    public VmQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        Objects.requireNonNull(sort, "sort");
    }

    /**
     * Parses the raw query parameters.
     *
     * @param status comma-separated statuses, e.g. {@code RUNNING,PAUSED}
     * @param name   a name or the start of one
     * @throws InvalidRequestException naming the parameter that is wrong
     */
    public static VmQuery parse(String status, String name, String sort) {
        Set<VmStatus> statuses = EnumSet.noneOf(VmStatus.class);
        if (status != null && !status.isBlank()) {
            for (String part : status.split(",", -1)) {
                statuses.add(parseStatus(part.strip()));
            }
        }
        String prefix = null;
        if (name != null && !name.isEmpty()) {
            if (!NAME_PREFIX.matcher(name).matches()) {
                throw new InvalidRequestException("name", "must be 1-63 of a-z, 0-9 and '-' (the start of a "
                        + "DNS label)");
            }
            prefix = name;
        }
        return new VmQuery(statuses, prefix, VmSort.parse(sort));
    }

    public static VmQuery all() {
        return new VmQuery(Set.of(), null, VmSort.DEFAULT);
    }

    private static VmStatus parseStatus(String value) {
        // DELETED exists only on the wire: no stored VM has it
        return Arrays.stream(VmStatus.values()).filter(s -> s != VmStatus.DELETED && s.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("status", "must be a comma-separated list of "
                        + Arrays.stream(VmStatus.values()).filter(s -> s != VmStatus.DELETED).toList()));
    }
}
