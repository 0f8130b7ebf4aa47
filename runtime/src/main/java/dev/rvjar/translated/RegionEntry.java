package dev.rvjar.translated;

import dev.rvjar.machine.Machine;

/**
 * One translated region's static {@code run} method as an object: what a {@link Machine#vmcall}
 * of a {@link dev.rvjar.machine.GuestFunction} calls to enter its region directly, without the
 * code map lookup and the {@link RegionDispatcher}'s switches. Each region has its own class of
 * entry, so a call site that always calls one function stays monomorphic and the JIT can inline
 * the region into it.
 */
@FunctionalInterface
public interface RegionEntry {
    /** As {@link RegionDispatcher#run}: {@code true} when execution should continue at {@code cpu.pc}. */
    boolean run(Machine machine, int depth);
}
