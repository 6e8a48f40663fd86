package io.voidvm.image.blob.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Writes a stream of buffers to a new file through an asynchronous file channel, hashing SHA-256 and counting
 * bytes on the way. The channel asks for one buffer at a time, so memory stays at a few buffers whatever the
 * file's size. Past {@code limitBytes} the stream fails with the error {@code tooLarge} makes; on any error or
 * cancellation the partial file is removed.
 */
public final class StreamingWriter {

    static final int BATCH_BYTES = 1024 * 1024;

    private StreamingWriter() {
    }

    /**
     * @param progress receives the running byte count (read it while the write runs)
     */
    public static Mono<StreamedFile> write(Publisher<DataBuffer> source, Path target, long limitBytes,
                                           LongFunction<RuntimeException> tooLarge, AtomicLong progress) {
        return Mono.defer(() -> {
            MessageDigest digest = sha256();
            Flux<DataBuffer> counted = Flux.from(source).map(buffer -> {
                long total = progress.addAndGet(buffer.readableByteCount());
                if (total > limitBytes) {
                    DataBufferUtils.release(buffer);
                    throw tooLarge.apply(limitBytes);
                }
                try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
                    while (views.hasNext()) {
                        ByteBuffer view = views.next();
                        digest.update(view);
                    }
                }
                return buffer;
            });
            return DataBufferUtils.write(batched(counted), target, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)
                    .then(Mono.fromSupplier(() -> new StreamedFile(target, progress.get(),
                            HexFormat.of().formatHex(digest.digest()))))
                    .doFinally(signal -> {
                        if (signal != SignalType.ON_COMPLETE) {
                            deleteQuietly(target);
                        }
                    });
        });
    }

    /**
     * Joins the network's small buffers (a few KiB each) into writes of about {@link #BATCH_BYTES}: one file
     * write per network buffer costs a thread hop and a system call each, which measured ten times slower.
     */
    private static Flux<DataBuffer> batched(Flux<DataBuffer> buffers) {
        return Flux.defer(() -> {
            long[] pending = {0};
            return buffers
                    .bufferUntil(buffer -> {
                        pending[0] += buffer.readableByteCount();
                        if (pending[0] >= BATCH_BYTES) {
                            pending[0] = 0;
                            return true;
                        }
                        return false;
                    })
                    .map(StreamingWriter::join)
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        });
    }

    private static DataBuffer join(List<DataBuffer> buffers) {
        if (buffers.size() == 1) {
            return buffers.getFirst();
        }
        int size = buffers.stream().mapToInt(DataBuffer::readableByteCount).sum();
        DataBuffer joined = DefaultDataBufferFactory.sharedInstance.allocateBuffer(size);
        for (DataBuffer buffer : buffers) {
            joined.write(buffer);
            DataBufferUtils.release(buffer);
        }
        return joined;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the start-up sweep of the tmp directory removes it
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
