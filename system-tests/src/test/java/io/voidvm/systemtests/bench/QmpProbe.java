package io.voidvm.systemtests.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The least QMP a launch measurement needs: greeting, {@code qmp_capabilities}, then one command at a time,
 * skipping the events QEMU interleaves. Blocking, single-threaded; the agent has its own full client.
 */
final class QmpProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private QmpProbe(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects, reads the greeting and leaves capabilities negotiation mode. */
    static QmpProbe open(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            QmpProbe probe = new QmpProbe(channel);
            JsonNode greeting = probe.readMessage();
            if (!greeting.has("QMP")) {
                throw new IOException("no QMP greeting: " + greeting);
            }
            probe.execute("qmp_capabilities");
            return probe;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Runs {@code command} (no arguments) and returns its {@code return} value. */
    JsonNode execute(String command) throws IOException {
        out.write(("{\"execute\":\"" + command + "\"}\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            JsonNode message = readMessage();
            if (message.has("return")) {
                return message.get("return");
            }
            if (message.has("error")) {
                throw new IOException(command + " failed: " + message.get("error"));
            }
            // an event (RESUME, STOP, ...): not the answer
        }
    }

    private JsonNode readMessage() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("QMP connection closed");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
