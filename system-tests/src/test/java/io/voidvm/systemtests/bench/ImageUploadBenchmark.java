package io.voidvm.systemtests.bench;

import io.voidvm.systemtests.harness.AccessTokens;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.Tenant;
import io.voidvm.systemtests.harness.VoidvmApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's upload benchmark, in one run: the same raw disk image uploaded through the gateway and straight to
 * image-service ({@code PUT /api/v1/images/{id}/file}, timed until the image is READY: streaming, SHA-256,
 * fsync, qemu-img and the atomic move), and as one multipart {@code POST /api/v1/images} through the gateway,
 * beside a plain file copy with fsync on the same disk. The real platform from its fat jars (the system tests'
 * {@link SharedPlatform}); everything on loopback; each step bounded by a deadline.
 *
 * <p>System properties: {@code bench.sizeMb} (512), {@code bench.runs} (3).
 */
public final class ImageUploadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration UPLOAD_DEADLINE = Duration.ofMinutes(5);

    private ImageUploadBenchmark() {
    }

    public static void main(String[] args) {
        int sizeMb = Integer.getInteger("bench.sizeMb", 512);
        int runs = Integer.getInteger("bench.runs", 3);
        if (sizeMb < 1 || sizeMb > 8192 || runs < 1 || runs > 10) {
            throw new IllegalArgumentException("bench.sizeMb 1-8192, bench.runs 1-10");
        }
        int exitCode = 1;
        Path work = null;
        try {
            // the platform of the system tests; it stops at JVM exit
            SharedPlatform platform = SharedPlatform.get();
            work = Files.createTempDirectory(Path.of("target"), "upload-bench-");
            Path source = rawDisk(work.resolve("source.img"), sizeMb);
            Tenant tenant = platform.newTenant("upload-bench");
            AccessTokens tokens = new AccessTokens(platform.tokens(), tenant.user());
            roomForTheRuns(platform, tenant, runs, sizeMb);
            String gateway = platform.gateway().baseUrl();
            String direct = platform.service("image-service").baseUrl();
            List<Double> copy = new ArrayList<>();
            List<Double> viaGateway = new ArrayList<>();
            List<Double> straight = new ArrayList<>();
            List<Double> form = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                log("run " + run + " of " + runs + ", " + sizeMb + " MiB");
                copy.add(copyWithFsync(source, work.resolve("copy-" + run + ".img"), sizeMb));
                viaGateway.add(upload(gateway, tokens, source, sizeMb, "gw-" + run));
                straight.add(upload(direct, tokens, source, sizeMb, "direct-" + run));
                form.add(uploadForm(gateway, tokens, source, sizeMb, "form-" + run));
            }
            String report = report(sizeMb, copy, viaGateway, straight, form);
            System.out.println(report);
            Path file = Path.of("target", "benchmarks", "image-upload.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report, StandardCharsets.UTF_8);
            exitCode = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        } finally {
            deleteQuietly(work);
        }
        System.exit(exitCode);
    }

    /** The benchmark's tenant gets image quotas (count and GiB) that every run's uploads fit in. */
    private static void roomForTheRuns(SharedPlatform platform, Tenant tenant, int runs, int sizeMb) {
        long imageGb = 3L * runs * (sizeMb / 1024 + 1) + 1;
        platform.platformApi().call("PUT", "/api/v1/tenants/" + tenant.id() + "/quotas", "{\"vms\":10,\"vcpus\":20,\"memoryMb\":32768,"
                + "\"diskGb\":500,\"images\":" + (3 * runs + 10) + ",\"imageGb\":" + imageGb + "}").expect(200);
    }

    /** A raw disk of whole sectors with incompressible content, so nothing on the path can shortcut it. */
    private static Path rawDisk(Path file, int sizeMb) throws IOException {
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < sizeMb; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return file;
    }

    private static double copyWithFsync(Path source, Path target, int sizeMb) throws IOException {
        long started = System.nanoTime();
        Files.copy(source, target);
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.delete(target);
        return sizeMb / seconds;
    }

    private static double upload(String baseUrl, AccessTokens tokens, Path source, int sizeMb, String name)
            throws IOException, InterruptedException {
        VoidvmApi api = new VoidvmApi(baseUrl, tokens);
        String id = api.call("POST", "/api/v1/images", "{\"name\":\"bench-" + name + "-" + System.nanoTime()
                + "\",\"osType\":\"OTHER\"}").expect(201).id().toString();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/images/" + id
                        + "/file"))
                .header("Authorization", "Bearer " + tokens.get())
                .header("Content-Type", "application/octet-stream")
                .timeout(UPLOAD_DEADLINE)
                .PUT(HttpRequest.BodyPublishers.ofFile(source)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new AssertionError("upload " + name + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return untilReady(api, id, name, started, sizeMb);
    }

    /** One request: {@code POST /api/v1/images} as multipart/form-data, a metadata part then the file part. */
    private static double uploadForm(String baseUrl, AccessTokens tokens, Path source, int sizeMb, String name)
            throws IOException, InterruptedException {
        VoidvmApi api = new VoidvmApi(baseUrl, tokens);
        String boundary = "bench-" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"name\":\"bench-" + name + "-" + System.nanoTime()
                + "\",\"osType\":\"OTHER\"}\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"disk.img\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/images"))
                .header("Authorization", "Bearer " + tokens.get())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(UPLOAD_DEADLINE)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(source), HttpRequest.BodyPublishers.ofString(tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new AssertionError("form upload " + name + " answered " + answer.statusCode() + ": " + answer.body());
        }
        String id = JSON.readTree(answer.body()).path("id").asString();
        return untilReady(api, id, name, started, sizeMb);
    }

    private static double untilReady(VoidvmApi api, String id, String name, long started, int sizeMb)
            throws InterruptedException {
        long deadline = System.nanoTime() + UPLOAD_DEADLINE.toNanos();
        String status;
        while (!"READY".equals(status = api.call("GET", "/api/v1/images/" + id, null).expect(200).body()
                .path("status").asString())) {
            if ("FAILED".equals(status) || System.nanoTime() > deadline) {
                throw new AssertionError("image " + name + " ended " + status);
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        api.call("DELETE", "/api/v1/images/" + id, null);
        return sizeMb / seconds;
    }

    static String report(int sizeMb, List<Double> copy, List<Double> viaGateway, List<Double> direct,
                         List<Double> form) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "image upload, %s, %d CPUs, %d MiB raw image, %d runs, medians%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), sizeMb, copy.size()));
        out.append(String.format(Locale.ROOT, "%-44s %9s   %s%n", "path", "MiB/s", "runs"));
        row(out, "plain file copy + fsync, same disk", copy, median(copy));
        row(out, "PUT .../file through the gateway (to READY)", viaGateway, median(copy));
        row(out, "PUT .../file straight to image-service", direct, median(copy));
        row(out, "multipart POST through the gateway", form, median(copy));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, List<Double> values, double copyMedian) {
        double median = median(values);
        out.append(String.format(Locale.ROOT, "%-44s %9.0f   %s (%.0f %% of the copy)%n", name, median,
                values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(), 100 * median / copyMedian));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory under target/: the next clean removes it
        }
    }

    private static void log(String message) {
        System.out.println("[upload-bench] " + message);
    }
}
