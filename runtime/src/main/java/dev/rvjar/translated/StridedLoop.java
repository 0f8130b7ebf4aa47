package dev.rvjar.translated;

import dev.rvjar.machine.Cpu;
import dev.rvjar.semantics.Fpu;

/**
 * How many turns of a strided loop translated code may run at once, in a tight JVM loop of its
 * own (the translator's {@code StridedLoopIdiom}): a loop that steps its pointers and counters
 * by constants and reaches memory only through them or through pointers it does not change. Before the loop's first turn the region
 * method takes the smallest of these bounds; each is exact or lower than the truth, never higher,
 * so the turns run at once are turns the guest would run whole: every branch taken, every access
 * in RAM or, for loads, ROM (stores in unwatched RAM), the counter below the instruction limit at every branch. The
 * turn whose branch falls through, and every turn past a bound, run as the loop's own code.
 *
 * <p>A value stepped by {@code step} each turn is {@code first + step * i} at turn {@code i}
 * (modulo 2^32). The bounds count turns from turn 0 and are {@link #UNBOUNDED} where nothing
 * bounds them.
 */
public final class StridedLoop {
    public static final long UNBOUNDED = Long.MAX_VALUE;
    /**
     * Fewer turns than this are not worth leaving the loop's own code for: the registers go to
     * {@code cpu.x} and back around the bulk.
     */
    public static final int MIN_TURNS = 8;

    /** The relations of an ordered branch ({@code blt}, {@code bge}, unsigned or not), seen from the stepped value. */
    public static final int LESS = 0;
    public static final int AT_LEAST = 1;
    public static final int GREATER = 2;
    public static final int AT_MOST = 3;

    private StridedLoop() {
    }

    /** Turns of {@code bne value, bound}, the value at turn 0's branch {@code first}, taken before the first that falls through. */
    public static long whileNotEqual(int first, int step, int bound) {
        if (step == 0) {
            return first == bound ? 0 : UNBOUNDED;
        }
        // the steps from the value to the bound, modulo 2^32: where they are a whole number, the value
        // meets the bound after that many turns and no sooner; where not, it cannot meet it before
        // it wraps around
        long distance = Integer.toUnsignedLong(step > 0 ? bound - first : first - bound);
        long stride = Math.abs((long) step);
        return distance % stride == 0 ? distance / stride
                : beforeWrap(Integer.toUnsignedLong(first), step, 0, 0xFFFF_FFFFL);
    }

    /**
     * Turns of an ordered branch whose stepped value (at turn 0's branch {@code first}) stands in
     * {@code relation} to {@code bound} ({@link #LESS}: {@code value < bound}, ...), compared
     * {@code unsigned} or signed, taken before the first that falls through or the value wraps.
     */
    public static long whileOrdered(int first, int step, int bound, int relation, boolean unsigned) {
        long from = unsigned ? Integer.toUnsignedLong(first) : first;
        long to = unsigned ? Integer.toUnsignedLong(bound) : bound;
        long stride = step;
        long holds = switch (relation) {
            case LESS -> from >= to ? 0 : stride <= 0 ? UNBOUNDED : ceilDiv(to - from, stride);
            case AT_LEAST -> from < to ? 0 : stride >= 0 ? UNBOUNDED : (from - to) / -stride + 1;
            case GREATER -> from <= to ? 0 : stride >= 0 ? UNBOUNDED : ceilDiv(from - to, -stride);
            case AT_MOST -> from > to ? 0 : stride <= 0 ? UNBOUNDED : (to - from) / stride + 1;
            default -> throw new IllegalArgumentException("relation " + relation);
        };
        return unsigned ? Math.min(holds, beforeWrap(from, step, 0, 0xFFFF_FFFFL))
                : Math.min(holds, beforeWrap(from, step, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    /**
     * For a loop with F instructions ({@code dynamicRounding}: one takes the rounding mode from
     * {@code frm}): no turn where they would fault (the FPU off, {@code frm} reserved), since the
     * bulk cannot; else unbounded.
     */
    public static long fpuReady(Cpu cpu, boolean dynamicRounding) {
        boolean off = (cpu.mstatus & Fpu.MSTATUS_FS) == 0;
        return off || dynamicRounding && cpu.frm > Fpu.RMM ? 0 : UNBOUNDED;
    }

    /** Turns of {@code turnLength} instructions each ending below {@code limit}, the counter at {@code instret}. */
    public static long belowLimit(long instret, long limit, int turnLength) {
        // a stop sets the limit to 0; the test also keeps the subtraction from overflowing
        return limit <= instret ? 0 : (limit - instret - 1) / turnLength;
    }

    /**
     * Turns whose access of {@code width} bytes (1, 2 or 4), at {@code address} in turn 0, lies
     * aligned within the {@code words} words at guest address {@code base}.
     */
    public static long inRegion(int address, int step, int width, int base, int words) {
        if (((address | step) & (width - 1)) != 0) {
            return 0;
        }
        long offset = Integer.toUnsignedLong(address - base);
        long last = 4L * words - width; // the last offset an access may start at
        if (offset > last) {
            return 0;
        }
        return step > 0 ? (last - offset) / step + 1 : step < 0 ? offset / -(long) step + 1 : UNBOUNDED;
    }

    /** The turns to run at once for the smallest bound {@code turns}: none below {@link #MIN_TURNS}. */
    public static int bulk(long turns) {
        return turns < MIN_TURNS ? 0 : (int) Math.min(turns, Integer.MAX_VALUE);
    }

    /** Turns before a value stepped from {@code from} leaves {@code [low, high]}. */
    private static long beforeWrap(long from, int step, long low, long high) {
        return step > 0 ? (high - from) / step + 1 : step < 0 ? (from - low) / -(long) step + 1 : UNBOUNDED;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
