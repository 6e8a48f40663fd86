package io.voidvm.systemtests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What a guest wrote on its serial port, as the agent's QEMU saved it ({@code <vmDir>/serial.log}). */
public final class SerialLog {

    private SerialLog() {
    }

    /** How often {@code line} appears in the VM's serial log; 0 when there is no log (yet). */
    public static int count(Path vmDir, String line) {
        String text;
        try {
            text = Files.readString(vmDir.resolve("serial.log"), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the serial log of " + vmDir, e);
        }
        int count = 0;
        for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + line.length())) {
            count++;
        }
        return count;
    }
}
