package dev.rvjar.translated;

import dev.rvjar.memory.Memory;

/**
 * The bulk of a byte-store loop ({@code memset}'s simplest form: store a byte, count down, step
 * the pointer, loop while the count is not zero), which translated code runs here before the
 * loop's first turn: as many turns as it may run at once, stored in one go. A byte store into
 * RAM's {@code int} words reads and rewrites its word, so one loop turn waits for the store of the
 * turn before it: about 30% of {@code bintree}'s instructions are such a loop.
 *
 * <p>Exact by construction: it runs only turns the guest would run whole, leaves the last turn
 * (the one whose branch falls through) and every turn past the instruction limit to the loop
 * itself, and stores only where {@link Memory#fillHome} may, in unwatched RAM; the loop goes on
 * from where it stopped, with its stores, faults and limit checks as usual.
 */
public final class ByteFillLoop {
    /** Instructions in one turn of the loop: the store, two additions and the branch. */
    public static final int TURN = 4;

    private ByteFillLoop() {
    }

    /**
     * Stores byte {@code value} from {@code pointer} on for the turns the loop may run now, with
     * {@code count} turns to go (unsigned, 0 meaning 2^32), the counter at {@code instret} and the
     * machine stopping at {@code limit}; returns how many turns it ran.
     */
    public static int run(Memory memory, int pointer, int count, int value, long instret, long limit) {
        if (limit <= instret) {
            return 0; // stopped (a stop sets the limit to 0); also keeps the subtraction below from overflowing
        }
        // every turn run here ends below the limit, so that the interpreter would not have stopped
        // at its branch; the turn that reaches the limit is the loop's own
        long belowLimit = (limit - instret - 1) / TURN;
        long turns = Math.min(Integer.toUnsignedLong(count - 1), belowLimit);
        return turns <= 0 ? 0 : memory.fillHome(pointer, turns, value);
    }
}
