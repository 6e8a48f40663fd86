package io.voidvm.vm.node.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.Overcommit;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /api/v1/nodes/{name}}, merge-patch style (RFC 7396): an absent field stays as it is,
 * {@code null} removes the node's own ratio (the configured default applies again), a number sets it. The fields
 * are JSON nodes because only they tell an absent field (Java {@code null}) from a JSON {@code null}.
 */
record UpdateNodeRequest(
        @Schema(description = "vCPUs handed out per allocatable vCPU on this node, 0.1-64; null for the default",
                type = "number", nullable = true, example = "8.0")
        JsonNode cpuOvercommit,
        @Schema(description = "MB handed out per allocatable MB on this node, 0.1-4; null for the default",
                type = "number", nullable = true, example = "1.0")
        JsonNode memoryOvercommit) {

    /** @throws InvalidRequestException naming the field that is not a number or null, or out of range */
    UnaryOperator<Node> toChange() {
        Double cpu = ratio("cpuOvercommit", cpuOvercommit, Overcommit.MAX_VCPUS);
        Double memory = ratio("memoryOvercommit", memoryOvercommit, Overcommit.MAX_MEMORY);
        return node -> node.withOvercommit(cpuOvercommit == null ? node.cpuOvercommit() : cpu,
                memoryOvercommit == null ? node.memoryOvercommit() : memory);
    }

    /** The ratio to store: {@code null} for an absent field or a JSON null (the caller tells the two apart). */
    private static Double ratio(String field, JsonNode value, double max) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidRequestException(field, "must be a number or null");
        }
        double ratio = value.asDouble();
        if (!(ratio >= Overcommit.MIN && ratio <= max)) {
            throw new InvalidRequestException(field, "must be between " + Overcommit.MIN + " and " + max);
        }
        return ratio;
    }
}
