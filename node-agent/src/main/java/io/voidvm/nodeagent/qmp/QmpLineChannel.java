package io.voidvm.nodeagent.qmp;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Newline-framed JSON over a blocking Unix stream socket. One thread reads, any thread writes: a
 * {@link SocketChannel} locks reads and writes separately, so a blocked reader never holds up a writer
 * (streams from {@code Channels.newInputStream} offered no such promise on older JDKs).
 */
final class QmpLineChannel implements Closeable {

    /** Guards memory against a peer that never sends a newline; real replies are far smaller. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final SocketChannel channel;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024).flip();
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private final Object writeLock = new Object();

    private QmpLineChannel(SocketChannel channel) {
        this.channel = channel;
    }

    static QmpLineChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new QmpLineChannel(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The next line without its terminator (LF or CR LF), or null at end of stream. Reader thread only. */
    byte[] readLine() throws IOException {
        while (true) {
            while (readBuffer.hasRemaining()) {
                byte b = readBuffer.get();
                if (b == '\n') {
                    byte[] line = partialLine.toByteArray();
                    partialLine.reset();
                    int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                    return length == line.length ? line : Arrays.copyOf(line, length);
                }
                partialLine.write(b);
            }
            if (partialLine.size() > MAX_LINE_BYTES) {
                throw new QmpProtocolException("QMP line longer than " + MAX_LINE_BYTES + " bytes");
            }
            readBuffer.clear();
            int read = channel.read(readBuffer);
            readBuffer.flip();
            if (read < 0) {
                // a line cut off by EOF is incomplete, not a message
                return null;
            }
        }
    }

    void writeLine(byte[] json) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        synchronized (writeLock) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
