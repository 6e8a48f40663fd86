package io.voidvm.image.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.image.apidoc.ImageApiDocs;
import io.voidvm.image.catalog.app.ImageCatalog;
import io.voidvm.image.catalog.app.ImageFile;
import io.voidvm.image.catalog.domain.ByteRange;
import io.voidvm.image.catalog.domain.DownloadName;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.config.ImageProperties;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Downloads an image's stored file: {@code GET /api/v1/images/{id}/file} for the owner (and anyone for a public
 * image). The bytes stream from the blob store in {@value #BUFFER_BYTES}-byte buffers as the connection takes
 * them, never held whole. The entity tag is the file's SHA-256, so {@code If-None-Match} answers 304 and a
 * broken download resumes with {@code Range} + {@code If-Range}. The response is written here, not through a
 * {@code ResponseEntity}: HEAD must not read the file (WebFlux's HEAD wrapper would drain a body to count it)
 * and no later conditional check may rewrite the status.
 */
@RestController
@RequestMapping("/api/v1/images")
@Tag(name = ImageApiDocs.IMAGES)
class ImageDownloadController {

    static final int BUFFER_BYTES = 256 * 1024;

    private final ImageCatalog catalog;
    private final Duration stall;

    ImageDownloadController(ImageCatalog catalog, ImageProperties properties) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.stall = properties.http().readTimeout();
    }

    @Operation(summary = "Download the image's file (streamed; Range, ETag, If-None-Match)",
            description = "The owner, or anyone for a public image, downloads the stored file. The ETag is the "
                    + "file's SHA-256. One byte range (Range: bytes=first-last, first- or -suffix) answers 206 with "
                    + "Content-Range; a range beyond the file 416; several ranges, or an If-Range that does not "
                    + "name the ETag, the whole file. An image that is not READY is 409 with currentState.",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.RANGE, example = "bytes=0-1048575"),
                    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_RANGE),
                    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH)},
            responses = {
                    @ApiResponse(responseCode = "200", description = "the whole file",
                            headers = {@Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CONTENT_DISPOSITION),
                                    @Header(name = HttpHeaders.ACCEPT_RANGES)},
                            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                    schema = @Schema(type = "string", format = "binary"))),
                    @ApiResponse(responseCode = "206", description = "one byte range",
                            headers = @Header(name = HttpHeaders.CONTENT_RANGE),
                            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                    schema = @Schema(type = "string", format = "binary"))),
                    @ApiResponse(responseCode = "304", description = "If-None-Match names the file's ETag"),
                    @ApiResponse(responseCode = "404", description = "no such image the caller may read"),
                    @ApiResponse(responseCode = "409", description = "the image is not READY"),
                    @ApiResponse(responseCode = "416", description = "the range names no byte of the file")})
    @GetMapping("/{id}/file")
    Mono<Void> download(@PathVariable UUID id, Caller caller, ServerWebExchange exchange) {
        return catalog.file(caller, id).flatMap(file -> send(file, exchange));
    }

    private Mono<Void> send(ImageFile file, ServerWebExchange exchange) {
        String etag = "\"" + file.image().sha256() + "\"";
        HttpHeaders requested = exchange.getRequest().getHeaders();
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.noCache().cachePrivate());
        if (matches(requested.getFirst(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return response.setComplete();
        }
        ByteRange range = ByteRange.of(requested.getFirst(HttpHeaders.RANGE), requested.getFirst(HttpHeaders.IF_RANGE),
                etag, file.sizeBytes());
        long first = 0;
        long length = file.sizeBytes();
        switch (range) {
            case ByteRange.Whole whole -> response.setStatusCode(HttpStatus.OK);
            case ByteRange.Part part -> {
                first = part.first();
                length = part.length();
                response.setStatusCode(HttpStatus.PARTIAL_CONTENT);
                headers.set(HttpHeaders.CONTENT_RANGE,
                        "bytes " + part.first() + "-" + part.last() + "/" + file.sizeBytes());
            }
            case ByteRange.Unsatisfiable refused ->
                    throw new ImageRefusal.RangeNotSatisfiable(refused.reason(), file.sizeBytes());
        }
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        headers.setContentLength(length);
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(DownloadName.of(file.image().name(), file.image().format())).build());
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod()) || length == 0) {
            return response.setComplete();
        }
        return response.writeWith(read(file, first, length, response));
    }

    /**
     * The bytes from {@code first} on, {@code length} of them; the file is opened when the body is subscribed. A
     * client that takes no buffer for the read time-out is cut off (the connection asks for the next buffer only
     * when it could write the last), so a stalled download holds no file and no connection forever.
     */
    private Flux<DataBuffer> read(ImageFile file, long first, long length, ServerHttpResponse response) {
        Flux<DataBuffer> from = DataBufferUtils.readAsynchronousFileChannel(
                () -> AsynchronousFileChannel.open(file.path(), StandardOpenOption.READ), first,
                response.bufferFactory(), BUFFER_BYTES);
        return DataBufferUtils.takeUntilByteCount(from, length).timeout(stall);
    }

    /** Whether an {@code If-None-Match} list names {@code etag} ({@code *} names any; weak tags compare weakly). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag));
    }
}
