package io.voidvm.image.catalog.app;

import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.image.catalog.db.ImageRepository;
import io.voidvm.image.catalog.domain.Image;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.catalog.domain.ImageStatus;
import io.voidvm.image.catalog.domain.NewImage;
import io.voidvm.image.catalog.domain.Visibility;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.ForbiddenException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * List, read, register and delete images. A tenant sees its own images and the public ones; another tenant's
 * private image is "not found". Only admins publish, and a public image is changed only by admins.
 */
@Service
public class ImageCatalog {

    private static final Logger log = LoggerFactory.getLogger(ImageCatalog.class);

    private final ImageRepository images;
    private final ImageIntake intake;
    private final ImageDependents dependents;
    private final BlobStore blobs;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final ImageQuotas quotas;

    public ImageCatalog(ImageRepository images, ImageIntake intake, ImageDependents dependents, BlobStore blobs,
                        TransactionalOperator transactions, Clock clock, ImageQuotas quotas) {
        this.images = Objects.requireNonNull(images, "images");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.dependents = Objects.requireNonNull(dependents, "dependents");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    public Mono<CursorPage<Image>> list(Caller caller, PageRequest page) {
        return images.list(caller.scope(), page).collectList()
                .map(rows -> CursorPage.of(rows, page, ImageRepository::cursorAfter));
    }

    public Mono<Image> get(Caller caller, UUID id) {
        return images.findVisible(caller.scope(), id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("image", id)));
    }

    /**
     * The stored file of an image the caller may read (its own or a public one): another tenant's private image is
     * "not found", an image whose bytes are not READY yet (or never will be) a conflict naming its status.
     */
    public Mono<ImageFile> file(Caller caller, UUID id) {
        return get(caller, id)
                .flatMap(image -> image.status() != ImageStatus.READY
                        ? Mono.error(new ConflictException("the image has no file to download while "
                                + image.status(), image.status().name()))
                        : Mono.fromCallable(() -> ImageFile.of(image, blobs.find(image.sha256())
                                .orElseThrow(() -> new IllegalStateException("image " + id + " is READY but its "
                                        + "blob " + image.sha256() + " is missing"))))
                                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** Platform view of any tenant's image (storage-service, node agents). */
    public Mono<Image> getForPlatform(Caller caller, UUID id) {
        return Mono.fromSupplier(() -> Platform.require(caller))
                .flatMap(platform -> images.find(id))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("image", id)));
    }

    /**
     * Registers an image, within the tenant's {@code images} quota. Without a source URL it waits (UPLOADING) for
     * {@code PUT .../file}; with one, the import starts in the background and the image shows its progress, if the
     * limits on concurrent imports (the tenant's, the service's) leave room; else nothing is registered (429).
     */
    public Mono<Image> create(Caller caller, NewImage spec) {
        return Mono.fromSupplier(() -> owner(caller, spec))
                .flatMap(tenant -> spec.sourceUrl() == null
                        ? quotas.admitImage(tenant, spec.visibility())
                                .then(Mono.defer(() -> images.insert(Image.accepted(UUID.randomUUID(), spec, tenant,
                                        caller.subject(), clock.instant()))))
                        : intake.checkSource(spec.sourceUrl().toString())
                                .flatMap(source -> intake.reserveImport(tenant).flatMap(slot -> quotas
                                        .admitImage(tenant, spec.visibility())
                                        .then(Mono.defer(() -> images.insert(Image.accepted(UUID.randomUUID(), spec,
                                                tenant, caller.subject(), clock.instant()))))
                                        .doOnNext(image -> intake.startImport(image, source, slot))
                                        // not registered: the slot was never handed to an import
                                        .doOnError(refused -> slot.giveBack())
                                        .doOnCancel(slot::giveBack))))
                .doOnNext(image -> quotas.report(image.tenantId(), image.visibility()));
    }

    /**
     * Deletes an image: refused while volumes still use it (storage-service is asked; if it cannot answer, the
     * delete is refused too). The blob goes when no other image points at it.
     */
    public Mono<Void> delete(Caller caller, UUID id) {
        return get(caller, id)
                .flatMap(image -> {
                    if (!caller.scope().includes(image.tenantId())) {
                        return Mono.error(new ForbiddenException("only admins delete a public image"));
                    }
                    Mono<List<ImageRefusal.Dependent>> users = image.status() == ImageStatus.READY
                            ? dependents.volumesOf(id) : Mono.just(List.of());
                    return users.flatMap(volumes -> volumes.isEmpty() ? remove(image)
                            : Mono.error(new ImageRefusal.InUse(volumes)));
                });
    }

    private Mono<Void> remove(Image image) {
        String sha = image.sha256();
        if (sha == null) {
            return images.delete(image.id())
                    .doOnSuccess(done -> quotas.report(image.tenantId(), image.visibility())).then();
        }
        Mono<Void> removal = images.lockBlob(sha)
                .then(images.delete(image.id()))
                .then(images.countBySha256(sha))
                .flatMap(left -> left > 0 ? Mono.<Void>empty()
                        : Mono.<Void>fromRunnable(() -> blobs.delete(sha)).subscribeOn(Schedulers.boundedElastic()));
        return transactions.transactional(removal)
                .doOnSuccess(done -> {
                    log.info("imageId={} deleted", image.id());
                    quotas.report(image.tenantId(), image.visibility());
                });
    }

    private static String owner(Caller caller, NewImage spec) {
        if (spec.visibility() == Visibility.PUBLIC && !caller.isAdmin()) {
            throw new ForbiddenException("only admins publish images (visibility PUBLIC)");
        }
        return caller.tenant().orElse(Platform.TENANT);
    }
}
