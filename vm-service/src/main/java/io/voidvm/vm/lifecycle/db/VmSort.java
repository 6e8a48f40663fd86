package io.voidvm.vm.lifecycle.db;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders a VM list can be read in ({@code ?sort=}); a leading '-' means descending. Each is a keyset over
 * (column, id), so the id breaks ties and pages never skip or repeat a row.
 */
public enum VmSort {
    CREATED_AT("createdAt", "created_at", false),
    CREATED_AT_DESC("-createdAt", "created_at", true),
    NAME("name", "name", false),
    NAME_DESC("-name", "name", true);

    public static final String PARAMETER = "sort";
    public static final VmSort DEFAULT = CREATED_AT_DESC;

    private final String parameter;
    private final String column;
    private final boolean descending;

    VmSort(String parameter, String column, boolean descending) {
        this.parameter = parameter;
        this.column = column;
        this.descending = descending;
    }

    /** @throws InvalidRequestException naming {@code sort} for anything but the documented values */
    public static VmSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidRequestException(PARAMETER, "must be one of " + Arrays.stream(values())
                        .map(VmSort::parameter).collect(Collectors.joining(", "))));
    }

    public String parameter() {
        return parameter;
    }

    String column() {
        return column;
    }

    boolean descending() {
        return descending;
    }
}
