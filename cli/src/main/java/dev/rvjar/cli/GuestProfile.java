package dev.rvjar.cli;

import dev.rvjar.decode.Instruction;
import dev.rvjar.image.RomImage;
import dev.rvjar.image.Symbol;
import dev.rvjar.interp.Tracer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rvjar run --profile}: where the guest spends its instructions. Counts every instruction
 * retired per pc and every entry per basic block (the instruction after a branch, jump or SYSTEM
 * instruction starts one), then reports the functions (ELF symbols) and the basic blocks that
 * retired the most instructions. Counts are exact guest instruction counts: the same whatever runs
 * the code, so they show where translated code spends its time as well, although the profile itself
 * is taken by the interpreter.
 */
final class GuestProfile implements Tracer {
    private static final int TOP = 15;

    /** Code in the ROM region (the first 1 MiB) is counted in arrays, one slot per 2 bytes. */
    private static final int ROM_SLOTS = (1 << 20) / 2;

    private final long[] romInstructions = new long[ROM_SLOTS];
    private final long[] romEntries = new long[ROM_SLOTS];
    private final Map<Integer, long[]> elsewhere = new HashMap<>();   // pc -> {instructions, block entries}
    private boolean blockStart = true;
    private long total;

    @Override
    public void beforeExecute(int pc, Instruction instruction) {
        int slot = pc >>> 1;
        if (Integer.compareUnsigned(pc, 2 * ROM_SLOTS) < 0) {
            romInstructions[slot]++;
            if (blockStart) {
                romEntries[slot]++;
            }
        } else {
            long[] c = elsewhere.computeIfAbsent(pc, k -> new long[2]);
            c[0]++;
            if (blockStart) {
                c[1]++;
            }
        }
        total++;
        blockStart = instruction.op.endsBlock();
    }

    /** Every pc that ran: pc to {instructions, block entries}. */
    private Map<Integer, long[]> counts() {
        Map<Integer, long[]> counts = new HashMap<>(elsewhere);
        for (int slot = 0; slot < ROM_SLOTS; slot++) {
            if (romInstructions[slot] != 0) {
                counts.put(slot * 2, new long[] {romInstructions[slot], romEntries[slot]});
            }
        }
        return counts;
    }

    long total() {
        return total;
    }

    /** Prints the top functions and basic blocks to {@code err}. */
    void report(PrintStream err, RomImage image) {
        err.printf(Locale.ROOT, "rvjar profile: %,d instructions%n", total);
        List<Symbol> functions = image.symbols().stream().filter(s -> s.function() && s.size() > 0)
                .sorted(Comparator.comparingInt(s -> s.address())).toList();
        if (!functions.isEmpty()) {
            Map<String, long[]> byFunction = new HashMap<>();
            TreeMap<Long, Symbol> starts = new TreeMap<>();
            for (Symbol s : functions) {
                starts.put(Integer.toUnsignedLong(s.address()), s);
            }
            for (Map.Entry<Integer, long[]> e : counts().entrySet()) {
                long pc = Integer.toUnsignedLong(e.getKey());
                Map.Entry<Long, Symbol> f = starts.floorEntry(pc);
                String name = f != null && pc < f.getKey() + f.getValue().size() ? f.getValue().name() : "(no symbol)";
                long[] sum = byFunction.computeIfAbsent(name, k -> new long[2]);
                sum[0] += e.getValue()[0];
                sum[1] += e.getValue()[1];
            }
            err.println("  functions:   share     instructions   block entries  name");
            byFunction.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(TOP)
                    .forEach(e -> err.printf(Locale.ROOT, "              %5.1f%% %,16d %,15d  %s%n",
                            100.0 * e.getValue()[0] / Math.max(1, total), e.getValue()[0], e.getValue()[1], e.getKey()));
        }
        err.println("  basic blocks: share     instructions         entries  start");
        for (long[] b : blocks()) {
            int start = (int) b[2];
            String symbol = image.symbolAt(start);
            err.printf(Locale.ROOT, "              %5.1f%% %,16d %,15d  0x%08x%s%n", 100.0 * b[0] / Math.max(1, total), b[0], b[1], start,
                    symbol == null ? "" : " <" + symbol + ">");
        }
    }

    /** The top blocks: {instructions, entries, start pc}, the instructions of a block being those from its start on until the next start. */
    List<long[]> blocks() {
        TreeMap<Long, long[]> sorted = new TreeMap<>();
        for (Map.Entry<Integer, long[]> e : counts().entrySet()) {
            sorted.put(Integer.toUnsignedLong(e.getKey()), e.getValue());
        }
        List<long[]> blocks = new ArrayList<>();
        long[] block = null;
        for (Map.Entry<Long, long[]> e : sorted.entrySet()) {
            long[] c = e.getValue();
            if (block == null || c[1] > 0) {
                block = new long[] {0, c[1], e.getKey()};
                blocks.add(block);
            }
            block[0] += c[0];
        }
        blocks.sort((a, b) -> Long.compare(b[0], a[0]));
        return blocks.subList(0, Math.min(TOP, blocks.size()));
    }
}
