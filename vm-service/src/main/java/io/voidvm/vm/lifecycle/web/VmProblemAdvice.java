package io.voidvm.vm.lifecycle.web;

import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.FieldViolation;
import io.voidvm.servicekit.problem.domain.ProblemType;
import io.voidvm.vm.idempotency.IdempotencyKeyReusedException;
import io.voidvm.vm.lifecycle.domain.InvalidTransition;
import io.voidvm.vm.lifecycle.domain.InvalidVmSpec;
import io.voidvm.vm.lifecycle.domain.VmDomainException;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers the VM rules' refusals as problems, written by service-kit's writer so they look like every other
 * problem: an invalid spec lists each field (400), a refused transition names the current status (409).
 */
@RestControllerAdvice
class VmProblemAdvice {

    private final ProblemWriter writer;

    VmProblemAdvice(ProblemWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @ExceptionHandler(VmDomainException.class)
    Mono<Void> refused(VmDomainException refusal, ServerWebExchange exchange) {
        Problem problem = switch (refusal) {
            case InvalidTransition transition -> Problem.of(ProblemType.CONFLICT, transition.getMessage(),
                    Map.of("currentState", transition.currentStatus().name()));
            case InvalidVmSpec spec -> Problem.validation(spec.getMessage(), spec.violations().stream()
                    .map(violation -> new FieldViolation(violation.field(), violation.reason())).toList());
        };
        return writer.write(exchange, problem);
    }

    /** 422: the request is well-formed but cannot be processed under this key. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    Mono<Void> keyReused(IdempotencyKeyReusedException reused, ServerWebExchange exchange) {
        return writer.write(exchange, new Problem(ProblemType.INVALID_REQUEST, 422, reused.getMessage(), Map.of(),
                null));
    }
}
