package io.voidvm.launcher.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The launcher's end of the control socket: accepts connections on a virtual thread and hands each request to
 * the {@link Requests}, streaming its progress back. The socket file lives as long as the server.
 */
public final class ControlServer implements AutoCloseable {

    /** What the launcher does on request; a failure is an exception whose message the client prints. */
    @FunctionalInterface
    public interface Requests {
        /** Restarts {@code component}, telling {@code progress} each step; returns a one-line summary. */
        String restart(String component, Consumer<String> progress);
    }

    private final Path socket;
    private final ServerSocketChannel channel;
    private final Thread acceptor;

    private ControlServer(Path socket, ServerSocketChannel channel, Requests requests) {
        this.socket = socket;
        this.channel = channel;
        this.acceptor = Thread.ofVirtual().name("voidvm-control").start(() -> acceptLoop(requests));
    }

    /** Binds {@code socket} (a stale file from a crashed launcher is replaced) and starts serving. */
    public static ControlServer open(Path socket, Requests requests) {
        try {
            Files.createDirectories(socket.getParent());
            Files.deleteIfExists(socket);
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(UnixDomainSocketAddress.of(socket));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new ControlServer(socket, channel, requests);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the control socket " + socket, e);
        }
    }

    private void acceptLoop(Requests requests) {
        while (channel.isOpen()) {
            try {
                SocketChannel connection = channel.accept();
                Thread.ofVirtual().name("voidvm-control-request").start(() -> serve(connection, requests));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(SocketChannel connection, Requests requests) {
        try (connection;
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(connection),
                     StandardCharsets.UTF_8));
             OutputStream out = Channels.newOutputStream(connection)) {
            String line = in.readLine();
            ControlProtocol.Reply result;
            var component = ControlProtocol.restartedComponent(line);
            if (component.isEmpty()) {
                result = new ControlProtocol.Reply.Failed("not a request this launcher understands: " + line);
            } else {
                try {
                    result = new ControlProtocol.Reply.Done(requests.restart(component.get(),
                            step -> send(out, new ControlProtocol.Reply.Step(step))));
                } catch (RuntimeException e) {
                    result = new ControlProtocol.Reply.Failed(String.valueOf(e.getMessage()));
                }
            }
            send(out, result);
        } catch (IOException | UncheckedIOException clientGone) {
            // the client hung up (Ctrl-C); the request itself ran to its end regardless
        }
    }

    private static void send(OutputStream out, ControlProtocol.Reply reply) {
        try {
            out.write((ControlProtocol.format(reply) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            channel.close();
            acceptor.join(2_000);
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // the socket file is replaced by the next launcher anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
