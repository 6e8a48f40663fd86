package io.voidvm.nodeagent.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QmpLifecycleEventTest {

    static final Instant AT = Instant.parse("2025-05-06T07:08:09.000010Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void typesTheLifecycleEventsQemuSends() {
        assertThat(QmpLifecycleEvent.from(event("SHUTDOWN", "{\"guest\": false, \"reason\": \"host-qmp-quit\"}")))
                .contains(new QmpLifecycleEvent.Shutdown(AT, false, "host-qmp-quit"));
        assertThat(QmpLifecycleEvent.from(event("STOP", "{}"))).contains(new QmpLifecycleEvent.Stopped(AT));
        assertThat(QmpLifecycleEvent.from(event("RESUME", "{}"))).contains(new QmpLifecycleEvent.Resumed(AT));
        assertThat(QmpLifecycleEvent.from(event("RESET", "{\"guest\": true, \"reason\": \"guest-reset\"}")))
                .contains(new QmpLifecycleEvent.Reset(AT, true, "guest-reset"));
        assertThat(QmpLifecycleEvent.from(event("GUEST_PANICKED", "{\"action\": \"pause\", \"info\": {}}")))
                .contains(new QmpLifecycleEvent.GuestPanicked(AT, "pause"));
    }

    @Test
    void otherEventsAndMissingFieldsDoNotBreakIt() {
        assertThat(QmpLifecycleEvent.from(event("JOB_STATUS_CHANGE", "{\"id\": \"j\"}"))).isEmpty();
        assertThat(QmpLifecycleEvent.from(event("SHUTDOWN", "{}")))
                .contains(new QmpLifecycleEvent.Shutdown(AT, false, ""));
    }

    @Test
    void parsesEventLinesIncludingMicrosecondTimestamps() {
        QmpMessage message = QmpMessage.parse("""
                {"timestamp": {"seconds": 1746515289, "microseconds": 10}, "event": "RESUME"}""".getBytes());

        assertThat(message).isInstanceOfSatisfying(QmpMessage.Event.class, event -> {
            assertThat(event.event().name()).isEqualTo("RESUME");
            assertThat(event.event().timestamp()).isEqualTo(AT);
            assertThat(event.event().data().isEmpty()).isTrue();
        });
    }

    private static QmpEvent event(String name, String data) {
        JsonNode tree = JSON.readTree(data);
        return new QmpEvent(name, tree, AT);
    }
}
