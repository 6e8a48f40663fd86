package io.voidvm.servicekit.outbox;

import java.util.Map;
import java.util.UUID;

/** An unsent outbox row claimed by the relay. */
record OutboxRow(long id, UUID messageId, String topic, String key, byte[] payload, Map<String, String> headers,
                 int attempts) {
}
