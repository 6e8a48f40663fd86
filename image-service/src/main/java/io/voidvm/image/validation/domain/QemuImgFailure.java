package io.voidvm.image.validation.domain;

/** qemu-img could not answer: the file is unreadable to it, it ran too long, or it could not be started. */
public class QemuImgFailure extends RuntimeException {

    public QemuImgFailure(String message) {
        super(message);
    }

    public QemuImgFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
