package io.voidvm.systemtests.hostile;

import io.voidvm.systemtests.hostile.HostileCase.Refusal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile requests for one operation, each valid but for one thing: NUL and control characters in every path
 * parameter, query parameter and string field of the body; numbers and booleans where a string is expected;
 * duplicate keys; a UTF-16 charset on a UTF-8 body; bad percent-encoding in path and query; the path template's
 * literal {@code {variable}}; a query string of about 6,000 characters.
 */
public final class HostileCases {

    /** How long the long query string is: past Netty's default 4,096-byte request line, well below 8 KiB. */
    public static final int LONG_QUERY = 6_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^/{}]+)}");
    private static final String JSON_TYPE = "application/json";
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    /**
     * Put into a valid body's string values where a name must be unique (a VM's, a tenant's id, a username): each
     * request gets its own (lower-case letters and digits), so that once a hostile create was accepted the next
     * is not a mere 409 "name taken", which would hide whether its hostile value was accepted.
     */
    public static final String UNIQUE = "0unique0";

    /** Body values for a string field: name → value. */
    private static final Map<String, JsonNode> BODY_VALUES = bodyValues();

    /** Query and path values for a parameter, percent-encoded: (label, encoded value). */
    private static final List<String[]> PARAMETER_VALUES = List.of(
            new String[] {"nul", "%00"},
            new String[] {"nul-inside", "a%00b"},
            new String[] {"control", "%1B%5B31m"});

    private HostileCases() {
    }

    /**
     * One operation as the walk calls it validly.
     *
     * @param method     HTTP method
     * @param template   the documented path ({@code /api/v1/vms/{id}/start})
     * @param pathValues a valid value per path variable (not yet encoded)
     * @param query      the documented query parameters' names, and a valid value for the required ones
     * @param required   names of the required query parameters
     * @param body       the valid JSON body, or null (no JSON body)
     * @param rawType    the media type of a non-JSON body (an upload), or null
     * @param fields     the JSON body's string fields, as JSON paths
     */
    public record ValidRequest(String method, String template, Map<String, String> pathValues,
                               Map<String, String> query, List<String> required, ObjectNode body, String rawType,
                               List<String> fields) {

        /** The valid request's target, with {@code variable} replaced by the raw (already encoded) value. */
        String target(String variable, String raw, Map<String, String> queryOverride) {
            Matcher matcher = VARIABLE.matcher(template);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = name.equals(variable) ? raw : encode(pathValues.get(name));
                matcher.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            Map<String, String> params = new LinkedHashMap<>();
            required.forEach(name -> params.put(name, encode(query.get(name))));
            params.putAll(queryOverride);
            if (params.isEmpty()) {
                return path.toString();
            }
            List<String> pairs = new ArrayList<>();
            params.forEach((name, value) -> pairs.add(name + "=" + value));
            return path + "?" + String.join("&", pairs);
        }

        String validTarget() {
            return target(null, null, Map.of());
        }

        Map<String, String> bodyHeaders() {
            if (body != null) {
                return Map.of("Content-Type", JSON_TYPE);
            }
            return rawType == null ? Map.of() : Map.of("Content-Type", rawType);
        }

        byte[] validBody() {
            if (body != null) {
                return JSON.writeValueAsBytes(fresh(body));
            }
            return rawType == null ? null : new byte[512];
        }
    }

    /** The valid request itself, sent once per GET as a check that the walk's ids reach the handlers. */
    public static HostileCase baseline(ValidRequest request) {
        return new HostileCase("baseline", "the valid request", request.method(), request.validTarget(),
                request.bodyHeaders(), request.validBody(), null, Refusal.OPTIONAL);
    }

    /**
     * The cases of one operation. An internal route ({@code /internal/**}, service to service) gets one: the gateway
     * does not route it, so the valid request must be refused with a problem; what the service itself does with
     * hostile input there is its own tests' business.
     */
    public static List<HostileCase> of(ValidRequest request) {
        if (request.template().startsWith("/internal/")) {
            return List.of(new HostileCase("internal-route", "not routed by the gateway", request.method(),
                    request.validTarget(), request.bodyHeaders(), request.validBody(), null, Refusal.REQUIRED));
        }
        List<HostileCase> cases = new ArrayList<>();
        pathCases(request, cases);
        queryCases(request, cases);
        if (request.body() != null) {
            bodyCases(request, cases);
        }
        return List.copyOf(cases);
    }

    private static void pathCases(ValidRequest request, List<HostileCase> cases) {
        Matcher matcher = VARIABLE.matcher(request.template());
        while (matcher.find()) {
            String variable = matcher.group(1);
            for (String[] value : PARAMETER_VALUES) {
                // a path segment is not a named parameter for every layer (the gateway's firewall may refuse it
                // first): a 400 need not name it
                cases.add(withValidBody(request, value[0] + "-in-path", variable + "=" + value[1],
                        request.target(variable, value[1], Map.of()), null, Refusal.REQUIRED));
            }
            cases.add(withValidBody(request, "bad-encoding-in-path", variable + "=%ZZ",
                    request.target(variable, "%ZZ", Map.of()), null, Refusal.REQUIRED));
            cases.add(withValidBody(request, "literal-template-in-path", variable + "={" + variable + "}",
                    request.target(variable, "{" + variable + "}", Map.of()), null, Refusal.REQUIRED));
        }
        if (!matcher.reset().find()) {
            cases.add(withValidBody(request, "bad-encoding-in-path", "last segment + %ZZ",
                    request.template() + "%ZZ", null, Refusal.REQUIRED));
        }
    }

    private static void queryCases(ValidRequest request, List<HostileCase> cases) {
        for (String name : request.query().keySet()) {
            for (String[] value : PARAMETER_VALUES) {
                cases.add(withValidBody(request, value[0] + "-in-query", name + "=" + value[1],
                        request.target(null, null, Map.of(name, value[1])), name, Refusal.NAMING_FIELD));
            }
            cases.add(withValidBody(request, "bad-encoding-in-query", name + "=%ZZ",
                    request.target(null, null, Map.of(name, "%ZZ")), null, Refusal.REQUIRED));
        }
        if (request.query().isEmpty()) {
            // undocumented, but a query that cannot be decoded is refused before anyone asks for a parameter
            cases.add(withValidBody(request, "bad-encoding-in-query", "q=%ZZ",
                    request.target(null, null, Map.of("q", "%ZZ")), null, Refusal.REQUIRED));
        }
        // in a documented parameter (a cursor where there is one), or an undocumented one on a GET only: if the
        // gateway lets 6,000 characters through, a POST or DELETE that ignores the parameter would really be done
        if (!request.query().isEmpty() || request.method().equals("GET")) {
            String longName = request.query().containsKey("cursor") ? "cursor"
                    : request.query().keySet().stream().findFirst().orElse("cursor");
            cases.add(withValidBody(request, "long-query", longName + "=A×" + LONG_QUERY,
                    request.target(null, null, Map.of(longName, "A".repeat(LONG_QUERY))), null, Refusal.OPTIONAL));
        }
    }

    private static void bodyCases(ValidRequest request, List<HostileCase> cases) {
        String target = request.validTarget();
        for (String field : request.fields()) {
            BODY_VALUES.forEach((label, value) -> {
                ObjectNode body = fresh(request.body());
                put(body, field, value);
                String kind = value.isString() ? (label.startsWith("nul") ? "nul-in-body" : "control-in-body")
                        : value.isBoolean() ? "boolean-for-string" : "number-for-string";
                cases.add(new HostileCase(kind, field + "=" + label, request.method(), target,
                        Map.of("Content-Type", JSON_TYPE), JSON.writeValueAsBytes(body), field,
                        Refusal.NAMING_FIELD));
            });
        }
        ObjectNode validBody = fresh(request.body());
        String valid = JSON.writeValueAsString(validBody);
        validBody.propertyNames().stream().findFirst().ifPresent(first -> {
            // the first property once more, same value: a parser that lets the last win accepts it unnoticed
            String again = JSON.writeValueAsString(JsonNodeFactory.instance.stringNode(first)) + ":"
                    + JSON.writeValueAsString(validBody.path(first)) + ",";
            String duplicated = "{" + again + valid.substring(1);
            cases.add(new HostileCase("duplicate-key", first + " twice", request.method(), target,
                    Map.of("Content-Type", JSON_TYPE), duplicated.getBytes(StandardCharsets.UTF_8), null,
                    Refusal.REQUIRED));
        });
        cases.add(new HostileCase("wrong-charset", "charset=utf-16 on a UTF-8 body", request.method(), target,
                Map.of("Content-Type", JSON_TYPE + "; charset=utf-16"), valid.getBytes(StandardCharsets.UTF_8),
                null, Refusal.REQUIRED));
    }

    /**
     * Requests at the API's edge that belong to no operation: an unrouted path, a method the route does not have,
     * a media type it does not read, a body over the gateway's limit, paths the gateway's firewall refuses, and
     * headers too large to read. Each must be refused with a problem.
     */
    public static List<HostileCase> edge() {
        Map<String, String> json = Map.of("Content-Type", JSON_TYPE);
        byte[] huge = ("{\"name\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        return List.of(
                edge("unrouted", "no route", "GET", "/api/v1/hostile-walk-unrouted", Map.of(), null),
                edge("unrouted", "internal route", "GET", "/internal/v1/hostile-walk", Map.of(), null),
                edge("method-not-allowed", "PATCH on a collection", "PATCH", "/api/v1/vms", json,
                        "{}".getBytes(StandardCharsets.UTF_8)),
                edge("unsupported-media-type", "text/plain body", "POST", "/api/v1/vms",
                        Map.of("Content-Type", "text/plain"), "name=x".getBytes(StandardCharsets.UTF_8)),
                edge("payload-too-large", "a body of 1.1 MB", "POST", "/api/v1/vms", json, huge),
                edge("firewall", "encoded slash", "GET", "/api/v1/vms/..%2F..%2Finternal%2Fv1", Map.of(), null),
                edge("firewall", "semicolon", "GET", "/api/v1/vms;jsessionid=hostile", Map.of(), null),
                edge("headers-too-large", "a 20 kB header", "GET", "/api/v1/vms",
                        Map.of("X-Hostile-Walk", "A".repeat(20_000)), null));
    }

    private static HostileCase edge(String kind, String detail, String method, String target,
                                    Map<String, String> headers, byte[] body) {
        return new HostileCase(kind, detail, method, target, headers, body, null, Refusal.REQUIRED);
    }

    private static HostileCase withValidBody(ValidRequest request, String kind, String detail, String target,
                                             String field, Refusal refusal) {
        return new HostileCase(kind, detail, request.method(), target, request.bodyHeaders(), request.validBody(),
                field, refusal);
    }

    /** A copy of {@code body} with every {@link #UNIQUE} in its string values replaced by a value of its own. */
    private static ObjectNode fresh(ObjectNode body) {
        String suffix = RUN + "x" + Long.toString(REQUESTS.incrementAndGet(), 36);
        return (ObjectNode) replaceUnique(body.deepCopy(), suffix);
    }

    private static JsonNode replaceUnique(JsonNode node, String suffix) {
        if (node.isString() && node.asString().contains(UNIQUE)) {
            return JsonNodeFactory.instance.stringNode(node.asString().replace(UNIQUE, suffix));
        }
        if (node instanceof ObjectNode object) {
            object.propertyNames().forEach(name -> object.set(name, replaceUnique(object.path(name), suffix)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceUnique(array.path(i), suffix));
            }
        }
        return node;
    }

    /** Sets the value at a JSON path of {@link RequestSchema#stringFields()}, making objects on the way. */
    private static void put(ObjectNode body, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode child = parent.path(steps[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.endsWith("[0]")) {
            ArrayNode array = parent.putArray(last.substring(0, last.length() - 3));
            array.add(value);
        } else {
            parent.set(last, value);
        }
    }

    private static String encode(String value) {
        if (value == null) {
            return "x";
        }
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, JsonNode> bodyValues() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("nul", json.stringNode("\u0000"));
        values.put("nul-inside", json.stringNode("a\u0000b"));
        values.put("escape", json.stringNode("\u001b[31m"));
        values.put("bell", json.stringNode("bell\u0007"));
        values.put("12345", json.numberNode(12345));
        values.put("9223372036854775808", json.numberNode(new BigInteger("9223372036854775808")));
        values.put("true", json.booleanNode(true));
        return Collections.unmodifiableMap(values);
    }
}
