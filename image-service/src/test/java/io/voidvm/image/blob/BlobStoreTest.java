package io.voidvm.image.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.image.blob.store.BlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committing a temp file: the bytes are read back and must hash to the address, or nothing is stored. */
class BlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void bytesThatHashToTheAddressAreMovedIntoPlace() throws Exception {
        BlobStore store = new BlobStore(dir);
        byte[] bytes = randomBytes(3 * 1024 * 1024 + 17);
        Path temp = store.newTempFile();
        Files.write(temp, bytes);

        Path blob = store.commit(temp, sha256(bytes));

        assertThat(blob).isEqualTo(store.pathOf(sha256(bytes))).hasBinaryContent(bytes);
        assertThat(temp).doesNotExist();
    }

    @Test
    void bytesThatDoNotHashToTheAddressAreNeverStored() throws Exception {
        BlobStore store = new BlobStore(dir);
        byte[] sent = randomBytes(1024 * 1024);
        byte[] written = sent.clone();
        written[512 * 1024] ^= 1;
        Path temp = store.newTempFile();
        Files.write(temp, written);
        String address = sha256(sent);
        String writtenSha = sha256(written);

        assertThatThrownBy(() -> store.commit(temp, address))
                .isInstanceOfSatisfying(BlobStore.NotIntact.class, notIntact -> {
                    assertThat(notIntact.expected()).isEqualTo(address);
                    assertThat(notIntact.stored()).isEqualTo(writtenSha);
                })
                .hasMessageContaining("nothing was stored");
        assertThat(store.pathOf(address)).doesNotExist();
        assertThat(temp).doesNotExist();
    }

    @Test
    void aTruncatedFileIsNotStoredEvenWhenTheAddressIsTakenAlready() throws Exception {
        BlobStore store = new BlobStore(dir);
        byte[] bytes = randomBytes(64 * 1024);
        Path first = store.newTempFile();
        Files.write(first, bytes);
        Path blob = store.commit(first, sha256(bytes));
        Path second = store.newTempFile();
        Files.write(second, java.util.Arrays.copyOf(bytes, bytes.length - 8192));

        assertThatThrownBy(() -> store.commit(second, sha256(bytes))).isInstanceOf(BlobStore.NotIntact.class);
        assertThat(blob).as("the stored blob is untouched").hasBinaryContent(bytes);
        assertThat(second).doesNotExist();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
