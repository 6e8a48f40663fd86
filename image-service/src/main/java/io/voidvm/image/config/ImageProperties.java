package io.voidvm.image.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of image-service.
 *
 * @param blobStoreDir    root of the content-addressed blob store ({@code <dir>/sha256/<aa>/<hex>}); created if missing
 * @param maxUploadSize   largest image a client may upload or import (e.g. {@code 20GB})
 * @param qemuImgBinary   the {@code qemu-img} that inspects every image before it becomes usable
 * @param importTimeout   how long a URL import may run before it is abandoned
 * @param maxVirtualSize  largest virtual disk size an image may declare
 * @param qemuImgTimeout  how long one {@code qemu-img} run may take before it is killed
 * @param qemuImgMemory   address-space limit of a {@code qemu-img} run
 * @param importing       {@code voidvm.image.import.*}: URL import
 * @param storage         {@code voidvm.image.storage.*}: where storage-service answers "which volumes use this image"
 * @param platformClient  {@code voidvm.image.platform-client.*}: the client-credentials identity of this service
 * @param quota           {@code voidvm.image.quota.*}: where auth-service answers the tenant image quotas
 * @param seedDir         files here become public images at start-up (local mode's test image); unset: none
 * @param http            {@code voidvm.image.http.*}: time limits of the HTTP server
 */
@Validated
@ConfigurationProperties("voidvm.image")
public record ImageProperties(
        @NotNull @CreatableDirectory Path blobStoreDir,
        @NotNull DataSize maxUploadSize,
        @NotBlank String qemuImgBinary,
        @NotNull @DurationMin(seconds = 10) @DurationMax(hours = 24) Duration importTimeout,
        @DefaultValue("2TB") @NotNull DataSize maxVirtualSize,
        @DefaultValue("60s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 30) Duration qemuImgTimeout,
        @DefaultValue("1GB") @NotNull DataSize qemuImgMemory,
        @Name("import") @DefaultValue @Valid Import importing,
        @DefaultValue @Valid Storage storage,
        @DefaultValue @Valid PlatformClient platformClient,
        Path seedDir,
        @DefaultValue @Valid Quota quota,
        @DefaultValue @Valid Http http) {

    private static final DataSize SMALLEST_UPLOAD = DataSize.ofMegabytes(1);
    private static final DataSize LARGEST_UPLOAD = DataSize.ofTerabytes(2);

    @AssertTrue(message = "voidvm.image.max-upload-size must be between 1MB and 2TB")
    public boolean isMaxUploadSizeSane() {
        return maxUploadSize == null
                || (maxUploadSize.compareTo(SMALLEST_UPLOAD) >= 0 && maxUploadSize.compareTo(LARGEST_UPLOAD) <= 0);
    }

    @AssertTrue(message = "voidvm.image.qemu-img-memory must be between 64MB and 16GB")
    public boolean isQemuImgMemorySane() {
        return qemuImgMemory == null || (qemuImgMemory.toMegabytes() >= 64 && qemuImgMemory.toGigabytes() <= 16);
    }

    /**
     * @param allowedCidrs           address ranges an import may reach although they are loopback, private,
     *                               link-local or otherwise internal (e.g. {@code 10.20.0.0/16} for an internal
     *                               mirror); empty by default
     * @param maxConcurrent          URL imports running at once on this instance; one more is refused with 429
     * @param maxConcurrentPerTenant URL imports one tenant may run at once; one more is refused with 429
     */
    public record Import(@DefaultValue({}) List<@NotBlank String> allowedCidrs,
                         @DefaultValue("4") @Min(1) @Max(1000) int maxConcurrent,
                         @DefaultValue("2") @Min(1) @Max(1000) int maxConcurrentPerTenant) {
        public Import {
            allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        }

        @AssertTrue(message = "voidvm.image.import.max-concurrent-per-tenant must not be larger than "
                + "voidvm.image.import.max-concurrent")
        public boolean isPerTenantWithinGlobal() {
            return maxConcurrentPerTenant <= maxConcurrent;
        }
    }

    /**
     * @param readTimeout    longest pause while a request (an upload's body) arrives; past it the connection is closed
     *                       and the upload ends FAILED ("interrupted")
     * @param idleTimeout    a kept-alive connection with no request for this long is closed
     * @param handlerTimeout longest time a request that does not stream a body (not an upload, not a blob download)
     *                       may take to answer; past it the answer is 503 with {@code Retry-After}
     */
    public record Http(@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1)
                       Duration readTimeout,
                       @DefaultValue("120s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1)
                       Duration idleTimeout,
                       @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 30)
                       Duration handlerTimeout) {
    }

    /**
     * @param url     base URL of storage-service
     * @param timeout how long a delete waits for its answer before refusing with 503
     * @param breaker the {@code storage-service} circuit breaker around those calls
     */
    public record Storage(@DefaultValue("http://127.0.0.1:8085") @NotNull URI url,
                          @DefaultValue("5s") @NotNull Duration timeout,
                          @DefaultValue @Valid Breaker breaker) {
    }

    /**
     * @param enabled whether the tenant's {@code images} and {@code imageGb} quotas are checked (off: no quota)
     * @param url     base URL of auth-service ({@code /internal/v1/quota-checks}, {@code /internal/v1/usage})
     * @param timeout time limit of one call (token plus request); a slower auth-service answers 503
     * @param breaker the {@code auth-service} circuit breaker around those calls
     */
    public record Quota(@DefaultValue("true") boolean enabled,
                        @DefaultValue("http://127.0.0.1:8082") @NotNull URI url,
                        @DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1)
                        Duration timeout,
                        @DefaultValue @Valid Breaker breaker) {
    }

    /**
     * A Resilience4j circuit breaker around the calls to another service: while open, a call is refused at once
     * (the same 503 naming the service as a time-out) instead of waiting for a service that keeps failing.
     * Failures are time-outs, unreachable services and 5xx answers; a 4xx answer (a quota refusal included) is not.
     *
     * @param failureRate   percent of failed calls among the last {@code slidingWindow} that opens it
     * @param slidingWindow how many of the last calls are looked at
     * @param minimumCalls  how many calls the window must hold before the rate counts
     * @param waitOpen      how long it stays open before {@code probes} calls are let through again
     * @param probes        calls let through half-open; their outcome closes or reopens it
     */
    public record Breaker(@DefaultValue("50") @Min(1) @Max(100) int failureRate,
                          @DefaultValue("10") @Min(1) @Max(1000) int slidingWindow,
                          @DefaultValue("5") @Min(1) @Max(1000) int minimumCalls,
                          @DefaultValue("10s") @NotNull @DurationMin(millis = 100) @DurationMax(hours = 1)
                          Duration waitOpen,
                          @DefaultValue("2") @Min(1) @Max(100) int probes) {
    }

    /**
     * @param tokenUri     Keycloak's token endpoint
     * @param clientId     a client whose service account has the platform's {@code admin} role
     * @param clientSecret its secret (local mode's comes from the realm file; Kubernetes sets its own)
     */
    public record PlatformClient(
            @DefaultValue("http://127.0.0.1:18080/realms/voidvm/protocol/openid-connect/token") @NotNull URI tokenUri,
            @DefaultValue("voidvm-platform") @NotBlank String clientId,
            @DefaultValue("voidvm-platform-local-secret") @NotBlank String clientSecret) {

        @Override
        public String toString() {
            return "PlatformClient[tokenUri=" + tokenUri + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }
}
