package io.voidvm.image.catalog.domain;

/**
 * What a tenant's private images take, as the quota owner (auth-service) counts it: {@code images} (how many) and
 * {@code imageGb} (their file sizes, summed, in GiB rounded up). Public images are the platform's catalog and
 * count against no tenant.
 *
 * @param images how many images the tenant has, whatever their status
 * @param bytes  the summed file sizes of its stored images (READY, or being validated)
 */
public record ImageUsage(long images, long bytes) {

    public static final long GIB = 1L << 30;

    public ImageUsage {
        if (images < 0 || bytes < 0) {
            throw new IllegalArgumentException("usage must not be negative: " + images + " images, " + bytes
                    + " bytes");
        }
    }

    /** The storage figure the quota knows: GiB, rounded up. */
    public long gb() {
        return ceilGb(bytes);
    }

    /** How many GiB {@code moreBytes} add to {@link #gb()} (what a quota check must request for them). */
    public long moreGb(long moreBytes) {
        return ceilGb(saturatedAdd(bytes, Math.max(0, moreBytes))) - gb();
    }

    /** How many more bytes fit under a limit of {@code limitGb}; never negative. */
    public long roomBytes(long limitGb) {
        long limitBytes = limitGb >= Long.MAX_VALUE / GIB ? Long.MAX_VALUE : limitGb * GIB;
        return Math.max(0, limitBytes - bytes);
    }

    private static long ceilGb(long bytes) {
        return bytes / GIB + (bytes % GIB == 0 ? 0 : 1);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
