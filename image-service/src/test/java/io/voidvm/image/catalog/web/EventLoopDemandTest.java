package io.voidvm.image.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.image.blob.store.StreamedFile;
import io.voidvm.image.blob.store.StreamingWriter;
import io.voidvm.servicekit.input.RequestJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * A multipart file part read by Spring's {@link PartEventHttpMessageReader} from a body delivered on one thread (as
 * Netty's event loop delivers it) and asked for from another (as the upload writer's file channel asks for its next
 * buffer) arrives whole, each byte once, because {@link EventLoopDemand} makes every request on the delivering thread.
 * Without it the reader's {@code concatMap} repeats or drops a piece now and then (reactor-core issue 4406); the
 * first test widens that race (a consumer thread that keeps asking while the event loop emits) so that it fails in
 * nearly every run without the fix.
 */
class EventLoopDemandTest {

    private static final String BOUNDARY = "voidvm-demand-test";
    private static final int FILE_BYTES = 1024 * 1024;
    /** Small reads make many part events, and so many chances for the race. */
    private static final int NETWORK_READ = 256;
    /** How far the consumer thread lets its demand run ahead, and the most it waits between two requests. */
    private static final int DEMAND_AHEAD = 8;
    private static final int REQUEST_JITTER_NANOS = 300;

    private final ExecutorService eventLoop = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("test-event-loop").factory());
    private final UploadForm form = new UploadForm(RequestJson.from(JsonMapper.builder().build()));

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        eventLoop.shutdownNow();
    }

    @Test
    void partEventsRequestedFromAnotherThreadArriveEachOnce() {
        int rounds = 250;
        List<Integer> corrupted = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            byte[] file = randomBytes();
            String received = hashRequestingFromAnotherThread(EventLoopDemand.requestedOn(eventLoop, partEvents(file)))
                    .block(Duration.ofSeconds(30));
            if (!sha256(file).equals(received)) {
                corrupted.add(round);
            }
        }
        assertThat(corrupted).as("rounds (of %d) whose consumer received other bytes than were sent", rounds)
                .isEmpty();
    }

    /** The production path behind the form: batched, hashed, written through an asynchronous file channel. */
    @Test
    void theStreamingWriterBehindTheFormStoresEveryByteOnce() throws Exception {
        int rounds = 40;
        List<Integer> corrupted = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            byte[] file = randomBytes();
            Path target = dir.resolve(round + ".part");
            StreamedFile written = form.fileOnly(EventLoopDemand.requestedOn(eventLoop, partEvents(file)),
                            body -> StreamingWriter.write(body, target, Long.MAX_VALUE,
                                    limit -> new IllegalStateException("limit " + limit), new AtomicLong()))
                    .block(Duration.ofSeconds(30));
            assertThat(written.sha256()).as("round %d: hashed while written and read back", round)
                    .isEqualTo(BlobStore.sha256Of(target));
            if (!sha256(file).equals(written.sha256())) {
                corrupted.add(round);
            }
            Files.delete(target);
        }
        assertThat(corrupted).as("rounds (of %d) that stored other bytes than were sent", rounds).isEmpty();
    }

    /** Reads the form as the server does: bytes emitted only on the event loop, whichever thread asked for them. */
    private Flux<PartEvent> partEvents(byte[] file) {
        byte[] body = multipart(file);
        List<byte[]> reads = new ArrayList<>();
        for (int offset = 0; offset < body.length; offset += NETWORK_READ) {
            reads.add(Arrays.copyOfRange(body, offset, Math.min(body.length, offset + NETWORK_READ)));
        }
        Flux<DataBuffer> delivered = Flux.fromIterable(reads)
                .<DataBuffer>map(DefaultDataBufferFactory.sharedInstance::wrap)
                .publishOn(Schedulers.fromExecutor(eventLoop), 4);
        return new PartEventHttpMessageReader().read(ResolvableType.forClass(PartEvent.class),
                new Message(delivered), Map.of());
    }

    /**
     * Hashes the file part's bytes on the thread that delivers them, while a thread of its own keeps asking for more,
     * one event at a time, up to {@value #DEMAND_AHEAD} ahead, a few hundred nanoseconds apart.
     */
    private static Mono<String> hashRequestingFromAnotherThread(Flux<PartEvent> events) {
        return Mono.create(sink -> {
            MessageDigest digest = newSha256();
            AtomicLong received = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            BaseSubscriber<PartEvent> consumer = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    // all demand comes from the requesting thread
                }

                @Override
                protected void hookOnNext(PartEvent event) {
                    try (DataBuffer.ByteBufferIterator views = event.content().readableByteBuffers()) {
                        views.forEachRemaining(digest::update);
                    }
                    DataBufferUtils.release(event.content());
                    received.incrementAndGet();
                }

                @Override
                protected void hookOnComplete() {
                    done.set(true);
                    sink.success(HexFormat.of().formatHex(digest.digest()));
                }

                @Override
                protected void hookOnError(Throwable error) {
                    done.set(true);
                    sink.error(error);
                }
            };
            events.subscribe(consumer);
            Thread.ofPlatform().name("test-consumer").start(() -> {
                long requested = 0;
                while (!done.get()) {
                    if (requested - received.get() >= DEMAND_AHEAD / 2) {
                        Thread.onSpinWait();
                        continue;
                    }
                    for (int i = 0; i < DEMAND_AHEAD / 2 && !done.get(); i++) {
                        requested++;
                        consumer.request(1);
                        spin(ThreadLocalRandom.current().nextInt(REQUEST_JITTER_NANOS));
                    }
                }
            });
        });
    }

    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static byte[] multipart(byte[] file) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"disk.img\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return body;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[FILE_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request body as the reader sees it: the form's Content-Type and the delivered bytes. */
    private record Message(Flux<DataBuffer> getBody) implements ReactiveHttpInputMessage {
        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(new MediaType(MediaType.MULTIPART_FORM_DATA, Map.of("boundary", BOUNDARY)));
            return headers;
        }
    }
}
