package dev.rvjar.translated;

import dev.rvjar.machine.Cpu;
import dev.rvjar.memory.HomeAccess;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounds of {@link StridedLoop} against the guest's own arithmetic, turn by turn: a bound
 * must never count a turn the guest would not run whole (the bulk would then run a wrong turn),
 * and it is exact wherever the stepped value does not wrap around before the branch falls
 * through (else the bulk would leave speed behind).
 */
class StridedLoopTest {
    /** How far the brute-force runs look; bounds above it are checked up to it. */
    private static final int HORIZON = 5_000;

    /**
     * The turns from turn 0 for which {@code taken} holds of the value at each turn's branch (up
     * to HORIZON), and whether the value wrapped around (signed or unsigned) on the way.
     */
    private record Truth(long turns, boolean wrapped) {
    }

    private static Truth simulated(int first, int step, boolean signed, IntPredicate taken) {
        int value = first;
        boolean wrapped = false;
        for (int turn = 0; turn < HORIZON; turn++) {
            if (!taken.test(value)) {
                return new Truth(turn, wrapped);
            }
            long exact = signed ? (long) value + step : Integer.toUnsignedLong(value) + step;
            value += step;
            wrapped |= signed ? exact != value : exact != Integer.toUnsignedLong(value);
        }
        return new Truth(HORIZON, wrapped);
    }

    /**
     * Never more turns than the guest runs; exactly as many unless the value wrapped first (a
     * bound may stop at the wrap); beyond the horizon, at least the horizon where nothing wrapped.
     */
    private static void assertBound(long bound, Truth truth, String what) {
        if (truth.wrapped()) {
            if (truth.turns() < HORIZON) {
                assertTrue(bound <= truth.turns(), what + ": " + bound + " > " + truth.turns());
            }
        } else if (truth.turns() < HORIZON) {
            assertEquals(truth.turns(), bound, what);
        } else {
            assertTrue(bound >= HORIZON, what + ": " + bound);
        }
    }

    @Test
    void notEqualCountsTheTurnsBeforeTheValueMeetsTheBound() {
        assertEquals(128, StridedLoop.whileNotEqual(0x0100_0004, 4, 0x0100_0204)); // matmul: 128 words
        assertEquals(0, StridedLoop.whileNotEqual(7, 1, 7));
        assertEquals(9, StridedLoop.whileNotEqual(9, -1, 0)); // a count down to zero
        assertEquals(3, StridedLoop.whileNotEqual(-2, 1, 1)); // across zero (unsigned, a wrap): -2, -1, 0
        assertEquals(StridedLoop.UNBOUNDED, StridedLoop.whileNotEqual(3, 0, 4));
        // never equal before wrapping (an odd distance in steps of two): up to the wrap
        assertEquals(0x8000_0000L, StridedLoop.whileNotEqual(0, 2, 1));
        assertEquals(6, StridedLoop.whileNotEqual(0xFFFF_FFFF, 1, 5)); // wraps on the way: equality does not mind
    }

    @Test
    void orderedBranchesCountTheTurnsTheComparisonHolds() {
        assertEquals(10, StridedLoop.whileOrdered(0, 1, 10, StridedLoop.LESS, false)); // blt i, n
        assertEquals(4, StridedLoop.whileOrdered(0, 3, 10, StridedLoop.LESS, false)); // 0 3 6 9
        assertEquals(11, StridedLoop.whileOrdered(10, -1, 0, StridedLoop.AT_LEAST, false)); // bge i, zero
        assertEquals(10, StridedLoop.whileOrdered(10, -1, 0, StridedLoop.GREATER, false)); // blt zero, i
        assertEquals(11, StridedLoop.whileOrdered(0, 1, 10, StridedLoop.AT_MOST, false)); // bge n, i
        assertEquals(0, StridedLoop.whileOrdered(-1, 1, 5, StridedLoop.LESS, true)); // 0xFFFFFFFF is not below 5 unsigned
        assertEquals(6, StridedLoop.whileOrdered(-1, 1, 5, StridedLoop.LESS, false)); // -1 .. 4 signed
        // the value would wrap from 0x7FFFFFFF to negative: no turn beyond it is counted
        assertEquals(1, StridedLoop.whileOrdered(Integer.MAX_VALUE, 1, Integer.MIN_VALUE, StridedLoop.GREATER, false));
    }

    @Test
    void everyBranchBoundAgreesWithTheGuestsArithmetic() {
        Random random = new Random(0x5EED_1007);
        int[] steps = {1, -1, 2, -2, 3, 4, -4, 7, 8, -12, 64, 1000};
        int[] anchors = {0, 1, -1, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x0100_0000, 0xFFFF_FF00};
        for (int n = 0; n < 20_000; n++) {
            int step = steps[random.nextInt(steps.length)];
            int first = anchors[random.nextInt(anchors.length)] + random.nextInt(41) - 20;
            int bound = random.nextBoolean() ? first + step * random.nextInt(HORIZON / 2) + random.nextInt(5) - 2
                    : anchors[random.nextInt(anchors.length)] + random.nextInt(41) - 20;
            String what = String.format("first %08x step %d bound %08x", first, step, bound);
            assertBound(StridedLoop.whileNotEqual(first, step, bound), simulated(first, step, false, v -> v != bound), "bne " + what);
            assertBound(StridedLoop.whileOrdered(first, step, bound, StridedLoop.LESS, false),
                    simulated(first, step, true, v -> v < bound), "blt " + what);
            assertBound(StridedLoop.whileOrdered(first, step, bound, StridedLoop.AT_LEAST, false),
                    simulated(first, step, true, v -> v >= bound), "bge " + what);
            assertBound(StridedLoop.whileOrdered(first, step, bound, StridedLoop.GREATER, false),
                    simulated(first, step, true, v -> bound < v), "blt (bound first) " + what);
            assertBound(StridedLoop.whileOrdered(first, step, bound, StridedLoop.AT_MOST, false),
                    simulated(first, step, true, v -> bound >= v), "bge (bound first) " + what);
            assertBound(StridedLoop.whileOrdered(first, step, bound, StridedLoop.LESS, true),
                    simulated(first, step, false, v -> Integer.compareUnsigned(v, bound) < 0), "bltu " + what);
            assertBound(StridedLoop.whileOrdered(first, step, bound, StridedLoop.AT_LEAST, true),
                    simulated(first, step, false, v -> Integer.compareUnsigned(v, bound) >= 0), "bgeu " + what);
            assertBound(StridedLoop.whileOrdered(first, step, bound, StridedLoop.GREATER, true),
                    simulated(first, step, false, v -> Integer.compareUnsigned(bound, v) < 0), "bltu (bound first) " + what);
            assertBound(StridedLoop.whileOrdered(first, step, bound, StridedLoop.AT_MOST, true),
                    simulated(first, step, false, v -> Integer.compareUnsigned(bound, v) >= 0), "bgeu (bound first) " + what);
        }
    }

    /** Whether a {@code width}-byte access at {@code address} lies aligned in RAM of {@code words} words. */
    private static boolean inRam(int address, int width, int words) {
        long offset = Integer.toUnsignedLong(address - HomeAccess.BASE);
        return address % width == 0 && offset + width <= 4L * words;
    }

    @Test
    void regionBoundsCountTheTurnsWhoseAccessFallsInTheRegion() {
        int words = 1024; // 4 KiB of RAM
        Random random = new Random(42);
        int[] widths = {1, 2, 4};
        int[] steps = {0, 1, -1, 2, -2, 4, -4, 8, 12, -16, 3};
        for (int n = 0; n < 20_000; n++) {
            int width = widths[random.nextInt(widths.length)];
            int step = steps[random.nextInt(steps.length)];
            int address = HomeAccess.BASE + random.nextInt(4 * words + 64) - 32;
            Truth truth = simulated(address, step, false, a -> inRam(a, width, words));
            long bound = StridedLoop.inRegion(address, step, width, HomeAccess.BASE, words);
            String what = String.format("width %d at %08x step %d", width, address, step);
            if ((step & (width - 1)) != 0) {
                assertTrue(bound <= truth.turns(), what); // a step that misaligns the next turn: at most turn 0
            } else {
                assertBound(bound, truth, what);
            }
        }
        assertEquals(0, StridedLoop.inRegion(HomeAccess.BASE, 4, 4, HomeAccess.BASE, 0)); // no RAM at all
        assertEquals(3, StridedLoop.inRegion(HomeAccess.BASE + 4 * words - 12, 4, 4, HomeAccess.BASE, words));
        assertEquals(0, StridedLoop.inRegion(0x100, -4, 4, 0, 64)); // ROM from 0: 0x100 is past its 64 words
        assertEquals(64, StridedLoop.inRegion(0xFC, -4, 4, 0, 64)); // its last word down to its first
        assertEquals(2, StridedLoop.inRegion(0xFC, -128, 4, 0, 64)); // 0xFC, then 0x7C; then below 0
    }

    @Test
    void theLimitLeavesTheTurnThatReachesIt() {
        assertEquals(3, StridedLoop.belowLimit(100, 125, 8)); // turns ending at 108, 116, 124; 132 would reach it
        assertEquals(2, StridedLoop.belowLimit(100, 124, 8)); // the turn ending at 124 reaches it
        assertEquals(0, StridedLoop.belowLimit(100, 100, 8));
        assertEquals(0, StridedLoop.belowLimit(100, 0, 8)); // stopped
        assertEquals((Long.MAX_VALUE - 1) / 5, StridedLoop.belowLimit(0, Long.MAX_VALUE, 5));
    }

    @Test
    void fewTurnsAreNotRunInBulk() {
        assertEquals(0, StridedLoop.bulk(StridedLoop.MIN_TURNS - 1));
        assertEquals(StridedLoop.MIN_TURNS, StridedLoop.bulk(StridedLoop.MIN_TURNS));
        assertEquals(Integer.MAX_VALUE, StridedLoop.bulk(StridedLoop.UNBOUNDED));
    }

    @Test
    void noTurnInBulkWhereAnFInstructionWouldBeIllegal() {
        Cpu cpu = new Cpu();
        for (int fs = 0; fs < 4; fs++) {
            for (int frm = 0; frm < 8; frm++) {
                cpu.mstatus = fs << 13;
                cpu.frm = frm;
                // the F spec: FS Off makes every F instruction illegal; frm 5, 6 and 7 only those that round dynamically
                boolean staticFaults = fs == 0;
                boolean dynamicFaults = fs == 0 || frm >= 5;
                assertEquals(staticFaults ? 0 : StridedLoop.UNBOUNDED, StridedLoop.fpuReady(cpu, false), "FS " + fs + " frm " + frm);
                assertEquals(dynamicFaults ? 0 : StridedLoop.UNBOUNDED, StridedLoop.fpuReady(cpu, true), "FS " + fs + " frm " + frm);
            }
        }
    }
}
