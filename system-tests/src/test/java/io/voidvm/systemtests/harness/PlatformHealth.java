package io.voidvm.systemtests.harness;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Brings components of the {@link SharedPlatform} back and decides when they are healthy again: a service when its
 * readiness probe says so and the gateway routes a platform call to it (its circuit breaker closed again); a node
 * when vm-service has taken a heartbeat it sent after the restart; the broker when every node is seen again.
 */
final class PlatformHealth {

    /**
     * A cheap authenticated GET per service, through the gateway's route (and breaker) for that service. Any answer
     * below 500 is the service's own (network-service has no API yet and answers 404); a 5xx is the gateway's
     * fallback while the service is away or its breaker open.
     */
    private static final Map<String, String> PROBES = Map.of(
            SharedPlatform.AUTH_SERVICE, "/api/v1/tenants?limit=1",
            SharedPlatform.VM_SERVICE, "/api/v1/vms?limit=1",
            "image-service", "/api/v1/images?limit=1",
            "network-service", "/api/v1/networks?limit=1",
            "storage-service", "/api/v1/storage?limit=1",
            "monitoring-service", "/api/v1/system/health");

    private final SharedPlatform platform;

    PlatformHealth(SharedPlatform platform) {
        this.platform = platform;
    }

    void startKafka() {
        Instant since = Instant.now();
        if (!platform.kafka().isRunning()) {
            platform.kafka().restart();
        }
        platform.nodes().forEach(node -> node.awaitSeenSince(since));
    }

    void startService(String name) {
        Instant since = Instant.now();
        BootApp service = platform.service(name);
        if (!service.isAlive()) {
            service.launch().awaitReady(SharedPlatform.READY_TIMEOUT);
        }
        awaitRouted(List.of(name));
        if (name.equals(SharedPlatform.VM_SERVICE)) {
            platform.nodes().forEach(node -> node.awaitSeenSince(since));
        }
    }

    /** Whatever is down comes back, all at once; returns what was down. */
    List<String> restore() {
        Instant since = Instant.now();
        List<String> down = new ArrayList<>();
        if (!platform.kafka().isRunning()) {
            down.add("kafka");
            platform.kafka().restart();
        }
        List<BootApp> launched = new ArrayList<>();
        for (BootApp app : platform.allApps()) {
            if (!app.isAlive()) {
                down.add(app.toString());
                launched.add(app.launch());
            }
        }
        if (down.isEmpty()) {
            return down;
        }
        launched.forEach(app -> app.awaitReady(SharedPlatform.READY_TIMEOUT));
        awaitRouted(platform.services().keySet());
        platform.nodes().forEach(node -> node.awaitSeenSince(since));
        return down;
    }

    void awaitRouted(Collection<String> services) {
        VoidvmApi api = platform.platformApi();
        for (String service : services) {
            String probe = PROBES.get(service);
            await("the gateway routes " + probe + " to " + service).atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> api.call("GET", probe, null).status() < 500);
        }
    }
}
