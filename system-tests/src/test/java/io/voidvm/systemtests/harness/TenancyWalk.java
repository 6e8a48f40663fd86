package io.voidvm.systemtests.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls documented operations with tenant A's ids in every path variable, a minimal valid body per request
 * schema and a harmless value for required parameters. What it does not know fails loudly: a route with a new
 * kind of variable or a new request schema must be taught here (give tenant A such a resource in the set-up),
 * so a route added tomorrow cannot slip through the walk untested.
 */
public final class TenancyWalk {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("/([^/{}]+)/\\{([^/{}]+)}");

    private final Map<String, String> idsOfA;
    private final Set<String> sharedSegments;
    private final Function<String, Map<String, Object>> bodies;

    /**
     * @param idsOfA         tenant A's resource id per collection segment before a variable ({@code vms} → a VM id)
     * @param sharedSegments collections whose resources every tenant may see (storage pools are platform-wide):
     *                       a route whose only variables name such resources is a collection of the caller's own
     * @param bodies         the body to send per request schema name, or null when the walk does not know it
     */
    public TenancyWalk(Map<String, String> idsOfA, Set<String> sharedSegments,
                       Function<String, Map<String, Object>> bodies) {
        this.idsOfA = Map.copyOf(idsOfA);
        this.sharedSegments = Set.copyOf(sharedSegments);
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    /** Whether the route names one of tenant A's own resources (then another tenant must get 404 or 403). */
    public boolean namesTenantResource(OpenApiDocument.Operation operation) {
        Matcher matcher = VARIABLE.matcher(operation.path());
        while (matcher.find()) {
            if (!sharedSegments.contains(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** Tenant A's ids that no other tenant may ever see (those of shared resources left out). */
    public List<String> privateIdsOfA() {
        return idsOfA.entrySet().stream().filter(entry -> !sharedSegments.contains(entry.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    public VoidvmApi.Response call(VoidvmApi api, OpenApiDocument.Operation operation) {
        Optional<String> raw = operation.rawBodyType();
        if (raw.isPresent()) {
            return api.call(operation.method(), uri(operation), raw.get(), new byte[512]);
        }
        String body = operation.bodySchema().map(schema -> {
            Map<String, Object> sample = bodies.apply(schema);
            if (sample == null) {
                throw new AssertionError("the tenancy walk has no sample body for " + schema + " (" + operation
                        + "): add a minimal valid one");
            }
            return JSON.writeValueAsString(sample);
        }).orElse(null);
        return api.call(operation.method(), uri(operation), body);
    }

    /** The path with every variable naming tenant A's resource, plus the required query parameters. */
    public String uri(OpenApiDocument.Operation operation) {
        Matcher matcher = VARIABLE.matcher(operation.path());
        StringBuilder uri = new StringBuilder();
        while (matcher.find()) {
            String value = idsOfA.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError("the tenancy walk has no tenant-A resource for {" + matcher.group(2)
                        + "} after /" + matcher.group(1) + " in " + operation + ": create one in the set-up");
            }
            matcher.appendReplacement(uri, Matcher.quoteReplacement("/" + matcher.group(1) + "/" + value));
        }
        matcher.appendTail(uri);
        if (uri.indexOf("{") >= 0) {
            throw new AssertionError("a variable of " + operation + " was left in " + uri);
        }
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.parameters("query")) {
            if (parameter.path("required").asBoolean(false)) {
                query.add(parameter.path("name").asString() + "=" + sample(parameter.path("schema")));
            }
        }
        return query.isEmpty() ? uri.toString() : uri + "?" + String.join("&", query);
    }

    public static boolean isProblem(VoidvmApi.Response answer) {
        String type = answer.header("Content-Type");
        return type != null && type.startsWith("application/problem+json");
    }

    private static String sample(JsonNode schema) {
        return switch (schema.path("type").asString()) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> "uuid".equals(schema.path("format").asString()) ? UUID.randomUUID().toString() : "x";
        };
    }
}
