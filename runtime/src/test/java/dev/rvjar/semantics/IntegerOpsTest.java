package dev.rvjar.semantics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The set-less-than semantics against Java's own signed and unsigned comparisons. */
class IntegerOpsTest {
    private static final int[] EDGES = {0, 1, 2, -1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1,
            Integer.MIN_VALUE + 1, 0x0000_FFFF, 0xFFFF_0000, 0x8000_0001, 0x7FFF_FFFE};

    private static void assertLessThan(int a, int b) {
        assertEquals(a < b ? 1 : 0, IntegerOps.slt(a, b), () -> "slt " + a + ", " + b);
        assertEquals(Integer.compareUnsigned(a, b) < 0 ? 1 : 0, IntegerOps.sltu(a, b),
                () -> "sltu " + Integer.toUnsignedString(a) + ", " + Integer.toUnsignedString(b));
    }

    @Test
    void everyPairOfEdgeValuesComparesAsJavaDoes() {
        for (int a : EDGES) {
            for (int b : EDGES) {
                assertLessThan(a, b);
            }
        }
    }

    @Test
    void randomPairsCompareAsJavaDoes() {
        Random random = new Random(0x5EED);
        for (int i = 0; i < 200_000; i++) {
            int a = random.nextInt();
            int b = random.nextInt(4) == 0 ? a + random.nextInt(5) - 2 : random.nextInt();
            assertLessThan(a, b);
        }
    }

    @Test
    void theSpecExamplesHold() {
        assertEquals(1, IntegerOps.slt(-1, 0));            // signed: -1 < 0
        assertEquals(0, IntegerOps.sltu(-1, 0));           // unsigned: 0xFFFFFFFF is the largest
        assertEquals(1, IntegerOps.sltu(0, 5));            // snez: sltu rd, x0, rs
        assertEquals(1, IntegerOps.sltu(0, 1));            // seqz: sltiu rd, rs, 1 with rs = 0
        assertEquals(0, IntegerOps.sltu(7, 1));
        assertEquals(0, IntegerOps.slt(Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertEquals(1, IntegerOps.slt(Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(0, IntegerOps.sltu(Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
}
