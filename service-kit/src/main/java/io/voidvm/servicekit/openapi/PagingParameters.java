package io.voidvm.servicekit.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.PageRequest;
import java.math.BigDecimal;
import java.util.Arrays;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents a {@link PageRequest} handler parameter as what the client really sends: {@code limit} and
 * {@code cursor} query parameters (springdoc is told to ignore the record itself).
 */
final class PagingParameters implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean paged = Arrays.stream(handlerMethod.getMethodParameters())
                .anyMatch(parameter -> PageRequest.class.equals(parameter.getParameterType()));
        if (!paged || hasQueryParameter(operation, PageRequest.LIMIT_PARAMETER)) {
            return operation;
        }
        operation.addParametersItem(new Parameter()
                .in("query")
                .name(PageRequest.LIMIT_PARAMETER)
                .required(false)
                .description("Most items to return.")
                .schema(Schemas.integer()
                        .minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                        ._default(PageRequest.DEFAULT_LIMIT)));
        operation.addParametersItem(new Parameter()
                .in("query")
                .name(Cursor.PARAMETER)
                .required(false)
                .description("Opaque `nextCursor` of the previous page; omit for the first page.")
                .schema(Schemas.string()));
        return operation;
    }

    private static boolean hasQueryParameter(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "query".equals(parameter.getIn()) && name.equals(parameter.getName()));
    }
}
