package io.voidvm.image.catalog.web;

import io.voidvm.servicekit.input.RequestJson;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code multipart/form-data} form of an upload, read as a stream of part events: a {@code metadata} part (the
 * JSON of {@code POST /api/v1/images}, at most {@value #MAX_METADATA_BYTES} bytes) and then exactly one
 * {@code file} part, whose buffers go on to the same streaming writer as a raw body without being gathered. A form
 * that breaks these rules is a 400 naming the part (the metadata is read by the JSON body rules, see
 * {@link RequestJson}); a rule the file part breaks is found before a byte of it is
 * written, except a part after it, which is found when the file ends.
 */
final class UploadForm {

    static final String METADATA = "metadata";
    static final String FILE = "file";
    static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final int MAX_NAME_IN_PROBLEM = 64;
    private static final long MAX_DRAINED_BYTES = 1024 * 1024;

    private final RequestJson json;

    UploadForm(RequestJson json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** {@code metadata} then {@code file}: registers from the metadata, then uploads the file's bytes. */
    <T> Mono<T> metadataAndFile(Flux<PartEvent> events, Function<CreateImageRequest, Mono<T>> register,
                                BiFunction<T, Flux<DataBuffer>, Mono<T>> upload) {
        return events.windowUntil(PartEvent::isLast)
                .switchOnFirst((first, parts) -> {
                    if (!first.hasValue()) {
                        return parts.thenMany(Mono.error(missing(METADATA)));
                    }
                    Flux<PartEvent> later = parts.skip(1).concatMap(part -> part);
                    return first.get().switchOnFirst((head, part) -> {
                        PartEvent event = head.get();
                        if (event == null) {
                            return Mono.error(missing(METADATA));
                        }
                        if (!METADATA.equals(event.name())) {
                            return refuse(part.concatWith(later), FILE.equals(event.name())
                                    ? new InvalidRequestException(METADATA, "must come before the file part")
                                    : unexpected(event));
                        }
                        return readMetadata(part)
                                .onErrorResume(InvalidRequestException.class, invalid -> refuse(later, invalid))
                                .flatMap(request -> file(parts.skip(1), body -> register.apply(request)
                                        .flatMap(created -> upload.apply(created, body))));
                    });
                })
                .single();
    }

    /** {@code file} alone (the multipart form of {@code PUT .../file}). */
    <T> Mono<T> fileOnly(Flux<PartEvent> events, Function<Flux<DataBuffer>, Mono<T>> upload) {
        return file(events.windowUntil(PartEvent::isLast), upload);
    }

    /** The next part must be the one {@code file} part; its bytes are followed by a check that no part follows. */
    private <T> Mono<T> file(Flux<Flux<PartEvent>> parts, Function<Flux<DataBuffer>, Mono<T>> upload) {
        return parts.switchOnFirst((first, all) -> {
            if (!first.hasValue()) {
                return all.thenMany(Mono.error(missing(FILE)));
            }
            Flux<PartEvent> after = all.skip(1).concatMap(part -> part);
            return first.get().switchOnFirst((head, part) -> {
                PartEvent event = head.get();
                if (event == null) {
                    return Mono.error(missing(FILE));
                }
                if (!FILE.equals(event.name())) {
                    return refuse(part.concatWith(after), METADATA.equals(event.name())
                            ? new InvalidRequestException(METADATA, "the form has more than one metadata part")
                            : unexpected(event));
                }
                if (event instanceof FormPartEvent) {
                    return refuse(part.concatWith(after), new InvalidRequestException(FILE, "must be sent as a file "
                            + "(with a filename or a Content-Type such as application/octet-stream), not as a text field"));
                }
                Flux<DataBuffer> nothingAfter = after.switchOnFirst((extraHead, extra) -> extraHead.hasValue()
                        ? refuse(extra, FILE.equals(extraHead.get().name())
                                ? new InvalidRequestException(FILE, "the form has more than one file part")
                                : unexpected(extraHead.get()))
                        : Flux.empty());
                return upload.apply(part.map(PartEvent::content).concatWith(nothingAfter));
            });
        }).single();
    }

    /**
     * Fails with {@code problem} once the rest of a refused form is read and dropped (up to
     * {@value #MAX_DRAINED_BYTES} bytes): cancelling a multipart request in the middle of its body can make the
     * server reset the connection before the client has read the answer.
     */
    private static <T> Mono<T> refuse(Flux<PartEvent> rest, RuntimeException problem) {
        AtomicLong drained = new AtomicLong();
        return rest.takeWhile(event -> {
                    long total = drained.addAndGet(event.content().readableByteCount());
                    DataBufferUtils.release(event.content());
                    return total <= MAX_DRAINED_BYTES;
                })
                .onErrorResume(unreadable -> Mono.empty())
                .then(Mono.error(problem));
    }

    /** The part's bytes, bounded; a text field (no Content-Type) arrives already joined by the reader. */
    private Mono<CreateImageRequest> readMetadata(Flux<PartEvent> part) {
        Flux<DataBuffer> content = part.map(event -> {
            if (event instanceof FormPartEvent form) {
                DataBufferUtils.release(form.content());
                return DefaultDataBufferFactory.sharedInstance.wrap(form.value().getBytes(StandardCharsets.UTF_8));
            }
            return event.content();
        });
        return DataBufferUtils.join(content, MAX_METADATA_BYTES)
                .map(joined -> {
                    try {
                        return joined.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(joined);
                    }
                })
                .defaultIfEmpty("")
                .onErrorMap(DataBufferLimitException.class, tooLong -> new InvalidRequestException(METADATA,
                        "must be at most " + MAX_METADATA_BYTES + " bytes"))
                .map(this::parse);
    }

    private CreateImageRequest parse(String text) {
        if (text.isBlank()) {
            throw new InvalidRequestException(METADATA, "is empty; it holds the image's JSON");
        }
        CreateImageRequest request = json.read(text, CreateImageRequest.class, METADATA);
        if (request == null) {
            throw new InvalidRequestException(METADATA, "must be a JSON object");
        }
        if (request.sourceUrl() != null) {
            throw new InvalidRequestException("sourceUrl", "is not allowed with a file part: import or upload");
        }
        return request;
    }

    private static InvalidRequestException missing(String name) {
        return new InvalidRequestException(name, "the form has no " + name + " part");
    }

    private static InvalidRequestException unexpected(PartEvent event) {
        String name = event.name();
        String shown = name.length() > MAX_NAME_IN_PROBLEM ? name.substring(0, MAX_NAME_IN_PROBLEM) : name;
        return new InvalidRequestException(shown.isEmpty() ? "part" : shown,
                "unexpected part; the form has a metadata part, then a file part");
    }

}
