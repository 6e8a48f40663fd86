package io.voidvm.gateway.requestsize;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Body limits ({@code voidvm.gateway.request-size.*}). {@code spring.codec.max-in-memory-size} does not apply
 * here: proxied bodies stream through the gateway without being decoded.
 *
 * @param maxBody     any request outside {@code uploadPaths}
 * @param maxUpload   requests on {@code uploadPaths}, which stream to image-service
 * @param uploadPaths path patterns with the larger limit
 */
@Validated
@ConfigurationProperties("voidvm.gateway.request-size")
public record RequestSizeProperties(
        @NotNull DataSize maxBody,
        @NotNull DataSize maxUpload,
        @NotEmpty List<String> uploadPaths) {
}
