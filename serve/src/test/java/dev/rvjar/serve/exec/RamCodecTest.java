package dev.rvjar.serve.exec;

import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Region;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RamCodecTest {
    private static final int PAGES = 16; // 1 MiB in 64 KiB pages

    private static Region ram() {
        return new Region("ram", McuLayout.RAM_BASE, McuLayout.REGION_SIZE, true, true, true);
    }

    private static boolean[] all() {
        boolean[] marks = new boolean[PAGES];
        java.util.Arrays.fill(marks, true);
        return marks;
    }

    @Test
    void keepsOnlyNonZeroChunksAndRestoresTheWholeMegabyte() {
        Region ram = ram();
        ram.write(0, new byte[] {1});                        // chunk 0
        ram.write(4096 * 7 + 4095, new byte[] {2});          // the last byte of chunk 7
        ram.write((1 << 20) - 1, new byte[] {3});            // the last chunk (the stack's top)
        boolean[] marks = all();
        byte[] encoded = RamCodec.encode(ram, marks);
        assertEquals(3 * (2 + 4096), encoded.length);
        for (int page = 0; page < PAGES; page++) {
            assertEquals(page == 0 || page == 15, marks[page], "page " + page + " holds data");
        }
        Region copy = ram();
        boolean[] loaded = new boolean[PAGES];
        RamCodec.decode(encoded, copy, loaded);
        assertArrayEquals(ram.contents(), copy.contents());
        assertTrue(loaded[0] && loaded[15]);
        assertEquals(0, RamCodec.encode(ram(), all()).length);
    }

    @Test
    void looksOnlyWhereTheMarksSay() {
        Region ram = ram();
        ram.write(0x20000, new byte[] {9}); // page 2, unmarked: the caller knows it is zero
        assertEquals(0, RamCodec.encode(ram, new boolean[PAGES]).length);
    }

    @Test
    void damageIsReported() {
        boolean[] marks = new boolean[PAGES];
        assertThrows(IllegalArgumentException.class, () -> RamCodec.decode(new byte[100], ram(), marks));
        byte[] badChunk = new byte[2 + 4096];
        badChunk[0] = 0x01; // chunk 256 and up does not exist
        assertThrows(IllegalArgumentException.class, () -> RamCodec.decode(badChunk, ram(), marks));
        assertFalse(marks[0]);
    }
}
