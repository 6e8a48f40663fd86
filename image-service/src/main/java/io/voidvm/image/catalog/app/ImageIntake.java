package io.voidvm.image.catalog.app;

import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.image.blob.store.StreamedFile;
import io.voidvm.image.blob.store.StreamingWriter;
import io.voidvm.image.catalog.db.ImageRepository;
import io.voidvm.image.catalog.domain.Image;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.catalog.domain.NewImage;
import io.voidvm.image.importing.domain.AddressPolicy;
import io.voidvm.image.importing.domain.SourceUrl;
import io.voidvm.image.importing.http.UrlDownloader;
import io.voidvm.image.validation.domain.ImageValidator;
import io.voidvm.image.validation.domain.Verdict;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns bytes into a usable image: streams them to a temp file (hashing SHA-256, counting against the size
 * limit, publishing progress), checks the promised checksum, validates with qemu-img, and moves the file into
 * the content-addressed store. Every way out that is not READY leaves the image FAILED with a reason and no
 * temp file behind.
 */
public class ImageIntake {

    public static final String SHA256_HEADER = "X-Image-Sha256";
    private static final Logger log = LoggerFactory.getLogger(ImageIntake.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    private final ImageRepository images;
    private final BlobStore blobs;
    private final ImageValidator validator;
    private final AddressPolicy addresses;
    private final UrlDownloader downloader;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final long maxBytes;
    private final ImageQuotas quotas;
    private final ImportSlots imports;

    public ImageIntake(ImageRepository images, BlobStore blobs, ImageValidator validator, AddressPolicy addresses,
                       UrlDownloader downloader, TransactionalOperator transactions, Clock clock, long maxBytes,
                       ImageQuotas quotas, ImportSlots imports) {
        this.images = Objects.requireNonNull(images, "images");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxBytes = maxBytes;
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.imports = Objects.requireNonNull(imports, "imports");
    }

    /**
     * Receives the one upload of an image that waits for it.
     *
     * @param contentLength the request's Content-Length, null when chunked
     * @param expectedSha256 the header's checksum, null to use the one given at registration (if any)
     */
    public Mono<Image> upload(Caller caller, UUID id, Publisher<DataBuffer> body, Long contentLength,
                              String expectedSha256) {
        String expected = expectedSha256 == null ? null : NewImage.sha256(SHA256_HEADER, expectedSha256);
        return images.claimUpload(caller.scope(), id, contentLength, clock.instant())
                .flatMap(claimed -> claimed ? images.find(id) : notWaiting(caller, id))
                .flatMap(image -> {
                    if (contentLength != null && contentLength > maxBytes) {
                        return refuse(id, tooLarge(maxBytes).getMessage(), tooLarge(maxBytes));
                    }
                    // refused before a byte was read: the image still waits, the client may retry with room
                    return quotas.uploadLimit(image.tenantId(), image.visibility(), contentLength)
                            .onErrorResume(refused -> images.releaseUpload(id).then(Mono.error(refused)))
                            .flatMap(limit -> receive(image, body, contentLength,
                                    expected != null ? expected : image.expectedSha256(), limit));
                });
    }

    /** Checks an import URL (scheme, host, every resolved address); resolution runs off the event loop. */
    public Mono<SourceUrl> checkSource(String url) {
        return Mono.fromCallable(() -> SourceUrl.check(url, addresses,
                        host -> Arrays.asList(InetAddress.getAllByName(host))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** A place for one more URL import of the tenant, or {@link ImageRefusal.ImportsBusy} (429) at once. */
    public Mono<ImportSlots.Slot> reserveImport(String tenant) {
        return Mono.fromSupplier(() -> imports.take(tenant));
    }

    /** Starts a URL import in the background; its outcome shows on the image; the slot is given back at its end. */
    public void startImport(Image image, SourceUrl source, ImportSlots.Slot slot) {
        AtomicLong progress = new AtomicLong();
        AtomicReference<Long> total = new AtomicReference<>();
        images.claimImport(image.id(), clock.instant())
                .filter(Boolean::booleanValue)
                .flatMap(claimed -> quotas.uploadLimit(image.tenantId(), image.visibility(), null))
                .flatMap(limit -> {
                    var temp = blobs.newTempFile();
                    Disposable ticker = progressTicker(image.id(), progress, total);
                    return downloader.download(source.uri(), temp, limit.bytes(), bytes -> limit.refusal(),
                                    length -> total.set(length), progress)
                            .doFinally(signal -> ticker.dispose())
                            .flatMap(file -> finish(image.id(), file, image.expectedSha256()));
                })
                .onErrorResume(error -> fail(image.id(), "import failed: " + reason(error)).then(Mono.empty()))
                .doFinally(signal -> slot.giveBack())
                .subscribe(done -> log.info("imageId={} import from {} ended {}", image.id(), source.host(),
                        done.status()));
    }

    private Mono<Image> receive(Image image, Publisher<DataBuffer> body, Long contentLength, String expected,
                                ImageQuotas.UploadLimit limit) {
        UUID id = image.id();
        AtomicLong progress = new AtomicLong();
        return Mono.defer(() -> {
            var temp = blobs.newTempFile();
            Disposable ticker = progressTicker(id, progress, new AtomicReference<>());
            return StreamingWriter.write(body, temp, limit.bytes(), bytes -> limit.refusal(), progress)
                    .doFinally(signal -> ticker.dispose())
                    // the request is gone: record that on a subscription of its own, which nothing cancels
                    .doOnCancel(() -> fail(id, "the upload was interrupted after " + progress.get() + " bytes")
                            .subscribe())
                    .onErrorResume(error -> {
                        // too large, over the tenant's quota, or a form that broke its rules: the client's answer
                        if (error instanceof ImageRefusal.TooLarge || error instanceof QuotaExceededException
                            || error instanceof InvalidRequestException) {
                            return refuse(id, error.getMessage(), (RuntimeException) error);
                        }
                        // the client went away or sent a broken body: its fault, not a server error
                        String reason = "the upload was interrupted after " + progress.get() + " bytes";
                        log.info("imageId={} upload body ended with {}", id, error.toString());
                        fail(id, reason).subscribe();
                        return Mono.error(new ImageRefusal.UploadRefused(id, reason,
                                new InvalidRequestException("body", reason)));
                    })
                    .flatMap(file -> detached(contentLength == null || contentLength == file.sizeBytes()
                            ? finish(id, file, expected) : incomplete(id, file, contentLength)));
        });
    }

    /**
     * Checksum, then qemu-img, then the blob store, which reads the bytes back and stores them only if they hash to
     * the SHA-256 computed as they arrived; the image ends READY, or FAILED with the refusal as the answer.
     */
    private Mono<Image> finish(UUID id, StreamedFile file, String expected) {
        if (expected != null && !expected.equals(file.sha256())) {
            blobs.discard(file.path());
            String reason = "checksum mismatch: expected SHA-256 " + expected + ", received " + file.sha256();
            return refuse(id, reason, new InvalidRequestException("sha256", reason));
        }
        return images.validating(id, file.sizeBytes(), clock.instant())
                .then(Mono.fromCallable(() -> validator.validate(file.path())).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(verdict -> switch (verdict) {
                    case Verdict.Refused refused -> {
                        blobs.discard(file.path());
                        yield refuse(id, refused.reason(), new ImageRefusal.InvalidImage(refused.reason()));
                    }
                    case Verdict.Accepted accepted -> store(id, file, accepted);
                })
                .onErrorResume(error -> !(error instanceof ImageRefusal.UploadRefused), error -> {
                    if (error instanceof ImageRefusal.NotStoredIntact notIntact) {
                        log.error("imageId={} {}", id, notIntact.getMessage());
                        return refuse(id, notIntact.getMessage(), notIntact);
                    }
                    blobs.discard(file.path());
                    log.error("imageId={} could not be stored", id, error);
                    String reason = "the image could not be stored: " + reason(error);
                    return refuse(id, reason, error instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(reason, error));
                })
                .then(images.find(id))
                .doOnNext(image -> quotas.report(image.tenantId(), image.visibility()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("image", id)));
    }

    private Mono<Void> store(UUID id, StreamedFile file, Verdict.Accepted accepted) {
        Mono<Void> commit = images.lockBlob(file.sha256())
                .then(images.ready(id, file.sha256(), accepted.format(), file.sizeBytes(),
                        accepted.virtualSizeBytes(), clock.instant()))
                .flatMap(stillWanted -> Mono.fromRunnable(() -> {
                    if (stillWanted) {
                        blobs.commit(file.path(), file.sha256());
                    } else {
                        blobs.discard(file.path());
                    }
                }).subscribeOn(Schedulers.boundedElastic()))
                .then();
        return transactions.transactional(commit)
                // the blob store read the bytes back and found them different: nothing stored, the row rolled back
                .onErrorMap(BlobStore.NotIntact.class,
                        notIntact -> new ImageRefusal.NotStoredIntact(notIntact.expected(), notIntact.stored()))
                .doOnSuccess(done -> log.info("imageId={} READY sha256={} format={}", id, file.sha256(),
                        accepted.format()));
    }

    /**
     * The server's HTTP layer ended a body with a Content-Length before that many bytes reached the writer: bytes were
     * lost inside this service, so nothing is stored.
     */
    private Mono<Image> incomplete(UUID id, StreamedFile file, long announced) {
        blobs.discard(file.path());
        var missing = new ImageRefusal.BytesMissing(file.sizeBytes(), announced);
        log.error("imageId={} {}", id, missing.getMessage());
        return refuse(id, missing.getMessage(), missing);
    }

    /**
     * Once every byte arrived, the image must end READY or FAILED and the temp file must go, even when the
     * client disconnects meanwhile: the work runs on a subscription of its own, the request only watches it.
     */
    private static Mono<Image> detached(Mono<Image> work) {
        Mono<Image> shared = work.cache();
        shared.subscribe(image -> { }, error -> { });
        return shared;
    }

    private Disposable progressTicker(UUID id, AtomicLong progress, AtomicReference<Long> total) {
        return Flux.interval(PROGRESS_INTERVAL)
                .concatMap(tick -> images.progress(id, progress.get(), total.get(), clock.instant())
                        .onErrorResume(error -> Mono.empty()))
                .subscribe();
    }

    private Mono<Image> notWaiting(Caller caller, UUID id) {
        return images.findVisible(caller.scope(), id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("image", id)))
                .flatMap(image -> Mono.error(caller.scope().includes(image.tenantId())
                        ? new ConflictException("the image does not wait for an upload (status " + image.status()
                                + (image.sourceUrl() != null ? ", imported from a URL" : "") + ")",
                                image.status().name())
                        : new NotFoundException("image", id)));
    }

    private Mono<Void> fail(UUID id, String reason) {
        log.info("imageId={} FAILED: {}", id, reason);
        return images.failed(id, reason, clock.instant());
    }

    /**
     * Leaves the image FAILED with {@code reason}, reports the tenant's usage (its bytes no longer count), and
     * answers with {@code refusal}'s problem, naming the image.
     */
    private <T> Mono<T> refuse(UUID id, String reason, RuntimeException refusal) {
        return fail(id, reason)
                .then(images.find(id))
                .doOnNext(image -> quotas.report(image.tenantId(), image.visibility()))
                .then(Mono.error(new ImageRefusal.UploadRefused(id, reason, refusal)));
    }

    private static ImageRefusal.TooLarge tooLarge(long limit) {
        return new ImageRefusal.TooLarge(limit);
    }

    private static String reason(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
