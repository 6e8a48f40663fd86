package io.voidvm.image.importing.http;

import io.netty.channel.ChannelOption;
import io.voidvm.image.blob.store.StreamedFile;
import io.voidvm.image.blob.store.StreamingWriter;
import io.voidvm.image.importing.domain.AddressPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Downloads one URL into a temp file, hashing and counting as {@link StreamingWriter} does for uploads. */
public final class UrlDownloader {

    private final WebClient client;
    private final Duration timeout;

    public UrlDownloader(AddressPolicy policy, Duration timeout) {
        HttpClient http = HttpClient.create()
                .resolver(new CheckingResolverGroup(policy))
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .responseTimeout(Duration.ofSeconds(60));
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.timeout = timeout;
    }

    /**
     * @param total    told the Content-Length when the server sends one
     * @param progress the running byte count
     */
    public Mono<StreamedFile> download(URI uri, Path target, long limitBytes, LongFunction<RuntimeException> tooLarge,
                                       LongConsumer total, AtomicLong progress) {
        return client.get().uri(uri).exchangeToMono(response -> {
            if (response.statusCode().is3xxRedirection()) {
                return response.releaseBody().then(Mono.error(new ImportFailure("the server answered "
                        + response.statusCode().value() + " (a redirect); give the final URL")));
            }
            if (!response.statusCode().is2xxSuccessful()) {
                return response.releaseBody().then(Mono.error(new ImportFailure("the server answered "
                        + response.statusCode().value())));
            }
            response.headers().contentLength().ifPresent(length -> {
                if (length > limitBytes) {
                    throw tooLarge.apply(limitBytes);
                }
                total.accept(length);
            });
            return StreamingWriter.write(response.bodyToFlux(DataBuffer.class), target, limitBytes, tooLarge,
                    progress);
        }).timeout(timeout, Mono.error(() -> new ImportFailure("the download did not finish within " + timeout)));
    }

    /** The remote side did not deliver an image. */
    public static final class ImportFailure extends RuntimeException {
        public ImportFailure(String message) {
            super(message);
        }
    }
}
