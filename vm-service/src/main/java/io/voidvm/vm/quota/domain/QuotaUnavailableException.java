package io.voidvm.vm.quota.domain;

/**
 * The quota could not be checked (auth-service down, slow, or answering something unexpected). The create is
 * refused, not let through: a quota that fails open is no quota. The message is written for the client.
 */
public final class QuotaUnavailableException extends RuntimeException {

    public QuotaUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
