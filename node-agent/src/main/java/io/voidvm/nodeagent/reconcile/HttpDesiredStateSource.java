package io.voidvm.nodeagent.reconcile;

import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.nodeagent.reconcile.domain.DesiredState;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.volume.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * vm-service's {@code GET /internal/v1/nodes/{node}/desired-state}, asked as the platform (a bearer token of the
 * platform client, the one blob downloads use). The whole fetch, token included, has one time limit; anything but
 * a complete, well-formed answer for this node is a failure ({@link DesiredStateUnavailableException}), on which
 * the agent keeps converging on its local specs and destroys nothing.
 */
public final class HttpDesiredStateSource implements DesiredStateSource {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    /** vm-service's answer; unknown fields are ignored, {@code asOf} and {@code changedAt} may be absent. */
    private record Snapshot(String nodeName, Instant asOf, List<DesiredVm> vms) {
    }

    private record DesiredVm(UUID vmId, String tenantId, VmSpec spec, String desiredPower, long generation,
                             Instant changedAt) {
    }

    private final String base;
    private final AccessTokens tokens;
    private final Duration timeout;
    private final Duration commandGrace;
    private final Clock clock;
    private final HttpClient http;

    /**
     * @param commandGrace a VM whose row changed less than this before vm-service answered is unsettled (see
     *                     {@link DesiredState#unsettled()}); measured on vm-service's clock alone
     */
    public HttpDesiredStateSource(URI vmServiceUrl, AccessTokens tokens, Duration timeout, Duration commandGrace,
            Clock clock) {
        String url = Objects.requireNonNull(vmServiceUrl, "vmServiceUrl").toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.commandGrace = Objects.requireNonNull(commandGrace, "commandGrace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(command -> Thread.ofVirtual().name("desired-state-http").start(command)).build();
    }

    @Override
    public Optional<DesiredState> fetch(String nodeName) {
        Instant started = clock.instant();
        CompletableFuture<DesiredState> fetch = CompletableFuture.supplyAsync(() -> fetchNow(nodeName, started),
                command -> Thread.ofVirtual().name("desired-state-" + nodeName).start(command));
        try {
            return Optional.of(fetch.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            fetch.cancel(true);
            throw new DesiredStateUnavailableException("no answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DesiredStateUnavailableException unavailable ? unavailable
                    : new DesiredStateUnavailableException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DesiredStateUnavailableException("interrupted", e);
        }
    }

    private DesiredState fetchNow(String nodeName, Instant started) {
        String token;
        try {
            token = tokens.token();
        } catch (RuntimeException e) {
            throw new DesiredStateUnavailableException("no platform token: " + e.getMessage(), e);
        }
        // the node name is a DNS label (validated at start-up), safe in a path
        URI uri = URI.create(base + "/internal/v1/nodes/" + nodeName + "/desired-state");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DesiredStateUnavailableException(uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DesiredStateUnavailableException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new DesiredStateUnavailableException(uri + " answered " + response.statusCode(), null);
        }
        return desiredState(nodeName, response.body(), commandGrace, started);
    }

    /** The answer as agent records; the whole answer is refused if any part of it is unusable. */
    static DesiredState desiredState(String nodeName, byte[] body, Duration commandGrace, Instant fetchedAt) {
        Snapshot snapshot;
        try {
            snapshot = JSON.readValue(body, Snapshot.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new DesiredStateUnavailableException("unreadable desired state: " + e.getMessage(), e);
        }
        if (snapshot == null || !nodeName.equals(snapshot.nodeName()) || snapshot.vms() == null) {
            throw new DesiredStateUnavailableException("desired state is not that of node " + nodeName, null);
        }
        try {
            List<VmRecord> vms = snapshot.vms().stream()
                    .map(vm -> new VmRecord(vm.vmId(), vm.tenantId(), vm.spec(),
                            DesiredPower.valueOf(vm.desiredPower()), vm.generation(), false))
                    .toList();
            Set<UUID> unsettled = snapshot.vms().stream()
                    .filter(vm -> snapshot.asOf() != null && vm.changedAt() != null
                            && Duration.between(vm.changedAt(), snapshot.asOf()).compareTo(commandGrace) < 0)
                    .map(DesiredVm::vmId)
                    .collect(Collectors.toSet());
            return new DesiredState(vms, unsettled, fetchedAt);
        } catch (RuntimeException e) {
            throw new DesiredStateUnavailableException("unusable desired state: " + e.getMessage(), e);
        }
    }
}
