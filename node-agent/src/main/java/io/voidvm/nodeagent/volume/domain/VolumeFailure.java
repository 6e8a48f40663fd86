package io.voidvm.nodeagent.volume.domain;

import io.voidvm.contracts.node.AgentErrorCodes;

/**
 * A volume command could not be carried out; {@link #code()} becomes the VolumeEvent's stable error code and
 * the message its detail (never a secret: no tokens, no credentials).
 */
public final class VolumeFailure extends RuntimeException {

    /** CreateVolume from an image asked for fewer bytes than the image's virtual size. */
    public static final String SIZE_BELOW_IMAGE = "SIZE_BELOW_IMAGE";
    /** CreateVolume found a file of another size or origin (blank, or over another image) at the volume's place. */
    public static final String VOLUME_CONFLICT = "VOLUME_CONFLICT";
    public static final String VOLUME_NOT_FOUND = "VOLUME_NOT_FOUND";
    /** DeleteVolume while a running VM of this node has the volume open. */
    public static final String VOLUME_IN_USE = "VOLUME_IN_USE";
    /** The image blob could not be fetched from image-service. */
    public static final String IMAGE_DOWNLOAD_FAILED = "IMAGE_DOWNLOAD_FAILED";
    /** The download did not finish within its deadline; it was abandoned and its partial file deleted. */
    public static final String IMAGE_DOWNLOAD_TIMED_OUT = "IMAGE_DOWNLOAD_TIMED_OUT";
    /** The downloaded blob's SHA-256 is not the one asked for; nothing was cached. */
    public static final String IMAGE_CHECKSUM_MISMATCH = "IMAGE_CHECKSUM_MISMATCH";
    /** The image is not fit to be a base (e.g. it has a backing file of its own). */
    public static final String IMAGE_REFUSED = "IMAGE_REFUSED";
    /** The volume's format cannot be made from this origin (an image volume is a qcow2 overlay). */
    public static final String UNSUPPORTED_FORMAT = "UNSUPPORTED_FORMAT";
    /** {@code qemu-img} failed or timed out. */
    public static final String DISK_TOOL_FAILED = "DISK_TOOL_FAILED";
    /** A VM's volume file did not appear within the wait allowed. */
    public static final String VOLUME_NOT_READY = "VOLUME_NOT_READY";
    /** Hot-plug or unplug through QMP failed. */
    public static final String HOTPLUG_FAILED = "HOTPLUG_FAILED";
    /** The disk id is attached to another volume. */
    public static final String DISK_ID_IN_USE = "DISK_ID_IN_USE";
    /**
     * The node has no room for the work now (its limit of concurrent downloads or {@code qemu-img} runs, and of
     * work waiting for them, or a VM's task queue, is reached): nothing was done; the same command may succeed later.
     */
    public static final String AGENT_BUSY = AgentErrorCodes.AGENT_BUSY;
    public static final String AGENT_ERROR = "AGENT_ERROR";

    private final String code;

    public VolumeFailure(String code, String message) {
        this(code, message, null);
    }

    public VolumeFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
