package io.voidvm.testsupport.junit;

import io.voidvm.testsupport.kafka.KafkaBroker;

/** Backs {@link WithKafka}: the shared Kafka broker and {@code spring.kafka.bootstrap-servers}. */
public final class KafkaExtension extends SharedServerExtension<KafkaBroker> {

    /** Bootstrap servers, for tests that build their own clients. */
    public static final String BOOTSTRAP_SERVERS_PROPERTY = "voidvm.test.kafka.bootstrap-servers";

    private static KafkaBroker exported;

    public KafkaExtension() {
        super(KafkaBroker.class);
    }

    @Override
    KafkaBroker server() {
        return sharedBroker();
    }

    /** The shared broker, running, with its properties exported; usable outside JUnit too. */
    public static synchronized KafkaBroker sharedBroker() {
        if (exported == null) {
            InfraMode mode = InfraMode.current();
            KafkaBroker broker = switch (mode) {
                case EMBEDDED -> KafkaBroker.shared();
                case CONTAINERS -> throw mode.unsupported("Kafka");
            };
            System.setProperty(BOOTSTRAP_SERVERS_PROPERTY, broker.bootstrapServers());
            System.setProperty("spring.kafka.bootstrap-servers", broker.bootstrapServers());
            exported = broker;
        } else if (!exported.isRunning()) {
            // a test that stopped or killed the shared broker must not break every class after it
            exported.restart();
        }
        return exported;
    }
}
