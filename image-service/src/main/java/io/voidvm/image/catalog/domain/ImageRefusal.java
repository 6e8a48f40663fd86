package io.voidvm.image.catalog.domain;

import java.util.List;

/**
 * A request the image rules refuse with a status service-kit's exceptions do not cover: an upload larger than
 * allowed (413), a delete while volumes still use the image (409 naming them), storage-service not
 * answering when the delete must ask it, or auth-service not answering when a quota must be checked (503).
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

    /** A volume made from an image, as storage-service names it. */
    public record Dependent(String id, String name) {
    }
}
