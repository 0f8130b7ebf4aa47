package dev.rvjar.translated;

import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Memory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How many turns of a byte-store loop run at once: never the last (its branch falls through), and
 * only turns whose branch ends below the instruction limit (four instructions a turn), where the
 * interpreter would not have stopped.
 */
class ByteFillLoopTest {
    @ParameterizedTest(name = "count {0}, instret {1}, limit {2}: {3} turns")
    @CsvSource({
        "5, 100, 1000000, 4",
        "1, 100, 1000000, 0",
        "2, 100, 1000000, 1",
        "5, 100, 100, 0",   // stopped already
        "5, 100, 104, 0",   // the first turn's branch reaches the limit: the loop's own
        "5, 100, 105, 1",
        "5, 100, 117, 4",
        "50, 100, 117, 4",
        "5, 100, 0, 0",     // a stop sets the limit to 0
        "5, 100, -9223372036854775808, 0", // a limit that would overflow the subtraction
        "0, 0, 9223372036854775807, 4096", // 0 is 2^32 turns: as far as RAM goes
    })
    void runsTheTurnsTheLoopWouldRunWhole(int count, long instret, long limit, int turns) {
        Memory memory = new Memory(McuLayout.regions());
        int pointer = McuLayout.RAM_BASE + McuLayout.REGION_SIZE - 4096;
        assertEquals(turns, ByteFillLoop.run(memory, pointer, count, 0x5A, instret, limit));
        for (int i = 0; i < 4096; i++) {
            assertEquals(i < turns ? 0x5A : 0, memory.loadByteUnsigned(pointer + i), "byte " + i);
        }
    }
}
