package io.voidvm.launcher.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LauncherLockTest {

    @TempDir
    Path dir;

    @Test
    void secondAcquireFailsWhileTheFirstHolds() {
        RunDir runDir = new RunDir(dir.resolve("run"));

        Optional<LauncherLock> first = LauncherLock.tryAcquire(runDir);
        assertThat(first).isPresent();
        assertThat(LauncherLock.tryAcquire(runDir)).isEmpty();
        assertThat(LauncherLock.isHeld(runDir)).isTrue();

        first.get().close();
        assertThat(LauncherLock.isHeld(runDir)).isFalse();
        LauncherLock.tryAcquire(runDir).orElseThrow().close();
    }

    @Test
    void staleLauncherPidFileDoesNotBlockAndIsReplaced() throws IOException {
        RunDir runDir = new RunDir(dir);
        // a crashed launcher: its pid file stays, its kernel lock went with it
        Files.writeString(dir.resolve("launcher.pid"), "999999999 1\n");
        assertThat(runDir.live(RunDir.LAUNCHER)).isEmpty();

        try (LauncherLock lock = LauncherLock.tryAcquire(runDir).orElseThrow()) {
            lock.writeLauncherPid();
            assertThat(runDir.live(RunDir.LAUNCHER)).containsExactly(ProcessHandle.current());
        }
        assertThat(runDir.read(RunDir.LAUNCHER)).isEmpty();
    }

    @Test
    void aLockHeldByAnotherProcessIsSeenAndFreedWhenItDies() throws Exception {
        RunDir runDir = new RunDir(dir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString()).inheritIO().start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> runDir.live(RunDir.LAUNCHER).size() == 1);
            assertThat(LauncherLock.isHeld(runDir)).isTrue();
            assertThat(LauncherLock.tryAcquire(runDir)).isEmpty();
            assertThat(runDir.live(RunDir.LAUNCHER)).extracting(ProcessHandle::pid).containsExactly(holder.pid());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // killed, as in a crash: the kernel drops the lock, the pid file stays but names no live process
        assertThat(LauncherLock.isHeld(runDir)).isFalse();
        assertThat(runDir.read(RunDir.LAUNCHER)).isNotEmpty();
        assertThat(runDir.live(RunDir.LAUNCHER)).isEmpty();
    }

    /** Holds the lock of the run dir given as argument until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws InterruptedException {
            LauncherLock lock = LauncherLock.tryAcquire(new RunDir(Path.of(args[0]))).orElseThrow();
            lock.writeLauncherPid();
            Thread.sleep(Duration.ofMinutes(2));
        }
    }
}
