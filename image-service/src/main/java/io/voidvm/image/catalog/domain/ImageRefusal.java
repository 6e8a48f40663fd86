package io.voidvm.image.catalog.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request the image rules refuse with a status service-kit's exceptions do not cover: an upload larger than
 * allowed (413), a delete while volumes still use the image (409 naming them), storage-service not
 * answering when the delete must ask it, or auth-service not answering when a quota must be checked (503),
 * bytes that did not reach the disk as they were hashed (500), too many URL imports running (429), a download's
 * {@code Range} that names no byte of the file (416), bytes that are no acceptable disk image (422). An upload that
 * left its image FAILED is refused as {@link UploadRefused}, which names the image beside its cause's problem.
 */
public sealed abstract class ImageRefusal extends RuntimeException {

    protected ImageRefusal(String message) {
        super(message, null, false, false);
    }

    /** The upload passed the allowed size. */
    public static final class TooLarge extends ImageRefusal {
        private final long limitBytes;

        public TooLarge(long limitBytes) {
            super("the image is larger than the allowed " + limitBytes + " bytes");
            this.limitBytes = limitBytes;
        }

        public long limitBytes() {
            return limitBytes;
        }
    }

    /** Volumes still depend on the image. */
    public static final class InUse extends ImageRefusal {
        private final List<Dependent> volumes;

        public InUse(List<Dependent> volumes) {
            super("the image is still used by volume(s) " + volumes.stream()
                    .map(volume -> volume.name() + " (" + volume.id() + ")").toList());
            this.volumes = List.copyOf(volumes);
        }

        public List<Dependent> volumes() {
            return volumes;
        }
    }

    /** Whether volumes depend on the image cannot be told now. */
    public static final class DependentsUnknown extends ImageRefusal {
        public DependentsUnknown(String why) {
            super("cannot delete the image now: " + why + "; try again later");
        }
    }

    /** The tenant's image quota cannot be checked now (auth-service does not answer). */
    public static final class QuotaUnknown extends ImageRefusal {
        public QuotaUnknown(String why) {
            super("the image quota cannot be checked now (" + why + "); try again later");
        }
    }

    /** The bytes read back from disk do not hash to the SHA-256 computed as they arrived: nothing was stored. */
    public static final class NotStoredIntact extends ImageRefusal {
        private final String received;
        private final String stored;

        public NotStoredIntact(String received, String stored) {
            super("the upload was not stored: its bytes read back from disk hash to " + stored
                    + ", not to the SHA-256 " + received + " computed as they arrived; upload it again");
            this.received = received;
            this.stored = stored;
        }

        public String received() {
            return received;
        }

        public String stored() {
            return stored;
        }
    }

    /** Fewer bytes reached the writer than the request's Content-Length announced: nothing was stored. */
    public static final class BytesMissing extends ImageRefusal {
        private final long received;
        private final long announced;

        public BytesMissing(long received, long announced) {
            super("the upload was not stored: " + received + " bytes reached the disk of the " + announced
                  + " its Content-Length announced; upload it again");
            this.received = received;
            this.announced = announced;
        }

        public long received() {
            return received;
        }

        public long announced() {
            return announced;
        }
    }

    /** As many URL imports as allowed run already, for the tenant or for the whole service. */
    public static final class ImportsBusy extends ImageRefusal {
        private final String scope;
        private final int limit;

        public ImportsBusy(String scope, int limit) {
            super("too many URL imports running: " + ("tenant".equals(scope) ? "a tenant may run " : "the service runs ")
                  + limit + " at once; try again when one has ended");
            this.scope = scope;
            this.limit = limit;
        }

        /** {@code tenant} or {@code global}: which limit was reached. */
        public String scope() {
            return scope;
        }

        public int limit() {
            return limit;
        }
    }

    /** A download's {@code Range} names no byte of the file, or cannot be read. */
    public static final class RangeNotSatisfiable extends ImageRefusal {
        private final long sizeBytes;

        public RangeNotSatisfiable(String reason, long sizeBytes) {
            super(reason);
            this.sizeBytes = sizeBytes;
        }

        /** The file's size, for {@code Content-Range: bytes *}{@code /size}. */
        public long sizeBytes() {
            return sizeBytes;
        }
    }

    /** The uploaded bytes are no disk image the platform accepts (qemu-img's verdict, with its reason). */
    public static final class InvalidImage extends ImageRefusal {
        public InvalidImage(String reason) {
            super(reason);
        }
    }

    /**
     * An upload ended with its image FAILED: {@code refusal} is what the client is told (a 400 naming
     * {@code sha256}, a 413, a 422, a 409 quota problem, ...), {@code imageId} and {@code statusReason} say which
     * image failed and why, so a client of the one-request form learns the id it was never sent.
     */
    public static final class UploadRefused extends ImageRefusal {
        private final UUID imageId;
        private final String statusReason;
        private final RuntimeException refusal;

        public UploadRefused(UUID imageId, String statusReason, RuntimeException refusal) {
            super(Objects.requireNonNull(refusal, "refusal").getMessage());
            this.imageId = Objects.requireNonNull(imageId, "imageId");
            this.statusReason = Objects.requireNonNull(statusReason, "statusReason");
            this.refusal = refusal;
        }

        public UUID imageId() {
            return imageId;
        }

        public String statusReason() {
            return statusReason;
        }

        public RuntimeException refusal() {
            return refusal;
        }
    }

    /** A volume made from an image, as storage-service names it. */
    public record Dependent(String id, String name) {
    }
}
