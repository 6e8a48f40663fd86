package io.voidvm.launcher.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Sends one request to the running launcher and relays its progress; no timeout, the launcher bounds the work. */
public final class ControlClient {

    private ControlClient() {
    }

    /** The launcher's final reply, every step before it going to {@code steps}. */
    public static ControlProtocol.Reply send(Path socket, String request, Consumer<String> steps) {
        if (!Files.exists(socket)) {
            return new ControlProtocol.Reply.Failed("no launcher listens on " + socket);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            var out = Channels.newOutputStream(channel);
            out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ControlProtocol.Reply reply = ControlProtocol.parse(line);
                if (reply instanceof ControlProtocol.Reply.Step step) {
                    steps.accept(step.text());
                } else {
                    return reply;
                }
            }
            return new ControlProtocol.Reply.Failed("the launcher closed the connection without an answer"
                    + " (did it stop?)");
        } catch (IOException e) {
            return new ControlProtocol.Reply.Failed("cannot reach the launcher on " + socket + ": " + e.getMessage());
        }
    }
}
