package io.voidvm.systemtests.soak;

import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.SharedPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Kills one part of the platform at a time and brings it back after a random while: a node agent (SIGKILL; its
 * QEMU processes live on), the Kafka broker (stopped), or one service (SIGKILL). The harness's restore waits until
 * the part is healthy again (a node heard from, a service routed to), so faults never overlap.
 */
final class Chaos {

    /** The services a fault may hit: the ones that hold the VM loop's state and quotas. */
    static final List<String> SERVICES = List.of(SharedPlatform.VM_SERVICE, SharedPlatform.AUTH_SERVICE,
            "storage-service");

    private final SharedPlatform platform;
    private final RandomGenerator random;
    private final Tally faults;
    private final Duration longestFault;

    Chaos(SharedPlatform platform, RandomGenerator random, Tally faults, Duration longestFault) {
        this.platform = platform;
        this.random = random;
        this.faults = faults;
        this.longestFault = longestFault;
    }

    /** One fault: break, stay down a while, restore (waiting until healthy). */
    void strike() throws InterruptedException {
        Duration down = Duration.ofMillis(5_000 + random.nextLong(longestFault.toMillis() - 5_000 + 1));
        int roll = random.nextInt(3);
        Instant started = Instant.now();
        switch (roll) {
            case 0 -> {
                PlatformNode node = platform.nodes().get(random.nextInt(platform.nodes().size()));
                log("kill the agent of " + node.name() + " for " + down.toSeconds() + " s");
                node.kill();
                Thread.sleep(down.toMillis());
                node.start();
                faults.add("agent " + node.name() + " killed");
            }
            case 1 -> {
                log("stop the Kafka broker for " + down.toSeconds() + " s");
                platform.kafka().stop();
                Thread.sleep(down.toMillis());
                platform.startKafka();
                faults.add("kafka stopped");
            }
            default -> {
                String service = SERVICES.get(random.nextInt(SERVICES.size()));
                log("kill " + service + " for " + down.toSeconds() + " s");
                platform.service(service).crash();
                Thread.sleep(down.toMillis());
                platform.startService(service);
                faults.add(service + " killed");
            }
        }
        log("restored after " + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    static void log(String line) {
        System.out.println(Instant.now() + " soak: " + line);
    }
}
