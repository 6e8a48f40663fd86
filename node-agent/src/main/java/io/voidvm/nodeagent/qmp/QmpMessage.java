package io.voidvm.nodeagent.qmp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** One line received from QEMU, classified. Parsing is strict: anything else is a protocol error. */
sealed interface QmpMessage {

    JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    record Greeting(QmpGreeting greeting) implements QmpMessage {
    }

    /** {@code id} is null when QEMU could not attribute the reply (it answers unparseable input that way). */
    record Reply(String id, JsonNode result, String errorClass, String errorDescription) implements QmpMessage {

        boolean failed() {
            return errorClass != null;
        }
    }

    record Event(QmpEvent event) implements QmpMessage {
    }

    static QmpMessage parse(byte[] line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new QmpProtocolException("malformed JSON from QEMU: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new QmpProtocolException("expected a JSON object from QEMU, got: " + abbreviate(line));
        }
        if (root.has("QMP")) {
            return new Greeting(greeting(root.get("QMP")));
        }
        if (root.has("event")) {
            return new Event(event(root));
        }
        if (root.has("return") || root.has("error")) {
            return reply(root);
        }
        throw new QmpProtocolException("unrecognised QMP message: " + abbreviate(line));
    }

    private static QmpGreeting greeting(JsonNode qmp) {
        JsonNode qemu = qmp.path("version").path("qemu");
        JsonNode capabilities = qmp.path("capabilities");
        if (!qemu.path("major").isIntegralNumber() || !qemu.path("minor").isIntegralNumber()
                || !qemu.path("micro").isIntegralNumber() || !capabilities.isArray()) {
            throw new QmpProtocolException("greeting lacks version.qemu.{major,minor,micro} or capabilities: " + qmp);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode capability : capabilities) {
            names.add(capability.asString());
        }
        JsonNode pkg = qmp.path("version").path("package");
        return new QmpGreeting(new QemuVersion(qemu.get("major").asInt(), qemu.get("minor").asInt(),
                qemu.get("micro").asInt(), pkg.isString() ? pkg.stringValue() : ""), names);
    }

    private static QmpEvent event(JsonNode root) {
        JsonNode name = root.get("event");
        JsonNode timestamp = root.path("timestamp");
        if (!name.isString() || !timestamp.path("seconds").isIntegralNumber()
                || !timestamp.path("microseconds").isIntegralNumber()) {
            throw new QmpProtocolException("event lacks a name or timestamp: " + root);
        }
        JsonNode data = root.has("data") ? root.get("data") : JsonNodeFactory.instance.objectNode();
        Instant at = Instant.ofEpochSecond(timestamp.get("seconds").asLong(),
                timestamp.get("microseconds").asLong() * 1_000);
        return new QmpEvent(name.stringValue(), data, at);
    }

    private static Reply reply(JsonNode root) {
        JsonNode idNode = root.get("id");
        // we only ever send string ids; anything else cannot be ours and stays unmatched
        String id = idNode == null ? null : idNode.isString() ? idNode.stringValue() : idNode.toString();
        if (root.has("return")) {
            return new Reply(id, root.get("return"), null, null);
        }
        JsonNode error = root.get("error");
        String errorClass = error.path("class").isString() ? error.get("class").stringValue() : "GenericError";
        String description = error.path("desc").isString() ? error.get("desc").stringValue() : error.toString();
        return new Reply(id, null, errorClass, description);
    }

    private static String abbreviate(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
