package dev.rvjar.serve.exec;

import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A RAM state as the stores keep it: its non-zero 4 KiB chunks, each as its index (2 bytes,
 * big-endian) and its bytes, so that a state costs what the guest uses: a counter's RAM is a few
 * chunks (its globals and its stack at the top), not the whole megabyte, which matters when every
 * call writes and forces it to disk. The stores hold these bytes as they are; they are decoded
 * straight into a machine's RAM region and encoded straight from it, looking only at the pages that
 * may hold data, so a call never copies the whole megabyte.
 */
public final class RamCodec {
    static final int CHUNK = 4096;
    private static final int ENTRY = 2 + CHUNK;
    private static final int CHUNKS_PER_PAGE = Memory.PAGE_SIZE / CHUNK;

    private RamCodec() {
    }

    /**
     * The non-zero chunks of {@code ram}, looking only in the pages that {@code mayHoldData} marks
     * (the others must be zero); the marks of pages found all zero are cleared.
     */
    static byte[] encode(Region ram, boolean[] mayHoldData) {
        ByteBuffer encoded = ByteBuffer.allocate(count(mayHoldData) * CHUNKS_PER_PAGE * ENTRY);
        for (int page = 0; page < mayHoldData.length; page++) {
            if (!mayHoldData[page]) {
                continue;
            }
            byte[] bytes = ram.read(page * Memory.PAGE_SIZE, Memory.PAGE_SIZE);
            boolean any = false;
            for (int chunk = 0; chunk < CHUNKS_PER_PAGE; chunk++) {
                if (!allZero(bytes, chunk * CHUNK)) {
                    encoded.putShort((short) (page * CHUNKS_PER_PAGE + chunk)).put(bytes, chunk * CHUNK, CHUNK);
                    any = true;
                }
            }
            mayHoldData[page] = any;
        }
        return Arrays.copyOf(encoded.array(), encoded.position());
    }

    /**
     * Writes the chunks of {@code encoded} into {@code ram}, which must be zero, and marks their
     * pages in {@code mayHoldData}.
     *
     * @throws IllegalArgumentException when {@code encoded} is not a RAM image (the page it reached is marked)
     */
    static void decode(byte[] encoded, Region ram, boolean[] mayHoldData) {
        if (encoded.length % ENTRY != 0) {
            throw new IllegalArgumentException("corrupt RAM image: " + encoded.length + " bytes");
        }
        for (int at = 0; at < encoded.length; at += ENTRY) {
            int chunk = (encoded[at] & 0xFF) << 8 | encoded[at + 1] & 0xFF;
            if (chunk >= ram.size() / CHUNK) {
                throw new IllegalArgumentException("corrupt RAM image: chunk " + chunk);
            }
            mayHoldData[chunk / CHUNKS_PER_PAGE] = true;
            ram.write(chunk * CHUNK, encoded, at + 2, CHUNK);
        }
    }

    private static int count(boolean[] marks) {
        int n = 0;
        for (boolean mark : marks) {
            n += mark ? 1 : 0;
        }
        return n;
    }

    private static boolean allZero(byte[] bytes, int from) {
        for (int i = from; i < from + CHUNK; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
