package io.voidvm.testsupport.qemu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal writer for the "newc" cpio format, the only one the Linux kernel unpacks as an initramfs. Writing it
 * here (rather than running cpio) lets tests add device nodes such as /dev/console without being root.
 */
final class CpioNewc {

    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFCHR = 0020000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int nextInode = 1;
    private boolean finished;

    CpioNewc directory(String name) {
        return entry(name, S_IFDIR | 0755, 2, 0, 0, new byte[0]);
    }

    CpioNewc file(String name, int permissions, byte[] content) {
        return entry(name, S_IFREG | permissions, 1, 0, 0, content);
    }

    CpioNewc characterDevice(String name, int major, int minor) {
        return entry(name, S_IFCHR | 0600, 1, major, minor, new byte[0]);
    }

    /** The archive, closed with the {@code TRAILER!!!} entry the kernel looks for. */
    byte[] finish() {
        if (!finished) {
            entry("TRAILER!!!", 0, 1, 0, 0, new byte[0]);
            finished = true;
        }
        return out.toByteArray();
    }

    private CpioNewc entry(String name, int mode, int links, int rdevMajor, int rdevMinor, byte[] content) {
        if (finished) {
            throw new IllegalStateException("archive already finished");
        }
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        StringBuilder header = new StringBuilder("070701");
        int inode = "TRAILER!!!".equals(name) ? 0 : nextInode++;
        // ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check
        for (int field : new int[] {inode, mode, 0, 0, links, 0, content.length, 0, 0, rdevMajor, rdevMinor,
                nameBytes.length, 0}) {
            header.append(String.format("%08x", field));
        }
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(nameBytes);
        pad();
        out.writeBytes(content);
        pad();
        return this;
    }

    /** Header plus name, and the data, each end on a 4-byte boundary. */
    private void pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }
}
