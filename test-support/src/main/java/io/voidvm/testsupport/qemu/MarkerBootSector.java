package io.voidvm.testsupport.qemu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A 512-byte x86 boot sector, assembled by hand, that writes one line to COM1 and halts. The BIOS loads it
 * at 0000:7C00 in real mode; the code polls the UART instead of using BIOS calls so that the line reaches
 * {@code -serial file:...} without any video or keyboard device.
 */
public final class MarkerBootSector {

    public static final int SIZE = 512;
    public static final String PREFIX = "VOIDVM-GUEST-READY ";

    private static final int LOAD_ADDRESS = 0x7C00;
    /** Index of the 16-bit immediate of {@code mov si, message}, patched once the message offset is known. */
    private static final int MESSAGE_ADDRESS_PATCH = 0x2F;

    // Offsets in the left column are positions inside the sector; jump displacements are relative to the
    // byte after the jump (the x86 rule), worked out by hand and checked by MarkerBootSectorTest.
    private static final byte[] CODE = bytes(
            // -- COM1 at 0x3F8: 115200 baud, 8N1, FIFO on. Port addresses go through DX (out dx, al).
            0xBA, 0xF9, 0x03,   // 00 mov dx, 0x3F9      interrupt-enable register
            0xB0, 0x00,         // 03 mov al, 0x00
            0xEE,               // 05 out dx, al         no UART interrupts: we poll
            0xBA, 0xFB, 0x03,   // 06 mov dx, 0x3FB      line-control register
            0xB0, 0x80,         // 09 mov al, 0x80
            0xEE,               // 0B out dx, al         DLAB=1 exposes the divisor latch at 0x3F8/0x3F9
            0xBA, 0xF8, 0x03,   // 0C mov dx, 0x3F8
            0xB0, 0x01,         // 0F mov al, 0x01
            0xEE,               // 11 out dx, al         divisor low byte 1 -> 115200 baud
            0xBA, 0xF9, 0x03,   // 12 mov dx, 0x3F9
            0xB0, 0x00,         // 15 mov al, 0x00
            0xEE,               // 17 out dx, al         divisor high byte 0
            0xBA, 0xFB, 0x03,   // 18 mov dx, 0x3FB
            0xB0, 0x03,         // 1B mov al, 0x03
            0xEE,               // 1D out dx, al         8 data bits, no parity, 1 stop bit, DLAB=0
            0xBA, 0xFA, 0x03,   // 1E mov dx, 0x3FA      FIFO-control register
            0xB0, 0xC7,         // 21 mov al, 0xC7
            0xEE,               // 23 out dx, al         enable and clear both FIFOs
            0xBA, 0xFC, 0x03,   // 24 mov dx, 0x3FC      modem-control register
            0xB0, 0x03,         // 27 mov al, 0x03
            0xEE,               // 29 out dx, al         DTR + RTS
            // -- DS:SI -> message. DS=0 with an absolute address works whether the BIOS jumped to
            //    0000:7C00 or 07C0:0000, because every jump below is relative.
            0x31, 0xC0,         // 2A xor ax, ax
            0x8E, 0xD8,         // 2C mov ds, ax
            0xBE, 0x00, 0x00,   // 2E mov si, <message>  (patched)
            0xFC,               // 31 cld                lodsb walks forwards
            // next_char:
            0xAC,               // 32 lodsb              al = [ds:si++]
            0x84, 0xC0,         // 33 test al, al
            0x74, 0x12,         // 35 jz halt            NUL ends the message (0x37 + 0x12 = 0x49)
            0x88, 0xC3,         // 37 mov bl, al         keep the character while AL reads the status
            // wait_transmitter:
            0xBA, 0xFD, 0x03,   // 39 mov dx, 0x3FD      line-status register
            0xEC,               // 3C in al, dx
            0xA8, 0x20,         // 3D test al, 0x20      transmit holding register empty?
            0x74, 0xF8,         // 3F jz wait_transmitter (0x41 - 8 = 0x39)
            0x88, 0xD8,         // 41 mov al, bl
            0xBA, 0xF8, 0x03,   // 43 mov dx, 0x3F8      transmit holding register
            0xEE,               // 46 out dx, al
            0xEB, 0xE9,         // 47 jmp next_char      (0x49 - 0x17 = 0x32)
            // halt: a halted CPU with interrupts off uses no host CPU; the jmp covers an NMI wake-up.
            0xFA,               // 49 cli
            0xF4,               // 4A hlt
            0xEB, 0xFC          // 4B jmp halt           (0x4D - 4 = 0x49)
    );

    private MarkerBootSector() {
    }

    /** The line the guest prints, without the trailing CR LF. */
    public static String line(String marker) {
        return PREFIX + marker;
    }

    /** The largest marker that still fits between the code and the boot signature. */
    public static int maxMarkerLength() {
        return SIZE - 2 - CODE.length - PREFIX.length() - "\r\n".length() - 1;
    }

    /** Assembles the sector for {@code marker} (printable ASCII, no spaces needed but allowed). */
    public static byte[] assemble(String marker) {
        if (marker.isEmpty() || marker.length() > maxMarkerLength()
                || !marker.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("marker must be 1.." + maxMarkerLength()
                    + " printable ASCII characters: " + marker);
        }
        byte[] sector = new byte[SIZE];
        System.arraycopy(CODE, 0, sector, 0, CODE.length);
        int messageAddress = LOAD_ADDRESS + CODE.length;
        sector[MESSAGE_ADDRESS_PATCH] = (byte) messageAddress;
        sector[MESSAGE_ADDRESS_PATCH + 1] = (byte) (messageAddress >>> 8);
        byte[] message = (line(marker) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        // the byte after the message stays 0: the NUL terminator
        System.arraycopy(message, 0, sector, CODE.length, message.length);
        sector[SIZE - 2] = 0x55;
        sector[SIZE - 1] = (byte) 0xAA;
        return sector;
    }

    /** The machine code alone, for inspection (e.g. with objdump) and tests. */
    public static byte[] code() {
        return Arrays.copyOf(CODE, CODE.length);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
