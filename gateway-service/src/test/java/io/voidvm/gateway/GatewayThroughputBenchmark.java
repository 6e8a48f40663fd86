package io.voidvm.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Authenticated GET through the gateway versus the same GET straight to the service, at the same
 * concurrency, in one run (DESIGN.md section 11: at least 50 % of direct throughput, p99 at most 5 ms more).
 * Everything listens on 127.0.0.1; each phase is bounded by a request count and a deadline.
 * The gateway runs with its shipped configuration (JWT validation, both rate limiters with limits raised
 * out of the way, circuit breaker, retry, tracing); the JWKS is served locally instead of by Keycloak.
 * Run: see docs/benchmarks.md. Properties: {@code -Dbench.concurrency=32 -Dbench.requests=20000}.
 */
public final class GatewayThroughputBenchmark {

    private static final String PATH = "/api/v1/vms";
    private static final String BODY = "{\"items\":[],\"nextCursor\":null}";
    private static final Duration PHASE_DEADLINE = Duration.ofMinutes(3);

    private GatewayThroughputBenchmark() {
    }

    public static void main(String[] args) throws JOSEException {
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int requests = Integer.getInteger("bench.requests", 20_000);
        int warmup = Integer.getInteger("bench.warmup", 5_000);

        // the service and the load generator get event loops of their own, as separate processes would have
        LoopResources serviceLoop = LoopResources.create("bench-service", 1, true);
        LoopResources clientLoop = LoopResources.create("bench-client", 1, true);
        DisposableServer service = HttpServer.create().host("127.0.0.1").port(0).runOn(serviceLoop)
                .route(routes -> routes.get(PATH, (request, response) -> response
                        .header("Content-Type", "application/json").sendString(Mono.just(BODY))))
                .bindNow();
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        DisposableServer keys = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/certs", (request, response) -> response
                        .header("Content-Type", "application/json").sendString(Mono.just(jwks))))
                .bindNow();
        String issuer = "http://127.0.0.1:" + keys.port() + "/realms/voidvm";
        String serviceUrl = "http://127.0.0.1:" + service.port();

        List<String> gatewayArgs = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.structured.format.console=",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + keys.port() + "/certs",
                "--voidvm.gateway.rate-limit.per-user.limit=1000000000",
                "--voidvm.gateway.rate-limit.per-ip.limit=1000000000",
                "--voidvm.gateway.services.vm=" + serviceUrl,
                "--voidvm.gateway.services.auth=" + serviceUrl,
                "--voidvm.gateway.services.image=" + serviceUrl,
                "--voidvm.gateway.services.network=" + serviceUrl,
                "--voidvm.gateway.services.storage=" + serviceUrl,
                "--voidvm.gateway.services.monitoring=" + serviceUrl));
        // extra Spring arguments, e.g. to measure what a setting costs
        gatewayArgs.addAll(List.of(args));
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(gatewayArgs.toArray(String[]::new));
        String gatewayUrl = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
        String token = token(key, issuer);

        ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(concurrency * 2)
                .pendingAcquireMaxCount(-1).build();
        HttpClient http = HttpClient.create(pool).runOn(clientLoop)
                .headers(h -> h.set("Authorization", "Bearer " + token));
        try {
            System.out.printf("%nwarm-up: %d requests each, concurrency %d%n", warmup, concurrency);
            run(http, serviceUrl + PATH, warmup, concurrency);
            run(http, gatewayUrl + PATH, warmup, concurrency);
            Result direct = run(http, serviceUrl + PATH, requests, concurrency);
            Result viaGateway = run(http, gatewayUrl + PATH, requests, concurrency);
            print(concurrency, direct, viaGateway);
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(10));
            gateway.close();
            service.disposeNow();
            keys.disposeNow();
            serviceLoop.disposeLater().block(Duration.ofSeconds(10));
            clientLoop.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    private static Result run(HttpClient http, String url, int requests, int concurrency) {
        long[] latencies = new long[requests];
        AtomicInteger index = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        Flux.range(0, requests)
                .flatMap(i -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return http.get().uri(url)
                            .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                                    .map(text -> response.status().code()))
                            .doOnNext(status -> {
                                latencies[index.getAndIncrement()] = System.nanoTime() - sent;
                                if (status != 200) {
                                    failures.incrementAndGet();
                                }
                            })
                            .onErrorResume(error -> {
                                failures.incrementAndGet();
                                return Mono.empty();
                            });
                }), concurrency)
                .blockLast(PHASE_DEADLINE);
        long elapsed = System.nanoTime() - started;
        long cpu = processCpuNanos() - cpuBefore;
        long[] done = Arrays.copyOf(latencies, index.get());
        Arrays.sort(done);
        return new Result(done.length, failures.get(), done.length / (elapsed / 1e9),
                percentile(done, 0.50), percentile(done, 0.99), cpu / 1e3 / Math.max(1, done.length));
    }

    /** CPU time of this whole JVM (client, service and gateway): steadier than wall time on a busy machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int at = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
    }

    private static void print(int concurrency, Result direct, Result viaGateway) {
        System.out.printf("%nauthenticated GET %s, concurrency %d, %d requests per target%n", PATH, concurrency,
                direct.requests());
        System.out.printf("%-12s %10s %8s %10s %10s %14s%n", "target", "req/s", "errors", "p50 ms", "p99 ms",
                "CPU us/req");
        for (var row : List.of(new Object[] {"direct", direct}, new Object[] {"via gateway", viaGateway})) {
            Result r = (Result) row[1];
            System.out.printf("%-12s %10.0f %8d %10.2f %10.2f %14.0f%n", row[0], r.perSecond(), r.failures(), r.p50(),
                    r.p99(), r.cpuMicrosPerRequest());
        }
        System.out.printf("gateway throughput = %.0f %% of direct; p99 added = %.2f ms%n",
                100 * viaGateway.perSecond() / direct.perSecond(), viaGateway.p99() - direct.p99());
        System.out.printf("CPU the gateway adds per request = %.0f us (whole JVM, client and service included in both)%n",
                viaGateway.cpuMicrosPerRequest() - direct.cpuMicrosPerRequest());
    }

    private static String token(RSAKey key, String issuer) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).subject("bench").audience("voidvm-api")
                        .claim("tenant", "demo").issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private record Result(int requests, int failures, double perSecond, double p50, double p99,
            double cpuMicrosPerRequest) {
    }
}
