package dev.rvjar.serve.exec;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Idle {@link CallMachine}s of every ROM, most recently used last, at most {@code capacity} of them
 * (each holds 4 MiB of regions and its page tables): a call takes one of its ROM's if there is one
 * and builds one otherwise, and gives it back when the call is over; the least recently used one
 * goes when the pool is full. A machine whose call ended in an unexpected exception is never given
 * back.
 */
public final class MachinePool {
    private final int capacity;
    private final ArrayDeque<CallMachine> idle = new ArrayDeque<>();

    public MachinePool(int capacity) {
        this.capacity = capacity;
    }

    /** An idle machine of {@code rom}, or a new one. */
    public CallMachine take(CompiledRom rom) {
        synchronized (idle) {
            for (Iterator<CallMachine> it = idle.descendingIterator(); it.hasNext(); ) {
                CallMachine machine = it.next();
                if (machine.rom() == rom) {
                    it.remove();
                    return machine;
                }
            }
        }
        return new CallMachine(rom);
    }

    public void give(CallMachine machine) {
        synchronized (idle) {
            idle.addLast(machine);
            if (idle.size() > capacity) {
                idle.removeFirst();
            }
        }
    }
}
