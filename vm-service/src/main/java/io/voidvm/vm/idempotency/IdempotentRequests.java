package io.voidvm.vm.idempotency;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs a POST at most once per {@code Idempotency-Key}. The key's row is inserted in the same transaction as the
 * request's effect: if two requests with one key race, the second insert waits for the first and finds it
 * taken, its effect rolls back, and it answers with the first one's stored response. Failed requests store
 * nothing (they changed nothing), so a retry after a 4xx runs again.
 */
@Service
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Printable ASCII, as the IETF draft's examples (UUIDs, random tokens); bounded for the index. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotencyStore store;
    private final TransactionalOperator transactions;

    IdempotentRequests(IdempotencyStore store, TransactionalOperator transactions) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * @param scope   whose keys these are (the tenant), so tenants never see each other's responses
     * @param key     the header value, {@code null} when the client sent none
     * @param request a canonical form of the request (method, path, query, normalised body)
     * @param effect  the request itself; it must join the surrounding transaction (it does by default)
     * @return the response, and whether it was replayed
     */
    public Mono<Outcome> execute(String scope, String key, String request, Mono<StoredResponse> effect) {
        if (key == null) {
            return effect.map(response -> new Outcome(response, false));
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.error(new InvalidRequestException(HEADER, "must be 1-255 printable ASCII characters"));
        }
        String hash = sha256(request);
        return store.find(scope, key)
                .map(entry -> replay(entry, hash))
                .switchIfEmpty(Mono.defer(() -> firstUse(scope, key, hash, effect)));
    }

    /** The response and whether it came from the store. */
    public record Outcome(StoredResponse response, boolean replayed) {
    }

    private Mono<Outcome> firstUse(String scope, String key, String hash, Mono<StoredResponse> effect) {
        Mono<Outcome> once = effect.flatMap(response -> response.isSuccess()
                ? store.insert(scope, key, hash, response).flatMap(inserted -> inserted
                        ? Mono.just(new Outcome(response, false))
                        : Mono.<Outcome>error(new KeyTakenMeanwhile()))
                : Mono.just(new Outcome(response, false)));
        return transactions.transactional(once)
                .onErrorResume(KeyTakenMeanwhile.class, raced -> store.find(scope, key)
                        .map(entry -> replay(entry, hash))
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("idempotency key vanished"))));
    }

    private static Outcome replay(IdempotencyStore.Entry entry, String hash) {
        if (!MessageDigest.isEqual(entry.requestHash().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            throw new IdempotencyKeyReusedException();
        }
        return new Outcome(entry.response(), true);
    }

    /** Forgets keys older than their retention (a periodic sweep, {@link IdempotencyConfiguration}). */
    Mono<Long> purge() {
        return store.purgeOlderThan(RETENTION).doOnNext(purged -> log.debug("purged {} idempotency keys", purged));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Rolls back the effect of a request whose key another request took first. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
