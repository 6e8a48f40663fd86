package io.voidvm.storage.volume.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;

/** Volume sizes are whole GiB in the API; the node works in bytes. */
public final class VolumeSizes {

    public static final long GIB = 1L << 30;

    private VolumeSizes() {
    }

    public static long bytes(long gib) {
        return Math.multiplyExact(gib, GIB);
    }

    /** The smallest whole GiB that holds {@code bytes}. */
    public static long gibFor(long bytes) {
        return Math.ceilDiv(bytes, GIB);
    }

    /**
     * The size of a new volume: as asked, or (from an image, none asked) the image's size rounded up.
     *
     * @throws InvalidRequestException naming {@code sizeGb}
     */
    public static long forNewVolume(Long sizeGb, Long imageVirtualBytes, long maxGb) {
        long size;
        if (sizeGb == null) {
            if (imageVirtualBytes == null) {
                throw new InvalidRequestException("sizeGb", "is required for a blank volume");
            }
            size = Math.max(1, gibFor(imageVirtualBytes));
        } else {
            size = sizeGb;
        }
        requireWithin(size, maxGb);
        if (imageVirtualBytes != null && bytes(size) < imageVirtualBytes) {
            throw new InvalidRequestException("sizeGb", "must be at least " + gibFor(imageVirtualBytes)
                    + " GiB, the image's virtual size (" + imageVirtualBytes + " bytes)");
        }
        return size;
    }

    public static void requireWithin(long sizeGb, long maxGb) {
        if (sizeGb < 1 || sizeGb > maxGb) {
            throw new InvalidRequestException("sizeGb", "must be between 1 and " + maxGb);
        }
    }
}
