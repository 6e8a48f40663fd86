package io.voidvm.nodeagent.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted QMP peer on a Unix socket, standing in for QEMU: the test decides what it says and when, so
 * orderings that QEMU produces only by chance (events before replies, replies out of order, a socket closing
 * mid-call) happen every run. One connection per server.
 */
final class FakeQmpServer implements AutoCloseable {

    static final String GREETING = """
            {"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "fake"}, \
            "capabilities": ["oob"]}}""";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A command the client sent. */
    record Command(String name, String id, JsonNode arguments) {
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final CompletableFuture<SocketChannel> connection = new CompletableFuture<>();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    private FakeQmpServer(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    static FakeQmpServer start(Path dir) throws IOException {
        Path socket = dir.resolve("qmp.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        FakeQmpServer fake = new FakeQmpServer(socket, server);
        Thread.ofVirtual().name("fake-qmp-accept").start(fake::acceptAndRead);
        return fake;
    }

    Path socket() {
        return socket;
    }

    /** Greets, expects {@code qmp_capabilities} and accepts it: what QEMU does for a well-behaved client. */
    void handshake() {
        greet();
        Command capabilities = expect("qmp_capabilities");
        reply(capabilities, "{}");
    }

    void greet() {
        send(GREETING);
    }

    /** Waits for the client's next command and checks its name. */
    Command expect(String name) {
        Command command = next();
        assertThat(command.name()).as("command the client sent").isEqualTo(name);
        return command;
    }

    Command next() {
        try {
            JsonNode request = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(request).as("a command from the client within " + WAIT).isNotNull();
            return new Command(request.path("execute").asString(), request.path("id").asString(),
                    request.path("arguments"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the client sent nothing more (checked right away, not waited for). */
    boolean receivedNothingElse() {
        return received.isEmpty();
    }

    void reply(Command command, String returnJson) {
        send("{\"return\": " + returnJson + ", \"id\": \"" + command.id() + "\"}");
    }

    void replyError(Command command, String errorClass, String description) {
        send("{\"error\": {\"class\": \"" + errorClass + "\", \"desc\": \"" + description + "\"}, \"id\": \""
                + command.id() + "\"}");
    }

    void event(String name, String dataJson, Instant at) {
        long micros = at.getNano() / 1_000;
        send("{\"timestamp\": {\"seconds\": " + at.getEpochSecond() + ", \"microseconds\": " + micros
                + "}, \"event\": \"" + name + "\"" + (dataJson == null ? "" : ", \"data\": " + dataJson) + "}");
    }

    /** Writes one raw line, CR LF terminated like QEMU. */
    void send(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            SocketChannel channel = accepted();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the client's connection, as QEMU does when it exits. */
    void closeConnection() {
        try {
            accepted().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        SocketChannel channel = connection.exceptionally(failure -> null).getNow(null);
        if (channel != null) {
            channel.close();
        }
    }

    private SocketChannel accepted() {
        try {
            return connection.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the client did not connect within " + WAIT, e);
        }
    }

    private void acceptAndRead() {
        try {
            SocketChannel channel = server.accept();
            connection.complete(channel);
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                received.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            connection.completeExceptionally(e);
        }
    }
}
