package dev.rvjar.syscall;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Machine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The ecall table: Linux RISC-V numbering for write, exit and exit_group, rvjar's host-accelerated
 * memory and string functions (510-515, see {@link HostFunctions}), ENOSYS for every other number,
 * and room for host functions (numbers 500 and up) that embedders install.
 */
public final class SystemCalls {
    public static final int WRITE = 64;
    public static final int EXIT = 93;
    public static final int EXIT_GROUP = 94;
    /** The first number reserved for host functions. */
    public static final int FIRST_HOST_FUNCTION = 500;

    public static final int ENOSYS = -38;
    public static final int EBADF = -9;
    public static final int EFAULT = -14;
    public static final int EIO = -5;

    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int A2 = 12;

    /** Handlers by number below {@link #TABLE_SIZE}: an array, so that a call boxes no Integer. */
    private static final int TABLE_SIZE = 1024;
    private final SystemCall[] table = new SystemCall[TABLE_SIZE];
    /** Handlers for larger (or negative) numbers. */
    private final Map<Integer, SystemCall> handlers = new HashMap<>();
    /** What numbers without a handler do; null for rvjar's own (write, exit, ENOSYS). */
    private UnknownSystemCall unknown;

    /** The host side of system call numbers nobody installed a handler for. */
    @FunctionalInterface
    public interface UnknownSystemCall {
        void handle(Machine machine, int number);
    }

    /**
     * Installs (or replaces) the handler for {@code number}. An installed handler takes precedence
     * over rvjar's own write, exit and exit_group.
     */
    public void install(int number, SystemCall handler) {
        if (Integer.compareUnsigned(number, TABLE_SIZE) < 0) {
            table[number] = handler;
        } else {
            handlers.put(number, handler);
        }
    }

    /**
     * Installs the handler for every number without one of its own, in place of rvjar's (write,
     * exit and exit_group, ENOSYS for the rest); null goes back to rvjar's.
     */
    public void installUnknown(UnknownSystemCall handler) {
        this.unknown = handler;
    }

    /** A table with the same handlers, for a fork: installing into one does not change the other. */
    public SystemCalls copy() {
        SystemCalls copy = new SystemCalls();
        System.arraycopy(table, 0, copy.table, 0, TABLE_SIZE);
        copy.handlers.putAll(handlers);
        copy.unknown = unknown;
        return copy;
    }

    /** Runs the handler for {@code number}; numbers without one return -ENOSYS in a0. */
    public void dispatch(Machine machine, int number) {
        SystemCall handler = Integer.compareUnsigned(number, TABLE_SIZE) < 0 ? table[number] : handlers.get(number);
        if (handler != null) {
            handler.handle(machine);
            return;
        }
        if (unknown != null) {
            unknown.handle(machine, number);
            return;
        }
        // rvjar's own calls are a switch rather than installed method references, which would
        // bootstrap invokedynamic at start-up of every precompiled jar
        switch (number) {
            case WRITE -> write(machine);
            case EXIT, EXIT_GROUP -> exit(machine);
            default -> {
                if (!HostFunctions.dispatch(machine, number)) {
                    machine.cpu().x[A0] = ENOSYS;
                }
            }
        }
    }

    private static void exit(Machine machine) {
        machine.exit(machine.cpu().x[A0]);
    }

    private static void write(Machine machine) {
        int[] x = machine.cpu().x;
        OutputStream stream = switch (x[A0]) {
            case 1 -> machine.stdout();
            case 2 -> machine.stderr();
            default -> null;
        };
        if (stream == null) {
            x[A0] = EBADF;
            return;
        }
        int count = x[A2];
        if (count < 0) {
            x[A0] = EFAULT;
            return;
        }
        try {
            stream.write(machine.memory().read(x[A1], count));
            stream.flush();
            x[A0] = count;
        } catch (GuestFault fault) {
            x[A0] = EFAULT;
        } catch (IOException e) {
            x[A0] = EIO;
        }
    }
}
