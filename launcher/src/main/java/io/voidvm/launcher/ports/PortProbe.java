package io.voidvm.launcher.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Can a server bind this loopback port right now? A narrow seam so the checks are testable without sockets. */
@FunctionalInterface
public interface PortProbe {

    boolean isFree(int port);

    /** Binds and releases the port on 127.0.0.1, which fails if anything listens on it or on the wildcard address. */
    static PortProbe loopback() {
        return port -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return true;
            } catch (IOException inUse) {
                return false;
            }
        };
    }

    /** True when something accepts connections on 127.0.0.1:{@code port}. */
    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
