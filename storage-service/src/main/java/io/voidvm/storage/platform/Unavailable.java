package io.voidvm.storage.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A service this one depends on did not answer usefully: the caller gets a 503 problem and may retry. */
final class Unavailable {

    private Unavailable() {
    }

    static ResponseStatusException of(String service, Throwable cause) {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, service + " is unavailable", cause);
    }
}
