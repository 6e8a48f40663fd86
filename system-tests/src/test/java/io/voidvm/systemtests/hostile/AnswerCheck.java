package io.voidvm.systemtests.hostile;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a right answer to a hostile request is: never a 5xx; every error an RFC 9457 problem
 * ({@code application/problem+json} with {@code type}, {@code title}, {@code status} equal to the HTTP status and
 * {@code detail}); a refusal where the case demands one; and a 400 for a request that targeted one field or
 * parameter names it in {@code errors[].field}.
 *
 * <p>How strict the naming is: a body field counts as named when an entry is its JSON path, the path without a
 * trailing index ({@code networkIds} for {@code networkIds[0]}), or a path below it; other entries may be listed
 * too. Only 400s are held to it (a 404 or 415 may come before anyone reads the field), and only for NUL, control
 * characters and wrong types in a body or a query parameter: a path segment, bad percent-encoding, duplicate keys
 * and charsets may be refused by a layer that cannot know the parameter's name (Netty, the gateway's firewall).
 */
public final class AnswerCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerCheck() {
    }

    /** Why the answer is wrong, empty when it is right. */
    public static List<String> wrongs(HostileCase request, RawHttp.Answer answer) {
        List<String> wrongs = new ArrayList<>();
        int status = answer.status();
        if (status == HostileWalk.NO_ANSWER) {
            wrongs.add("no HTTP answer");
            return wrongs;
        }
        if (status >= 500) {
            wrongs.add("server error");
        }
        if (status < 400 && request.refusal() != HostileCase.Refusal.OPTIONAL) {
            wrongs.add("accepted (" + status + ")");
        }
        if (status >= 400) {
            JsonNode problem = problem(answer, wrongs);
            if (problem != null && status == 400 && request.refusal() == HostileCase.Refusal.NAMING_FIELD
                    && !names(problem, request.field())) {
                wrongs.add("400 does not name '" + request.field() + "' in errors[].field");
            }
        }
        return wrongs;
    }

    /** The problem document, or null after adding what is missing to {@code wrongs}. */
    private static JsonNode problem(RawHttp.Answer answer, List<String> wrongs) {
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            wrongs.add("no problem document (Content-Type " + type + ")");
            return null;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            wrongs.add("problem body is not JSON");
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String member : List.of("type", "title", "detail")) {
            if (!problem.path(member).isString() || problem.path(member).asString().isBlank()) {
                missing.add(member);
            }
        }
        if (problem.path("status").asInt(-1) != answer.status()) {
            missing.add("status=" + answer.status());
        }
        if (!missing.isEmpty()) {
            wrongs.add("problem lacks " + String.join(", ", missing));
        }
        return problem;
    }

    private static boolean names(JsonNode problem, String field) {
        String bare = field.endsWith("]") ? field.substring(0, field.lastIndexOf('[')) : field;
        for (JsonNode error : problem.path("errors")) {
            String named = error.path("field").asString("");
            if (named.equals(field) || named.equals(bare) || named.startsWith(bare + ".")
                    || named.startsWith(bare + "[")) {
                return true;
            }
        }
        return false;
    }
}
