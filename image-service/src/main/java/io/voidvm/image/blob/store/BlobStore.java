package io.voidvm.image.blob.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files of the blob store. Blocking; callers run it off the event loop. Paths are built only from a validated
 * SHA-256 (64 lower-case hex digits) or a random UUID, never from client text.
 */
public final class BlobStore {

    private static final Logger log = LoggerFactory.getLogger(BlobStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int READ_BYTES = 1024 * 1024;

    private final Path root;
    private final Path blobs;
    private final Path temp;

    public BlobStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.blobs = this.root.resolve("sha256");
        this.temp = this.root.resolve("tmp");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob store under " + this.root, e);
        }
    }

    public static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value).matches();
    }

    /** A fresh path for an incoming file; nothing is created yet. */
    public Path newTempFile() {
        return temp.resolve(UUID.randomUUID() + ".part");
    }

    public Path tempDir() {
        return temp;
    }

    /** Where the blob of {@code sha256} lives (whether or not it exists). */
    public Path pathOf(String sha256) {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return blobs.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** The blob file, if the store has it. */
    public Optional<Path> find(String sha256) {
        if (!isSha256(sha256)) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Makes {@code tempFile} the blob of {@code sha256}: moved atomically into place, or dropped when the store
     * already holds those bytes. First the file is forced to disk and its bytes are read back and hashed: bytes that
     * do not hash to {@code sha256} are never stored (the temp file is removed and {@link NotIntact} thrown), so an
     * address always names exactly its bytes, whatever happened between the network and the disk. Callers serialise
     * this against {@link #delete(String)} of the same blob.
     */
    public Path commit(Path tempFile, String sha256) {
        Path target = pathOf(sha256);
        try {
            // on disk before a READY row points at it: a crash must not leave a referenced, partial blob
            try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            String stored = sha256Of(tempFile);
            if (!stored.equals(sha256)) {
                Files.deleteIfExists(tempFile);
                throw new NotIntact(sha256, stored);
            }
            if (Files.isRegularFile(target)) {
                Files.deleteIfExists(tempFile);
                return target;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tempFile);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("the blob store's tmp and sha256 directories must be on one "
                        + "filesystem", e);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + sha256, e);
        }
    }

    /** The SHA-256 (lower-case hex) of a file's bytes, read back from the filesystem. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) >= 0) {
                digest.update(buffer.flip());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public void delete(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + sha256, e);
        }
    }

    /** Removes a temp file; never fails (it is cleanup on an error path). */
    public void discard(Path tempFile) {
        try {
            Files.deleteIfExists(tempFile);
        } catch (IOException e) {
            log.warn("cannot remove temp file {}: {}", tempFile, e.toString());
        }
    }

    /** Temp files left by a crash: no upload survives a restart, so all of them are garbage. */
    public int discardLeftovers() {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temp, "*.part")) {
            for (Path file : files) {
                discard(file);
                removed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + temp, e);
        }
        return removed;
    }

    /** Bytes written for a blob do not hash to its address: they were not stored. */
    public static final class NotIntact extends RuntimeException {
        private final String expected;
        private final String stored;

        NotIntact(String expected, String stored) {
            super("the bytes written to disk hash to " + stored + ", not to the SHA-256 " + expected
                    + " computed as they arrived; nothing was stored", null, false, false);
            this.expected = expected;
            this.stored = stored;
        }

        public String expected() {
            return expected;
        }

        public String stored() {
            return stored;
        }
    }
}
