package io.voidvm.launcher.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Exactly one launcher per data dir. The OS file lock is released by the kernel when the launcher dies, however
 * it dies, so a lock that can be taken means no launcher runs, whatever pid file a crash left behind.
 */
public final class LauncherLock implements AutoCloseable {

    private final RunDir runDir;
    private final FileChannel channel;
    private final FileLock lock;

    private LauncherLock(RunDir runDir, FileChannel channel, FileLock lock) {
        this.runDir = runDir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock and writes this process into {@code launcher.pid}; empty if another launcher holds it. */
    public static Optional<LauncherLock> tryAcquire(RunDir runDir) {
        Path lockFile = runDir.dir().resolve("launcher.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(runDir.dir());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new LauncherLock(runDir, channel, lock));
        } catch (OverlappingFileLockException heldInThisJvm) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    /** True while some launcher holds the lock (checked by taking and dropping it). */
    public static boolean isHeld(RunDir runDir) {
        if (!Files.isDirectory(runDir.dir())) {
            return false;
        }
        Optional<LauncherLock> probe = tryAcquire(runDir);
        probe.ifPresent(LauncherLock::releaseOnly);
        return probe.isEmpty();
    }

    public void writeLauncherPid() {
        runDir.record(RunDir.LAUNCHER, List.of(PidRecord.of(ProcessHandle.current())));
    }

    @Override
    public void close() {
        runDir.clearReady();
        runDir.forgetNodes();
        runDir.forget(RunDir.LAUNCHER);
        releaseOnly();
    }

    private void releaseOnly() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
