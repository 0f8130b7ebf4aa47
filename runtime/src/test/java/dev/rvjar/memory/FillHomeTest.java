package dev.rvjar.memory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Memory#fillHome}: the same bytes as that many {@link Memory#storeByte} calls, as far as
 * they stay in unwatched RAM, and nothing anywhere else.
 */
class FillHomeTest {
    private static final int RAM = McuLayout.RAM_BASE;
    private static final int SIZE = McuLayout.REGION_SIZE;

    private static Memory randomMemory() {
        Memory memory = new Memory(McuLayout.regions());
        byte[] bytes = new byte[SIZE];
        new Random(7).nextBytes(bytes);
        memory.region(McuLayout.RAM).write(0, bytes);
        memory.region(McuLayout.OUT).write(0, bytes);
        return memory;
    }

    @ParameterizedTest(name = "{0} bytes at RAM + {1}")
    @CsvSource({"1, 0", "3, 1", "4, 0", "5, 3", "37, 6", "4096, 4093", "100, 1048570", "10, 1048575", "0, 40"})
    void storesWhatByteStoresWouldUpToRamsEnd(long count, int offset) {
        Memory filled = randomMemory();
        Memory expected = randomMemory();
        int stored = filled.fillHome(RAM + offset, count, 0x1A5);
        long inRam = Math.min(count, SIZE - offset);
        assertEquals(inRam, stored);
        for (int i = 0; i < inRam; i++) {
            expected.storeByte(RAM + offset + i, 0x1A5);
        }
        assertArrayEquals(expected.region(McuLayout.RAM).contents(), filled.region(McuLayout.RAM).contents());
    }

    @ParameterizedTest(name = "at 0x{0}")
    @CsvSource({"00fffffc", "00000010", "08100000", "01100000", "ffffffff"})
    void storesNothingOutsideRam(String address) {
        Memory memory = randomMemory();
        byte[] ram = memory.region(McuLayout.RAM).contents();
        byte[] out = memory.region(McuLayout.OUT).contents();
        assertEquals(0, memory.fillHome(Integer.parseUnsignedInt(address, 16), 64, 0));
        assertArrayEquals(ram, memory.region(McuLayout.RAM).contents());
        assertArrayEquals(out, memory.region(McuLayout.OUT).contents());
    }

    @Test
    void storesNothingWhileTheHostWatchesOrTracksRam() {
        Memory watched = randomMemory();
        watched.watchStores(RAM + 0x8000, 4, (at, width) -> { });
        assertEquals(0, watched.fillHome(RAM, 16, 0));
        Memory tracked = randomMemory();
        tracked.trackStores();
        assertEquals(0, tracked.fillHome(RAM, 16, 0));
        assertEquals(randomMemory().region(McuLayout.RAM).contents()[0], tracked.region(McuLayout.RAM).contents()[0]);
    }
}
