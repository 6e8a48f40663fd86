package io.voidvm.vm.bootvolume.domain;

/**
 * storage-service could not make (or delete) a boot volume for reasons that are not the client's: it is down,
 * slow, or answered something unexpected. A create is refused with a 503 naming storage-service and nothing is
 * written. The message is written for the client.
 */
public final class BootVolumeUnavailableException extends RuntimeException {

    public BootVolumeUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
