package io.voidvm.kafkakit;

import io.voidvm.contracts.codec.ContractException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which failures are poison (never retried, dead-lettered at once) and the reason code each is reported under.
 * A {@link ContractException} always is, under its own {@link ContractException.Reason}; a consumer may add its
 * own poison, such as a command addressed to another node. Anything else is retried first and then reported as
 * {@link #PROCESSING_FAILED}. Codes are metric tag values, so the set stays small and fixed.
 */
public final class DeadLetterReasons {

    /** A failure that is not poison but outlasted the retries (the database away for too long). */
    public static final String PROCESSING_FAILED = "PROCESSING_FAILED";

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final Map<Class<? extends Exception>, String> poison;

    private DeadLetterReasons(Map<Class<? extends Exception>, String> poison) {
        this.poison = poison;
    }

    /** Contract violations only. */
    public static DeadLetterReasons contracts() {
        return new DeadLetterReasons(Map.of());
    }

    /**
     * These reasons plus one more kind of poison.
     *
     * @param reason an upper-case code such as {@code MISROUTED}
     */
    public DeadLetterReasons and(Class<? extends Exception> type, String reason) {
        Objects.requireNonNull(type, "type");
        if (reason == null || !CODE.matcher(reason).matches()) {
            throw new IllegalArgumentException("a reason is an upper-case code of up to 40 characters: " + reason);
        }
        Map<Class<? extends Exception>, String> more = new LinkedHashMap<>(poison);
        more.put(type, reason);
        return new DeadLetterReasons(Collections.unmodifiableMap(more));
    }

    /** The code of a failure: the first poison found along its causes, else {@link #PROCESSING_FAILED}. */
    public String reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ContractException contract) {
                return contract.reason().name();
            }
            for (var entry : poison.entrySet()) {
                if (entry.getKey().isInstance(cause)) {
                    return entry.getValue();
                }
            }
        }
        return PROCESSING_FAILED;
    }

    /** The exception types the error handler must not retry. */
    List<Class<? extends Exception>> notRetryable() {
        List<Class<? extends Exception>> types = new ArrayList<>();
        types.add(ContractException.class);
        types.addAll(poison.keySet());
        return List.copyOf(types);
    }
}
