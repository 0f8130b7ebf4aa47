package dev.rvjar.translated;

import dev.rvjar.machine.Machine;

/**
 * Enters translated regions by number. Implemented by a generated class that switches on the
 * region number (at most {@value #CASES_PER_METHOD} cases per method, so every switch stays small
 * enough for the JIT) and calls the region's static {@code run} method.
 */
public interface RegionDispatcher {
    /** Switch cases per generated dispatch method. */
    int CASES_PER_METHOD = 128;

    /**
     * Runs region {@code region} from {@code machine.cpu().pc}, a block start of that region.
     *
     * @return {@code true} when execution should continue at {@code cpu.pc} (the region was left),
     *     {@code false} when the guest stopped or the instruction limit was reached at a block end
     */
    boolean run(int region, Machine machine);

    /**
     * Region {@code region}'s entry (a lambda of its {@code run}, made on first use and kept by the
     * generated class, so shared by every machine and fork), or null in a jar compiled before
     * entries existed: its calls then go through {@link #run}.
     */
    default RegionEntry entry(int region) {
        return null;
    }
}
