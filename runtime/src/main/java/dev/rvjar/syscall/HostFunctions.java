package dev.rvjar.syscall;

import dev.rvjar.machine.Machine;
import dev.rvjar.memory.Memory;

import java.util.Arrays;

/**
 * rvjar's host-accelerated C library functions, system calls 510-520 with the C functions'
 * arguments in a0-a2 and result in a0: the guest's memcpy, memset, memmove, memcmp, strlen and
 * strcmp done in Java in one go instead of a byte at a time, and malloc, calloc, realloc and free
 * over a heap arena whose start and end follow the C arguments (see {@link HostHeap}). Memory is
 * accessed with the guest's rights: a range the guest could not read or write faults as its own
 * loads and stores would (with nothing written). {@code rvjar.h} calls them when a ROM defines
 * {@code RVJAR_HOST_FUNCTIONS}.
 */
final class HostFunctions {
    static final int MEMCPY = 510;
    static final int MEMSET = 511;
    static final int MEMMOVE = 512;
    static final int MEMCMP = 513;
    static final int STRLEN = 514;
    static final int STRCMP = 515;
    static final int MALLOC = 516;
    static final int CALLOC = 517;
    static final int REALLOC = 518;
    static final int FREE = 519;
    /** Formats the arena: {@code (arena, arenaEnd)}. */
    static final int HEAP_RESET = 520;

    private static final int A0 = 10;

    private HostFunctions() {
    }

    /** Runs host function {@code number}; false when it is not one of these. */
    static boolean dispatch(Machine machine, int number) {
        int[] x = machine.cpu().x;
        Memory memory = machine.memory();
        int a0 = x[A0];
        int a1 = x[A0 + 1];
        int a2 = x[A0 + 2];
        switch (number) {
            // a copy through a host buffer: overlapping ranges are as safe as memmove's
            case MEMCPY, MEMMOVE -> memory.write(a0, memory.read(a1, a2));
            case MEMSET -> {
                memory.checkRange(a0, a2, true); // before the host buffer: a2 is the guest's to choose
                byte[] bytes = new byte[a2];
                Arrays.fill(bytes, (byte) a1);
                memory.write(a0, bytes);
            }
            case MEMCMP -> x[A0] = Integer.signum(Arrays.compareUnsigned(memory.read(a0, a2), memory.read(a1, a2)));
            case STRLEN -> x[A0] = strlen(memory, a0);
            case STRCMP -> x[A0] = strcmp(memory, a0, a1);
            case MALLOC -> x[A0] = HostHeap.open(memory, a1, a2).malloc(a0);
            case CALLOC -> x[A0] = HostHeap.open(memory, a2, x[A0 + 3]).calloc(a0, a1);
            case REALLOC -> x[A0] = HostHeap.open(memory, a2, x[A0 + 3]).realloc(a0, a1);
            case FREE -> HostHeap.open(memory, a1, a2).free(a0);
            case HEAP_RESET -> HostHeap.reset(memory, a0, a1);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int strlen(Memory memory, int address) {
        int n = 0;
        while (memory.loadByte(address + n) != 0) {
            n++;
        }
        return n;
    }

    private static int strcmp(Memory memory, int a, int b) {
        for (int i = 0; ; i++) {
            int ca = memory.loadByteUnsigned(a + i);
            int cb = memory.loadByteUnsigned(b + i);
            if (ca != cb || ca == 0) {
                return Integer.signum(ca - cb);
            }
        }
    }
}
