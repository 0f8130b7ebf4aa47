package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;
import dev.rvjar.memory.Memory;

/**
 * {@code lr.w} and {@code sc.w}, for the interpreter and translated code alike. The reservation is
 * hart state ({@link Cpu#reserved}, {@link Cpu#reservedAddress}), so it holds whichever engine runs
 * the two instructions.
 *
 * <p>rvjar has one hart and no other bus masters, so no store can come between {@code lr.w} and
 * {@code sc.w} from elsewhere, which is what the A extension requires to break a reservation. What
 * breaks one here: any {@code sc.w} (the spec: it ends the hart's reservation whether it succeeds or
 * fails), a newer {@code lr.w} (an {@code sc.w} pairs with the most recent one), a reset, and the
 * restore of a snapshot (which does not record it, as a context switch would lose it). The
 * hart's own stores, AMOs, system calls and traps do not, which the spec allows; and the reservation
 * is of the word at the address {@code lr.w} read, so an {@code sc.w} to any other address fails.
 * A failing {@code sc.w} accesses no memory, so it cannot fault.
 */
public final class Reservation {
    /** What {@code sc.w} writes to rd when it stores, and when it does not (the spec's nonzero code 1). */
    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;

    private Reservation() {
    }

    /** {@code lr.w}: the word at {@code address}, which is then reserved (a faulting load reserves nothing). */
    public static int loadReserved(Cpu cpu, Memory memory, int address) {
        int value = memory.loadWord(address);
        cpu.reserved = true;
        cpu.reservedAddress = address;
        return value;
    }

    /** {@code sc.w}: stores {@code value} if {@code address} is reserved; either way the reservation ends. */
    public static int storeConditional(Cpu cpu, Memory memory, int address, int value) {
        boolean held = cpu.reserved && cpu.reservedAddress == address;
        cpu.reserved = false;
        if (!held) {
            return FAILURE;
        }
        memory.storeWord(address, value);
        return SUCCESS;
    }
}
