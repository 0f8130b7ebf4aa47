package dev.rvjar.translated;

import dev.rvjar.machine.Cpu;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.machine.TranslatedCode.CallEntry;
import dev.rvjar.memory.Region;

/**
 * A translated ROM attached to one machine: the generated regions (through their
 * {@link RegionDispatcher}) and the {@link CodeMap} that says where they are. It runs translated
 * code wherever it exists and the interpreter everywhere else, handing over at block boundaries,
 * and drops regions whose guest bytes the guest overwrites.
 *
 * <p>Stores into translated code in writable memory reach {@link #codeWritten} (through
 * {@link dev.rvjar.memory.Memory#watchStores}, so ordinary stores pay nothing); the regions they
 * touch are never entered again, so from the next region entry on the interpreter runs the new code. A region that
 * is running when its own bytes change finishes its current pass: as the RISC-V specification
 * allows, new code is only guaranteed to be seen after {@code fence.i}, and {@code fence.i} always
 * leaves translated code.
 */
public final class TranslatedProgram implements TranslatedCode {
    private final CodeMap codeMap;
    private final RegionDispatcher dispatcher;
    private final boolean[] invalid;
    private long translatedInstructions;
    private long regionEntries;
    private int invalidatedRegions;

    private TranslatedProgram(CodeMap codeMap, RegionDispatcher dispatcher) {
        this.codeMap = codeMap;
        this.dispatcher = dispatcher;
        this.invalid = new boolean[codeMap.regionCount()];
    }

    /** Attaches translated code to {@code machine}, watching stores into any of it that lies in writable memory. */
    public static TranslatedProgram attach(Machine machine, CodeMap codeMap, RegionDispatcher dispatcher) {
        TranslatedProgram program = new TranslatedProgram(codeMap, dispatcher);
        for (Region region : machine.memory().regions()) {
            if (region.writable() && codeMap.regionCount() > 0) {
                long[] extent = codeMap.extent();
                long start = Math.max(extent[0], Integer.toUnsignedLong(region.base()));
                long end = Math.min(extent[1], Integer.toUnsignedLong(region.base()) + region.size());
                if (start < end) {
                    machine.memory().watchStores((int) start, (int) (end - start), program::codeWritten);
                }
            }
        }
        return program;
    }

    @Override
    public boolean hasCodeAt(int pc) {
        int region = codeMap.regionAt(pc);
        return region >= 0 && !invalid[region];
    }

    /**
     * The entry into region {@code region} at {@code pc}, through its {@link RegionEntry} ({@code code};
     * null: through the dispatcher) once {@code made} (see {@link #entryAt}). Keyed by the code
     * map, which forks share with this program.
     */
    private record Entry(CodeMap codeMap, int pc, int region, RegionEntry code, boolean made) implements CallEntry {
    }

    /**
     * The first call of a function gets an entry through the dispatcher, the second one the
     * region's {@link RegionEntry}: making that spins a class (about 0.6 ms per region in a cold
     * JVM, 7-10 ms for the first), which a function called once should not pay for.
     */
    @Override
    public CallEntry entryAt(int pc, CallEntry known) {
        if (known instanceof Entry entry && entry.codeMap == codeMap && entry.pc == pc) {
            return entry.made ? known : new Entry(codeMap, pc, entry.region, dispatcher.entry(entry.region), true);
        }
        int region = codeMap.regionAt(pc);
        return region < 0 ? null : new Entry(codeMap, pc, region, null, false);
    }

    @Override
    public void run(Machine machine, CallEntry first) {
        Cpu cpu = machine.cpu();
        if (first instanceof Entry entry && entry.codeMap == codeMap && entry.pc == cpu.pc && !invalid[entry.region]
                && !enter(machine, entry.region, entry.code)) {
            return;
        }
        while (true) {
            if (cpu.pc == Machine.HOST_RETURN) {
                return;   // a call from the host returned (the machine ends it), or a fault there outside one
            }
            int region = codeMap.regionAt(cpu.pc);
            if (region < 0 || invalid[region]) {
                // The interpreter runs to the end of a basic block at least, so the limit is
                // checked exactly where the interpreter alone would check it.
                machine.interpreter().run();
                if (machine.stopped() || cpu.instret >= cpu.limit) {
                    return;
                }
                continue;
            }
            if (!enter(machine, region, null)) {
                return;
            }
        }
    }

    /** Runs {@code region} from the pc, through {@code code} or else the dispatcher; false when the guest stopped or reached its limit. */
    private boolean enter(Machine machine, int region, RegionEntry code) {
        Cpu cpu = machine.cpu();
        long before = cpu.instret;
        regionEntries++;
        try {
            return code != null ? code.run(machine, 0) : dispatcher.run(region, machine);
        } finally {
            translatedInstructions += cpu.instret - before;
        }
    }

    /** Drops every region whose instructions overlap the bytes just written. */
    void codeWritten(int address, int width) {
        codeMap.forEachRegionOverlapping(address, width, region -> {
            if (!invalid[region]) {
                invalid[region] = true;
                invalidatedRegions++;
            }
        });
    }

    public CodeMap codeMap() {
        return codeMap;
    }

    /** Instructions retired in translated code so far. */
    public long translatedInstructions() {
        return translatedInstructions;
    }

    /** How many times a region was entered from the dispatch loop. */
    public long regionEntries() {
        return regionEntries;
    }

    /** Regions dropped because the guest wrote into their code. */
    public int invalidatedRegions() {
        return invalidatedRegions;
    }

    /** What {@code --stats} says about how a call of {@code instructions} instructions ran. */
    public String executionSummary(long instructions) {
        return String.format("ran %d instructions translated (%.1f%%), %d interpreted; %d region entries, %d regions invalidated",
                translatedInstructions, instructions == 0 ? 0.0 : 100.0 * translatedInstructions / instructions,
                instructions - translatedInstructions, regionEntries, invalidatedRegions);
    }
}
