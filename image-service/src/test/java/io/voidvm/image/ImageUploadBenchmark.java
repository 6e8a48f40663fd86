package io.voidvm.image;

import io.voidvm.image.it.StubPlatform;
import io.voidvm.testsupport.junit.KafkaExtension;
import io.voidvm.testsupport.junit.PostgresExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Upload throughput into image-service vs a plain file copy on the same disk, in one run (docs/benchmarks.md).
 * Starts the real image-service (embedded PostgreSQL and Kafka from test-support, stand-in token issuer), then
 * for the same file: {@code Files.copy} to the blob store's disk, and a streamed {@code PUT
 * /api/v1/images/{id}/file} (SHA-256, write, qemu-img validation, atomic move), raw and as a multipart form with
 * one file part (the form reader's path, its demand hopping onto the event loop: ADR 0015), each
 * {@code bench.runs} times.
 * Direct to image-service: the gateway is not in this measurement.
 *
 * <p>{@code -Dbench.sizeMb=1024 -Dbench.runs=3 -Dbench.dir=image-service/target/bench}
 */
public final class ImageUploadBenchmark {

    private static final int CHUNK = 256 * 1024;

    private ImageUploadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int sizeMb = Integer.getInteger("bench.sizeMb", 1024);
        int runs = Integer.getInteger("bench.runs", 3);
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Files.createDirectories(dir);
        Path source = dir.resolve("source-" + sizeMb + "m.raw");
        writeSource(source, sizeMb);

        PostgresExtension.sharedServer();
        System.setProperty("spring.kafka.bootstrap-servers", KafkaExtension.sharedBroker().bootstrapServers());
        StubPlatform platform = StubPlatform.shared();
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--logging.level.root=WARN", "--logging.structured.format.console=",
                "--voidvm.image.blob-store-dir=" + dir.resolve("blobs"),
                "--voidvm.image.max-upload-size=100GB", "--voidvm.image.max-virtual-size=100GB"));
        platform.properties().forEach((name, value) -> appArgs.add("--" + name + "=" + value));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ImageApplication.class)
                .run(appArgs.toArray(String[]::new));
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        WebClient client = WebClient.builder().baseUrl(base)
                .defaultHeader("Authorization", "Bearer " + platform.user("bench")).build();
        try {
            // warm-up: one small upload through the whole path
            upload(client, source, Math.min(sizeMb, 16), "warm-up");
            List<Double> copies = new ArrayList<>();
            List<Double> uploads = new ArrayList<>();
            List<Double> forms = new ArrayList<>();
            List<Double> rehashes = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                copies.add(copy(source, dir.resolve("copy.raw"), sizeMb));
                uploads.add(upload(client, source, sizeMb, "bench-" + run));
                forms.add(uploadForm(client, source, sizeMb, "form-" + run));
                rehashes.add(rehash(source, sizeMb));
            }
            print(sizeMb, copies, uploads);
            System.out.printf("  the same as a multipart form (one file part)    : %8.1f   runs %s: %.0f %% of the raw PUT%n",
                    median(forms), format(forms), 100 * median(forms) / median(uploads));
            double rehash = median(rehashes);
            System.out.printf("  read back + SHA-256 before READY (part of the upload): %8.1f MiB/s, runs %s: "
                    + "%.0f %% of the upload's time%n%n", rehash, format(rehashes), 100 * median(uploads) / rehash);
        } finally {
            app.close();
            Files.deleteIfExists(dir.resolve("copy.raw"));
        }
        System.exit(0);
    }

    /** The check every upload makes before READY (BlobStore reads the file back and hashes it), alone; MiB/s. */
    private static double rehash(Path file, int sizeMb) throws IOException {
        long start = System.nanoTime();
        io.voidvm.image.blob.store.BlobStore.sha256Of(file);
        return sizeMb / ((System.nanoTime() - start) / 1e9);
    }

    private static double copy(Path source, Path target, int sizeMb) throws IOException {
        Files.deleteIfExists(target);
        long start = System.nanoTime();
        Files.copy(source, target);
        try (var channel = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(target);
        return sizeMb / seconds;
    }

    /** Registers an image and streams {@code sizeMb} MiB of the source into it; MB/s until READY came back. */
    private static double upload(WebClient client, Path source, int sizeMb, String name) {
        String id = register(client, name);
        long bytes = (long) sizeMb * 1024 * 1024;
        long start = System.nanoTime();
        Map<?, ?> image = client.put().uri("/api/v1/images/{id}/file", id)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(bytes)
                .body(read(source, bytes), DataBuffer.class).retrieve().bodyToMono(Map.class)
                .block(Duration.ofMinutes(30));
        return finished(client, id, sizeMb, start, image);
    }

    /** The same bytes as the one {@code file} part of a multipart PUT (the form reader's path); MB/s. */
    private static double uploadForm(WebClient client, Path source, int sizeMb, String name) {
        String id = register(client, name);
        long bytes = (long) sizeMb * 1024 * 1024;
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.asyncPart("file", read(source, bytes), DataBuffer.class).filename("disk.raw")
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        long start = System.nanoTime();
        Map<?, ?> image = client.put().uri("/api/v1/images/{id}/file", id)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .retrieve().bodyToMono(Map.class).block(Duration.ofMinutes(30));
        return finished(client, id, sizeMb, start, image);
    }

    private static String register(WebClient client, String name) {
        Map<?, ?> created = client.post().uri("/api/v1/images").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name + "-" + System.nanoTime())).retrieve().bodyToMono(Map.class)
                .block(Duration.ofSeconds(30));
        return (String) created.get("id");
    }

    private static Flux<DataBuffer> read(Path source, long bytes) {
        return DataBufferUtils.takeUntilByteCount(
                DataBufferUtils.read(source, DefaultDataBufferFactory.sharedInstance, CHUNK), bytes);
    }

    /** MiB/s since {@code start}, once the answer says READY; the image is deleted again. */
    private static double finished(WebClient client, String id, int sizeMb, long start, Map<?, ?> image) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!"READY".equals(image.get("status"))) {
            throw new IllegalStateException("upload ended " + image.get("status") + ": " + image.get("statusReason"));
        }
        client.delete().uri("/api/v1/images/{id}", id).retrieve().toBodilessEntity().block(Duration.ofSeconds(30));
        return sizeMb / seconds;
    }

    /** Pseudo-random bytes (not zeros, so no layer can shortcut them), whole MiB so it is a plausible raw disk. */
    private static void writeSource(Path source, int sizeMb) throws IOException {
        if (Files.isRegularFile(source) && Files.size(source) == (long) sizeMb * 1024 * 1024) {
            return;
        }
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(source)) {
            for (int i = 0; i < sizeMb; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static void print(int sizeMb, List<Double> copies, List<Double> uploads) {
        double copy = median(copies);
        double upload = median(uploads);
        System.out.printf("%nimage upload benchmark: %d MiB file, %d runs each, medians (MiB/s)%n", sizeMb,
                copies.size());
        System.out.printf("  plain file copy (Files.copy + fsync), same disk : %8.1f   runs %s%n", copy, format(copies));
        System.out.printf("  PUT /api/v1/images/{id}/file, direct           : %8.1f   runs %s%n", upload,
                format(uploads));
        System.out.printf("  upload / copy                                   : %7.0f %%%n%n", 100 * upload / copy);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String format(List<Double> values) {
        return values.stream().map(value -> String.format("%.1f", value)).toList().toString();
    }
}
