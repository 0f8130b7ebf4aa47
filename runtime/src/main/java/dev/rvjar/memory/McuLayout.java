package dev.rvjar.memory;

import java.util.List;

/**
 * The microcontroller memory map of the rvjar contract: four 1 MiB regions backed by the ROM image
 * and the {@code ram}, {@code in} and {@code out} files.
 */
public final class McuLayout {
    public static final int REGION_SIZE = 1 << 20;
    public static final int ROM_BASE = 0x0000_0000;
    public static final int RAM_BASE = 0x0100_0000;
    public static final int IN_BASE = 0x0800_0000;
    public static final int OUT_BASE = 0x0810_0000;

    public static final String ROM = "rom";
    public static final String RAM = "ram";
    public static final String IN = "in";
    public static final String OUT = "out";

    /** The largest payload the OUT region can hold after its 4-byte length header. */
    public static final int MAX_PAYLOAD = REGION_SIZE - 4;

    private McuLayout() {
    }

    /** The contract's map: ROM read/execute, RAM read/write/execute, IN read, OUT read/write. */
    public static final MemoryLayout LAYOUT = MemoryLayout.of(
            new MemoryLayout.Spec(ROM, ROM_BASE, REGION_SIZE, true, false, true),
            new MemoryLayout.Spec(RAM, RAM_BASE, REGION_SIZE, true, true, true),
            new MemoryLayout.Spec(IN, IN_BASE, REGION_SIZE, true, false, false),
            new MemoryLayout.Spec(OUT, OUT_BASE, REGION_SIZE, true, true, false));

    /** Four fresh, zeroed regions with the contract's rights. */
    public static List<Region> regions() {
        return LAYOUT.regions();
    }
}
