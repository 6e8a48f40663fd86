package io.voidvm.vm.lifecycle.web;

import io.voidvm.vm.idempotency.IdempotentRequests;
import io.voidvm.vm.idempotency.StoredResponse;
import io.voidvm.vm.lifecycle.app.Accepted;
import io.voidvm.vm.lifecycle.app.VersionPrecondition;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.operation.web.OperationView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the responses of POST and DELETE as stored bytes, so that an idempotent replay is byte for byte the
 * first answer, and computes the canonical request an {@code Idempotency-Key} is bound to.
 */
@Component
class Responses {

    static final String OPERATION_LOCATION = "Operation-Location";

    private final JsonMapper json;

    Responses(JsonMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** 201 with the new VM; the creating operation is linked for clients that want to wait for the node. */
    StoredResponse created(Accepted accepted) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.LOCATION, VmView.location(accepted.vm().id()));
        headers.put(HttpHeaders.ETAG, VersionPrecondition.etag(accepted.vm().version()));
        headers.put(OPERATION_LOCATION, OperationView.location(accepted.operation().id()));
        return body(HttpStatus.CREATED, VmView.of(accepted.vm()), headers);
    }

    /** 202 with the operation, at the address it can be polled from. */
    StoredResponse accepted(Accepted accepted) {
        return body(HttpStatus.ACCEPTED, OperationView.of(accepted.operation()),
                Map.of(HttpHeaders.LOCATION, OperationView.location(accepted.operation().id())));
    }

    static ResponseEntity<VmView> vm(Vm vm) {
        return ResponseEntity.ok().eTag(VersionPrecondition.etag(vm.version())).body(VmView.of(vm));
    }

    static ResponseEntity<byte[]> entity(IdempotentRequests.Outcome outcome) {
        StoredResponse response = outcome.response();
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON);
        response.headers().forEach((name, value) -> builder.header(name, value));
        if (outcome.replayed()) {
            builder.header(IdempotentRequests.REPLAYED_HEADER, "true");
        }
        return builder.body(response.body());
    }

    /** What an Idempotency-Key promises to repeat: method, path, query and the body as the server read it. */
    String canonicalRequest(ServerHttpRequest request, Object body) {
        String query = request.getURI().getRawQuery();
        return request.getMethod().name() + " " + request.getPath().value() + (query == null ? "" : "?" + query)
                + "\n" + (body == null ? "" : json.writeValueAsString(body));
    }

    private StoredResponse body(HttpStatus status, Object body, Map<String, String> headers) {
        return new StoredResponse(status.value(), headers, json.writeValueAsBytes(body));
    }
}
