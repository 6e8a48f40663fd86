package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.runtime.domain.BoundedIdSet;
import io.voidvm.nodeagent.volume.VolumeCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Message ids of commands this node has taken on, kept across agent restarts: an append-only file of one id
 * per line, fsynced per append, rewritten down to the newest {@code capacity} ids once it holds twice that.
 * Node-wide rather than per VM, so that a redelivered DeleteVm is recognised after the VM's directory is gone.
 */
public final class ProcessedCommandLog implements AutoCloseable, VolumeCommands.ProcessedIds {

    private final Path file;
    private final BoundedIdSet ids;
    private FileChannel channel;
    private int linesInFile;

    private ProcessedCommandLog(Path file, BoundedIdSet ids, int linesInFile) throws IOException {
        this.file = file;
        this.ids = ids;
        this.linesInFile = linesInFile;
        this.channel = openForAppend(file);
    }

    public static ProcessedCommandLog open(Path file, int capacity) {
        BoundedIdSet ids = new BoundedIdSet(capacity);
        int lines = 0;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    lines++;
                    // a torn last line from a crash mid-append is skipped, not fatal
                    if (line.length() == 36) {
                        try {
                            ids.add(UUID.fromString(line));
                        } catch (IllegalArgumentException torn) {
                            // skip
                        }
                    }
                }
            }
            return new ProcessedCommandLog(file, ids, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    @Override
    public synchronized boolean contains(UUID messageId) {
        return ids.contains(messageId);
    }

    /** Records {@code messageId} durably; returns false if it was already recorded. */
    @Override
    public synchronized boolean record(UUID messageId) {
        if (!ids.add(messageId)) {
            return false;
        }
        try {
            ByteBuffer line = ByteBuffer.wrap((messageId + "\n").getBytes(StandardCharsets.US_ASCII));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
            if (++linesInFile >= 2 * ids.capacity()) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        return true;
    }

    private void compact() throws IOException {
        List<UUID> newest = ids.toList();
        String content = newest.stream().map(UUID::toString).collect(Collectors.joining("\n", "", "\n"));
        channel.close();
        AtomicFiles.write(file, content.getBytes(StandardCharsets.US_ASCII));
        channel = openForAppend(file);
        linesInFile = newest.size();
    }

    private static FileChannel openForAppend(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
