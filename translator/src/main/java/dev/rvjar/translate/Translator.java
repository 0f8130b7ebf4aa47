package dev.rvjar.translate;

import dev.rvjar.emit.DispatcherEmitter;
import dev.rvjar.emit.RegionEmitter;
import dev.rvjar.image.RomImage;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;
import dev.rvjar.translated.CodeMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translates a ROM image ahead of time: discovers its blocks, groups neighbouring blocks into
 * regions, compiles each region to a class and adds the dispatcher that enters them. The result is
 * deterministic: the same image always gives the same classes, byte for byte.
 */
public final class Translator {
    /** The package of generated classes (internal form). */
    public static final String PACKAGE = "dev/rvjar/guest/";
    public static final String DISPATCHER = PACKAGE + "Dispatcher";
    /** At most this many blocks per region: one switch case each. */
    static final int MAX_BLOCKS_PER_REGION = 128;
    /** Estimated bytecode per region method; {@link RegionEmitter#HUGE_METHOD_LIMIT} is the hard limit. */
    static final int REGION_BUDGET = 6000;
    /** What every region method spends besides its blocks, at most: register loads and write-backs. */
    private static final int REGION_OVERHEAD = 900;

    private Translator() {
    }

    /** Translates {@code image} for the contract's memory map, RV32E as the image says. */
    public static Translation translate(RomImage image) {
        return translate(image, McuLayout.regions(), image.rv32e());
    }

    /**
     * Translates {@code image} for a machine with memory {@code layout}: only code in executable
     * regions is translated.
     */
    public static Translation translate(RomImage image, List<Region> layout, boolean rv32e) {
        long started = System.nanoTime();
        Memory rights = new Memory(layout);
        ExecutableCode code = new ExecutableCode(image, rights::isExecutable, rv32e);
        List<BasicBlock> blocks = Discovery.discover(code, RegionEmitter::translates, List.of(image.entry()),
                image.symbols());
        List<RegionEmitter.RegionClass> regions = emitAll(plan(blocks));
        Map<String, byte[]> classes = new TreeMap<>();
        List<String> regionClasses = new ArrayList<>();
        List<BasicBlock> translated = new ArrayList<>();
        List<Integer> blockRegions = new ArrayList<>();
        int largest = 0;
        int dropped = 0;
        for (RegionEmitter.RegionClass region : regions) {
            if (region == null) {
                dropped++;
                continue;
            }
            largest = Math.max(largest, region.codeSize());
            classes.put(region.internalName(), region.bytes());
            for (BasicBlock block : region.blocks()) {
                translated.add(block);
                blockRegions.add(regionClasses.size());
            }
            regionClasses.add(region.internalName());
        }
        classes.put(DISPATCHER, DispatcherEmitter.emit(DISPATCHER, regionClasses));
        CodeMap codeMap = codeMap(translated, blockRegions, regionClasses.size());
        int instructions = translated.stream().mapToInt(BasicBlock::size).sum();
        Translation.Statistics statistics = new Translation.Statistics(translated.size(), regionClasses.size(),
                instructions, largest, dropped, System.nanoTime() - started);
        return new Translation(classes, codeMap, statistics);
    }

    /**
     * Emits every planned region, in parallel (regions are independent and named after their first
     * address, so the result does not depend on the order of emission). A region whose method comes
     * out too large for the JIT is split in two and emitted again; a single block that is too large
     * alone is left to the interpreter (a null entry).
     */
    private static List<RegionEmitter.RegionClass> emitAll(List<List<BasicBlock>> plan) {
        return plan.parallelStream().flatMap(region -> emitWithinLimit(region).stream()).toList();
    }

    private static List<RegionEmitter.RegionClass> emitWithinLimit(List<BasicBlock> region) {
        String name = String.format("%sRegion_%08x", PACKAGE, region.get(0).start());
        RegionEmitter.RegionClass emitted = RegionEmitter.emit(name, region);
        if (emitted.codeSize() < RegionEmitter.HUGE_METHOD_LIMIT) {
            return List.of(emitted);
        }
        if (region.size() == 1) {
            return java.util.Collections.singletonList(null);
        }
        List<RegionEmitter.RegionClass> halves = new ArrayList<>(emitWithinLimit(region.subList(0, region.size() / 2)));
        halves.addAll(emitWithinLimit(region.subList(region.size() / 2, region.size())));
        return halves;
    }

    /** Groups blocks (in address order) into regions within the size budget and the switch cap. */
    static List<List<BasicBlock>> plan(List<BasicBlock> blocks) {
        List<List<BasicBlock>> regions = new ArrayList<>();
        List<BasicBlock> current = new ArrayList<>();
        int size = REGION_OVERHEAD;
        for (BasicBlock block : blocks) {
            int estimate = RegionEmitter.estimateSize(block) + 8;
            if (!current.isEmpty() && (size + estimate > REGION_BUDGET || current.size() == MAX_BLOCKS_PER_REGION)) {
                regions.add(current);
                current = new ArrayList<>();
                size = REGION_OVERHEAD;
            }
            current.add(block);
            size += estimate;
        }
        if (!current.isEmpty()) {
            regions.add(current);
        }
        return regions;
    }

    private static CodeMap codeMap(List<BasicBlock> blocks, List<Integer> blockRegions, int regions) {
        int[] starts = new int[blocks.size()];
        int[] owners = new int[blocks.size()];
        long[] low = new long[regions];
        long[] high = new long[regions];
        java.util.Arrays.fill(low, Long.MAX_VALUE);
        for (int i = 0; i < blocks.size(); i++) {
            BasicBlock block = blocks.get(i);
            int region = blockRegions.get(i);
            starts[i] = block.start();
            owners[i] = region;
            low[region] = Math.min(low[region], Integer.toUnsignedLong(block.start()));
            high[region] = Math.max(high[region], Integer.toUnsignedLong(block.start()) + blockBytes(block));
        }
        int[] regionStarts = new int[regions];
        int[] regionEnds = new int[regions];
        for (int r = 0; r < regions; r++) {
            regionStarts[r] = (int) low[r];
            regionEnds[r] = (int) high[r];
        }
        return new CodeMap(starts, owners, regionStarts, regionEnds);
    }

    private static int blockBytes(BasicBlock block) {
        return block.instructions().stream().mapToInt(in -> in.length).sum();
    }
}
