package dev.rvjar.machine;

import dev.rvjar.memory.Memory;

import java.util.OptionalInt;

/**
 * The exit half of Spike's host-target interface (HTIF), as the official riscv-tests use it: the
 * guest stores {@code (code << 1) | 1} to the word at the ELF symbol {@code tohost}, and the
 * machine stops. Code 0 means the test passed; code n means test case n failed. Stores with bit 0
 * clear (HTIF system calls) are not served and leave the guest running.
 *
 * <p>Works through {@link Memory#watchStores}, so interpreted and translated code stop alike.
 */
public final class ToHost {
    private final Machine machine;
    private final int address;
    private Integer exitCode;

    private ToHost(Machine machine, int address) {
        this.machine = machine;
        this.address = address;
    }

    /** Makes a store of an exit command to {@code address} stop {@code machine}. */
    public static ToHost install(Machine machine, int address) {
        ToHost toHost = new ToHost(machine, address);
        machine.memory().watchStores(address, 4, (stored, width) -> toHost.stored());
        return toHost;
    }

    private void stored() {
        int value = machine.memory().loadWord(address);
        if ((value & 1) != 0) {
            exitCode = value >>> 1;
            machine.exit(exitCode);
        }
    }

    /** The code the guest exited with through tohost, if it did. */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }
}
