package io.voidvm.vm.operation.web;

import io.voidvm.servicekit.problem.domain.ProblemType;
import io.voidvm.vm.operation.domain.Operation;
import io.voidvm.vm.operation.domain.OperationAction;
import io.voidvm.vm.operation.domain.OperationProblem;
import io.voidvm.vm.operation.domain.OperationStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An operation as clients see it.
 *
 * @param requestedBy the subject of the token that asked for it
 * @param deadline    when an operation still open fails with {@code TIMED_OUT} (set by action at acceptance)
 * @param problem     an RFC 9457 problem when FAILED, else {@code null}
 */
public record OperationView(
        UUID id,
        UUID vmId,
        String tenantId,
        OperationAction action,
        OperationStatus status,
        String requestedBy,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        Instant deadline,
        ProblemView problem) {

    /** Why an operation failed, shaped like the platform's problem documents. */
    public record ProblemView(String type, String title, String detail, String code) {

        static ProblemView of(OperationProblem problem) {
            String code = problem.code().toLowerCase(Locale.ROOT).replace('_', '-');
            return new ProblemView(ProblemType.TYPE_BASE + "operation/" + code, "Operation failed",
                    problem.detail(), problem.code());
        }
    }

    public static OperationView of(Operation op) {
        return new OperationView(op.id(), op.vmId(), op.tenantId(), op.action(), op.status(), op.requestedBy(),
                op.createdAt(), op.updatedAt(), op.finishedAt(), op.deadline(),
                op.problem() == null ? null : ProblemView.of(op.problem()));
    }

    public static String location(UUID operationId) {
        return "/api/v1/operations/" + operationId;
    }
}
