package io.voidvm.image.catalog.app;

import io.voidvm.image.catalog.db.ImageRepository;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.catalog.domain.ImageUsage;
import io.voidvm.image.catalog.domain.Visibility;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The tenant quotas on images: {@code images} when one is registered, {@code imageGb} when bytes arrive. Counted
 * are a tenant's private images; public images (published by admins) are the platform's catalog and count against
 * nobody, and neither does the platform's own owner. Usage is reported after every change, best effort.
 */
public class ImageQuotas {

    public static final String IMAGES = "images";
    public static final String IMAGE_GB = "imageGb";
    private static final Logger log = LoggerFactory.getLogger(ImageQuotas.class);

    private final ImageRepository images;
    private final TenantQuota quota;
    private final long maxUploadBytes;

    public ImageQuotas(ImageRepository images, TenantQuota quota, long maxUploadBytes) {
        this.images = Objects.requireNonNull(images, "images");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.maxUploadBytes = maxUploadBytes;
    }

    public static boolean counts(String tenantId, Visibility visibility) {
        return visibility == Visibility.PRIVATE && !Platform.TENANT.equals(tenantId);
    }

    /** Room for one more image of the tenant (409 {@code images} when there is none). */
    public Mono<Void> admitImage(String tenantId, Visibility visibility) {
        if (!counts(tenantId, visibility)) {
            return Mono.empty();
        }
        return images.usageOf(tenantId).flatMap(usage -> quota.admit(tenantId, usage, 1, 0)).then();
    }

    /**
     * How many bytes an upload may have: the global limit, or less when the tenant's {@code imageGb} quota leaves
     * less room. A declared size ({@code Content-Length}) is checked with the quota owner at once.
     */
    public Mono<UploadLimit> uploadLimit(String tenantId, Visibility visibility, Long declaredBytes) {
        if (!counts(tenantId, visibility)) {
            return Mono.just(UploadLimit.global(maxUploadBytes));
        }
        return images.usageOf(tenantId).flatMap(usage -> quota.admit(tenantId, usage, 0,
                        declaredBytes == null ? 0 : usage.moreGb(declaredBytes))
                .map(limitGb -> {
                    long room = usage.roomBytes(limitGb);
                    return room < maxUploadBytes ? new UploadLimit(room, true, usage, limitGb)
                            : UploadLimit.global(maxUploadBytes);
                }));
    }

    /** Tells auth-service what the tenant's images take now; never fails the caller. */
    public void report(String tenantId, Visibility visibility) {
        if (!counts(tenantId, visibility)) {
            return;
        }
        images.usageOf(tenantId)
                .flatMap(usage -> quota.report(tenantId, usage))
                .subscribe(done -> { }, error -> log.warn("tenantId={} image usage not reported: {}", tenantId,
                        error.toString()));
    }

    /**
     * The byte limit of one upload and who set it.
     *
     * @param byQuota whether the tenant's {@code imageGb} quota (not the global limit) is the bound
     */
    public record UploadLimit(long bytes, boolean byQuota, ImageUsage usage, long limitGb) {

        static UploadLimit global(long bytes) {
            return new UploadLimit(bytes, false, new ImageUsage(0, 0), 0);
        }

        /** What passing the limit is: 409 {@code quota-exceeded} naming {@code imageGb}, or 413. */
        public RuntimeException refusal() {
            return byQuota
                    ? new QuotaExceededException(IMAGE_GB, limitGb, usage.gb(), usage.moreGb(bytes + 1))
                    : new ImageRefusal.TooLarge(bytes);
        }
    }
}
