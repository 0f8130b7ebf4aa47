package dev.rvjar.serve.store;

import dev.rvjar.memory.McuLayout;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Stores a RAM image as its non-zero 4 KiB pages (index, then the page), so that a state costs what
 * the guest uses: a counter's RAM is a few pages (its globals and its stack at the top), not the
 * whole megabyte, which matters when every call writes and forces it to disk.
 */
public final class RamCodec {
    static final int PAGE = 4096;
    private static final int PAGES = McuLayout.REGION_SIZE / PAGE;

    private RamCodec() {
    }

    public static byte[] encode(byte[] ram) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int page = 0; page * PAGE < ram.length; page++) {
                int from = page * PAGE;
                int to = Math.min(ram.length, from + PAGE);
                if (!allZero(ram, from, to)) {
                    out.writeShort(page);
                    out.write(Arrays.copyOfRange(ram, from, from + PAGE), 0, PAGE);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The 1 MiB RAM that {@code encoded} describes. */
    public static byte[] decode(byte[] encoded) throws IOException {
        byte[] ram = new byte[McuLayout.REGION_SIZE];
        if (encoded.length % (2 + PAGE) != 0) {
            throw new IOException("corrupt RAM image: " + encoded.length + " bytes");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(encoded))) {
            for (int n = encoded.length / (2 + PAGE); n > 0; n--) {
                int page = in.readUnsignedShort();
                if (page >= PAGES) {
                    throw new IOException("corrupt RAM image: page " + page);
                }
                in.readFully(ram, page * PAGE, PAGE);
            }
        } catch (EOFException e) {
            throw new IOException("corrupt RAM image", e);
        }
        return ram;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
