package dev.rvjar.translate;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.decode.RegisterUse;
import dev.rvjar.emit.DispatcherEmitter;
import dev.rvjar.emit.RegionEmitter;
import dev.rvjar.image.RomImage;
import dev.rvjar.image.Symbol;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.MemoryLayout;
import dev.rvjar.memory.Region;
import dev.rvjar.translated.CodeMap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Translates a ROM image ahead of time: discovers its blocks, makes a region of each function
 * (see {@link #plan}), compiles each region to a class, linking calls between regions (see
 * {@link LinkTable}), and adds the dispatcher that enters them. The result is
 * deterministic: the same image always gives the same classes, byte for byte, on one JDK (the
 * word accesses' test depends on whether it is JDK 17 or later: see {@code AccessSites}).
 */
public final class Translator {
    /** The package of generated classes (internal form). */
    public static final String PACKAGE = "dev/rvjar/guest/";
    public static final String DISPATCHER = PACKAGE + "Dispatcher";
    /** At most this many blocks per region: one switch case each. */
    static final int MAX_BLOCKS_PER_REGION = 256;
    /**
     * Estimated bytecode per region method (the estimate runs 25-35% high); {@link
     * RegionEmitter#HUGE_METHOD_LIMIT} is the hard limit, and a region that still comes out larger is
     * split when emitted. A function larger than this is cut into several regions, and every jump
     * between them costs a linked call with a register sync, so the budget is as large as C2 takes
     * well: at 6,000, when those jumps still left through the dispatch loop, {@code tokenizer}'s
     * main function was cut in two and left its region 20 million times (0.85 s; 0.51 s at 8,000).
     * Larger methods leave C2 less of its inlining budget (DesiredMethodLimit, 8,000 bytes of
     * bytecode including everything inlined, a memory access's VarHandle over 200 of them): at
     * 10,000, crc32 ran 1.5x slower.
     */
    static final int REGION_BUDGET = 8000;
    /**
     * At most this many regions: the dispatcher's constant pool takes three entries per region (of
     * 65,535), so a ROM with a call to nearly every halfword (the fuzzer made one) threw ASM's
     * ClassTooLargeException. A 1 MiB ROM of real code makes about 2,800; the margin up to 21,000
     * covers the regions split again when emitted too large.
     */
    static final int MAX_REGIONS = 16_384;
    /**
     * At most this much estimated bytecode is planned for a ROM (regions in address order, each with
     * its {@link #REGION_OVERHEAD}); the code beyond is left to the interpreter. Emission takes about
     * 0.2 us per estimated byte, whatever the code (random code, a call or a branch in every
     * halfword: measured alike), so this, with {@link Discovery#MAX_LEADERS}, bounds the time and
     * memory of translating any input. bigrom (948 KiB of compiled C) estimates 9.8 million.
     */
    static final long MAX_BYTECODE = 12_000_000;
    /** What every region method spends besides its blocks, at most: register loads and write-backs. */
    private static final int REGION_OVERHEAD = 900;
    /**
     * A region above C1's allocation limit keeps only as many guest registers in locals as bring
     * it to {@link #DEMOTED_LIMIT}, the rest in {@code cpu.x} (see {@code RegisterResidency}), as
     * long as at least this many fit; below that it is cut. Every benchmark's {@code main} (250-280
     * jump targets) then stays whole with 8-9, {@code tokenizer}'s main loop too (it ran 1.8x
     * faster warm than when cut into three linked pieces).
     */
    static final int MIN_REGISTER_LOCALS = 8;
    /**
     * The allocation load a region with registers in {@code cpu.x} is brought to: below
     * {@link RegionEmitter#C1_ALLOCATION_LIMIT}, because each access to {@code cpu.x} adds C1 values
     * of its own. Measured with {@code -Xcomp -XX:TieredStopAtLevel=3}: {@code bintree}'s
     * {@code walk} (212 jump targets, a register access in most instructions) was rejected with 16
     * and 13 locals (loads 3,392 and 2,756) and compiled with 11 (2,332); at this limit C1 compiles
     * every region of the suite.
     */
    static final int DEMOTED_LIMIT = 2_400;
    /** Every register a region method may keep in a local: x1-x31, and f0-f31 as doubles. */
    private static final int ALL_REGISTERS = 63;
    /** Jump targets every region method has besides its blocks': the shared exits, call and ecall joins. */
    private static final int REGION_JUMP_TARGETS = 12;

    private Translator() {
    }

    /** Translates {@code image} for the contract's memory map, RV32E as the image says. */
    public static Translation translate(RomImage image) {
        return translate(image, McuLayout.LAYOUT, image.rv32e());
    }

    /**
     * Translates {@code image} for a machine with memory {@code layout}: only code in executable
     * regions is translated.
     */
    public static Translation translate(RomImage image, List<Region> layout, boolean rv32e) {
        return translate(image, new MemoryLayout(layout.stream().map(region -> new MemoryLayout.Spec(region.name(),
                region.base(), region.size(), region.readable(), region.writable(), region.executable())).toList()), rv32e);
    }

    /**
     * Translates {@code image} for memory map {@code layout} (its rights only: no memory is made).
     */
    public static Translation translate(RomImage image, MemoryLayout layout, boolean rv32e) {
        long started = System.nanoTime();
        ExecutableCode code = new ExecutableCode(image, address -> hasRight(layout, address, MemoryLayout.Spec::executable),
                rv32e);
        Discovery.Result found = Discovery.discover(code, RegionEmitter::translates, List.of(image.entry()),
                image.symbols());
        List<List<BasicBlock>> plan = plan(found.blocks(), functionStarts(found.blocks(), image), found.entries());
        if (plan.size() > MAX_REGIONS) {
            plan = plan.subList(0, MAX_REGIONS); // the rest is left to the interpreter
        }
        IntPredicate writable = address -> hasRight(layout, address, MemoryLayout.Spec::writable);
        LinkTable links = LinkTable.of(plan, Translator::regionName, writable);
        EntryPoints entries = EntryPoints.of(found.entries(), plan);
        InlinedRoutines routines = new InlinedRoutines(found.blocks(), writable);
        List<RegionEmitter.RegionClass> regions = withoutDanglingCalls(emitAll(plan, routines, entries, links), entries, links);
        Map<String, byte[]> classes = new TreeMap<>();
        List<String> regionClasses = new ArrayList<>();
        List<BasicBlock> translated = new ArrayList<>();
        List<Integer> entryStarts = new ArrayList<>();
        List<Integer> entryRegions = new ArrayList<>();
        int largest = 0;
        int dropped = 0;
        for (RegionEmitter.RegionClass region : regions) {
            if (region == null) {
                dropped++;
                continue;
            }
            largest = Math.max(largest, region.codeSize());
            classes.put(region.internalName(), region.bytes());
            translated.addAll(region.blocks());
            for (int entry : region.entries()) {
                entryStarts.add(entry);
                entryRegions.add(regionClasses.size());
            }
            regionClasses.add(region.internalName());
        }
        classes.put(DISPATCHER, DispatcherEmitter.emit(DISPATCHER, regionClasses));
        CodeMap codeMap = codeMap(regions, entryStarts, entryRegions);
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
    private static List<RegionEmitter.RegionClass> emitAll(List<List<BasicBlock>> plan, InlinedRoutines routines,
            EntryPoints entries, RegionEmitter.CallTargets callTargets) {
        return plan.parallelStream()
                .flatMap(region -> emitInlining(region, routines.of(region), entries, callTargets).stream())
                .toList();
    }

    /**
     * Emits planned {@code region} with copies of the routines it calls ({@link InlinedRoutines}) where
     * it stays within the JIT's and C1's limits with them; else as {@link #emitWithinLimit} does.
     */
    private static List<RegionEmitter.RegionClass> emitInlining(List<BasicBlock> region, List<BasicBlock> inlined,
            EntryPoints entries, RegionEmitter.CallTargets callTargets) {
        if (!inlined.isEmpty()) {
            RegionEmitter.RegionClass emitted = RegionEmitter.emit(regionName(region), region, inlined,
                    entries.of(region, region), callTargets, ALL_REGISTERS, true);
            if (emitted.codeSize() < RegionEmitter.HUGE_METHOD_LIMIT
                    && emitted.allocationLoad() <= RegionEmitter.C1_ALLOCATION_LIMIT) {
                return List.of(emitted);
            }
        }
        return emitWithinLimit(region, region, entries, callTargets);
    }

    /**
     * Emits again, without those calls, every region that links to a class that was never made: a
     * planned region whose first block alone was too large to translate (left to the interpreter).
     * Its callers then leave for the dispatch loop there, which hands that block to the interpreter.
     */
    private static List<RegionEmitter.RegionClass> withoutDanglingCalls(List<RegionEmitter.RegionClass> regions,
            EntryPoints entries, LinkTable links) {
        while (true) {
            Set<String> made = new HashSet<>();
            for (RegionEmitter.RegionClass region : regions) {
                if (region != null) {
                    made.add(region.internalName());
                }
            }
            RegionEmitter.CallTargets linkable = links.onlyTo(made);
            List<RegionEmitter.RegionClass> next = new ArrayList<>();
            boolean changed = false;
            for (RegionEmitter.RegionClass region : regions) {
                if (region == null || made.containsAll(region.callees())) {
                    next.add(region);
                } else {
                    next.addAll(emitWithinLimit(region.blocks(), region.blocks(), entries, linkable));
                    changed = true;
                }
            }
            if (!changed) {
                return regions;
            }
            regions = next;
        }
    }

    /** Whether {@code address} lies in a region of {@code layout} with {@code right}. */
    private static boolean hasRight(MemoryLayout layout, int address, Predicate<MemoryLayout.Spec> right) {
        for (MemoryLayout.Spec region : layout.specs()) {
            if (Integer.compareUnsigned(address - region.base(), region.size()) < 0) {
                return right.test(region);
            }
        }
        return false;
    }

    private static String regionName(List<BasicBlock> region) {
        return String.format("%sRegion_%08x", PACKAGE, region.get(0).start());
    }

    /**
     * Emits {@code region}, a planned region or a piece of {@code planned}: above C1's allocation
     * limit again with fewer registers in locals ({@link #DEMOTED_LIMIT}), and split in halves while
     * still too large for the JIT or above the limit (where the planner's estimate fell short).
     */
    private static List<RegionEmitter.RegionClass> emitWithinLimit(List<BasicBlock> region, List<BasicBlock> planned,
            EntryPoints entries, RegionEmitter.CallTargets callTargets) {
        String name = regionName(region);
        List<Integer> regionEntries = entries.of(region, planned);
        int registerLocals = ALL_REGISTERS;
        RegionEmitter.RegionClass emitted = RegionEmitter.emit(name, region, regionEntries, callTargets, registerLocals, true);
        if (emitted.allocationLoad() > RegionEmitter.C1_ALLOCATION_LIMIT && fitsWithFewerLocals(emitted.jumpTargets())) {
            // the same jump targets with fewer register locals: within the limit, no cut
            registerLocals = DEMOTED_LIMIT / emitted.jumpTargets();
            emitted = RegionEmitter.emit(name, region, regionEntries, callTargets, registerLocals, true);
        }
        if (emitted.codeSize() >= RegionEmitter.HUGE_METHOD_LIMIT) {
            // calls sharing one call code take less bytecode than each with its own: no cut
            emitted = RegionEmitter.emit(name, region, regionEntries, callTargets, registerLocals, false);
        }
        boolean compilable = emitted.codeSize() < RegionEmitter.HUGE_METHOD_LIMIT;
        if (compilable && (emitted.allocationLoad() <= RegionEmitter.C1_ALLOCATION_LIMIT || region.size() == 1)) {
            return List.of(emitted); // a single block C1 may give up on still runs well once C2 has it
        }
        if (region.size() == 1) {
            return java.util.Collections.singletonList(null);
        }
        List<RegionEmitter.RegionClass> halves = new ArrayList<>(
                emitWithinLimit(region.subList(0, region.size() / 2), planned, entries, callTargets));
        halves.addAll(emitWithinLimit(region.subList(region.size() / 2, region.size()), planned, entries, callTargets));
        return halves;
    }

    /**
     * Where functions start: the image's function symbols and the target of every call
     * ({@code jal} that links). Regions are cut between functions, so that control inside a function
     * (loops, jump tables, calls to itself) stays in one JVM method.
     */
    static Set<Integer> functionStarts(List<BasicBlock> blocks, RomImage image) {
        Set<Integer> starts = new HashSet<>();
        for (Symbol symbol : image.symbols()) {
            if (symbol.function()) {
                starts.add(symbol.address());
            }
        }
        for (BasicBlock block : blocks) {
            int pc = block.start();
            for (Instruction in : block.instructions()) {
                if (in.op == Opcode.JAL && in.rd != 0) {
                    starts.add(pc + in.imm);
                }
                pc += in.length;
            }
        }
        return starts;
    }

    /**
     * Cuts the blocks (in address order) into regions: one per function (the blocks from one
     * function start to the next), and a function too large for one method into several pieces,
     * each within the size budget, the switch cap and C1's allocation limit (estimated jump targets
     * times registers, see {@link RegionEmitter#allocationLoad}: above it C1 gives up on the method,
     * which then runs in the JVM's bytecode interpreter until C2 has compiled it, seconds in a cold
     * run) where keeping fewer registers in locals ({@link #MIN_REGISTER_LOCALS}) cannot bring it
     * within; at most {@link #MAX_BYTECODE} in all.
     *
     * <p>One function per region, not several packed together, measured faster (sha256 1.5x, qsort
     * 1.2x): a small function's method loads and writes back only the registers that function uses,
     * when it is entered and left through linked calls, and the JIT compiles and inlines smaller
     * methods better. It costs more classes (a 1 MiB ROM: 2,800 instead of 1,055) and about 40% more
     * class bytes.
     *
     * <p>A function cut into pieces keeps its loops ({@link FunctionLoops}) in one piece where they
     * fit in one, the rest (prologue, epilogue, paths that run once per call) in pieces of their
     * own: a jump between pieces is a linked call with a register sync, which in a loop it would
     * cost every turn. Where the loops do not fit in one piece, the function is cut in address order.
     */
    static List<List<BasicBlock>> plan(List<BasicBlock> blocks, Set<Integer> functionStarts, Set<Integer> computedTargets) {
        List<List<BasicBlock>> regions = new ArrayList<>();
        long planned = 0;
        for (List<BasicBlock> function : functions(blocks, functionStarts)) {
            for (Piece piece : pieces(function, computedTargets)) {
                planned += piece.size();
                if (planned > MAX_BYTECODE) {
                    return regions; // the rest is left to the interpreter
                }
                regions.add(piece.blocks());
            }
        }
        return regions;
    }

    /** A planned region and its estimated bytecode. */
    private record Piece(List<BasicBlock> blocks, int size) {
    }

    /** The blocks (in address order) grouped by function: from one function start to the next. */
    private static List<List<BasicBlock>> functions(List<BasicBlock> blocks, Set<Integer> functionStarts) {
        List<List<BasicBlock>> functions = new ArrayList<>();
        List<BasicBlock> current = new ArrayList<>();
        for (BasicBlock block : blocks) {
            if (!current.isEmpty() && functionStarts.contains(block.start())) {
                functions.add(current);
                current = new ArrayList<>();
            }
            current.add(block);
        }
        if (!current.isEmpty()) {
            functions.add(current);
        }
        return functions;
    }

    /** One function's regions: itself, or its loops and the rest, or pieces in address order. */
    private static List<Piece> pieces(List<BasicBlock> function, Set<Integer> computedTargets) {
        List<Piece> inOrder = cut(function);
        if (inOrder.size() == 1) {
            return inOrder;
        }
        Set<Integer> onCycles = FunctionLoops.blocksOnCycles(function, computedTargets);
        List<BasicBlock> loops = new ArrayList<>();
        List<BasicBlock> rest = new ArrayList<>();
        for (BasicBlock block : function) {
            (onCycles.contains(block.start()) ? loops : rest).add(block);
        }
        List<Piece> loopPieces = loops.isEmpty() || rest.isEmpty() ? List.of() : cut(loops);
        if (loopPieces.size() != 1) {
            return inOrder;
        }
        List<Piece> pieces = new ArrayList<>(loopPieces);
        pieces.addAll(cut(rest));
        return pieces;
    }

    /** Cuts {@code blocks} in their order into regions within the size budget, the switch cap and C1's limit. */
    private static List<Piece> cut(List<BasicBlock> blocks) {
        List<Piece> pieces = new ArrayList<>();
        List<BasicBlock> current = new ArrayList<>();
        int size = REGION_OVERHEAD;
        int jumpTargets = REGION_JUMP_TARGETS;
        int registers = 0;
        for (BasicBlock block : blocks) {
            int estimate = RegionEmitter.estimateSize(block) + 8;
            int blockTargets = RegionEmitter.estimateJumpTargets(block);
            int blockRegisters = registers | registerMask(block);
            boolean full = size + estimate > REGION_BUDGET || current.size() == MAX_BLOCKS_PER_REGION
                    || RegionEmitter.allocationLoad(jumpTargets + blockTargets, Integer.bitCount(blockRegisters))
                            > RegionEmitter.C1_ALLOCATION_LIMIT && !fitsWithFewerLocals(jumpTargets + blockTargets);
            if (!current.isEmpty() && full) {
                pieces.add(new Piece(current, size));
                current = new ArrayList<>();
                size = REGION_OVERHEAD;
                jumpTargets = REGION_JUMP_TARGETS;
                blockRegisters = registerMask(block);
            }
            current.add(block);
            size += estimate;
            jumpTargets += blockTargets;
            registers = blockRegisters;
        }
        if (!current.isEmpty()) {
            pieces.add(new Piece(current, size));
        }
        return pieces;
    }

    /**
     * Whether a method with {@code jumpTargets} comes within {@link #DEMOTED_LIMIT} with at least
     * {@link #MIN_REGISTER_LOCALS} register locals: the planner's test before cutting a function for
     * C1, and the emitter's before emitting a region again with fewer locals.
     */
    private static boolean fitsWithFewerLocals(int jumpTargets) {
        return RegionEmitter.allocationLoad(jumpTargets, MIN_REGISTER_LOCALS) <= DEMOTED_LIMIT;
    }

    /** The guest registers (x1-x31) {@code block} reads or writes, as a mask. */
    private static int registerMask(BasicBlock block) {
        int mask = 0;
        for (Instruction in : block.instructions()) {
            mask |= RegisterUse.integerRegisterMask(in);
        }
        return mask & ~1;
    }

    /** The code map: where each region can be entered, and the guest bytes of its blocks. */
    private static CodeMap codeMap(List<RegionEmitter.RegionClass> regions, List<Integer> entryStarts,
            List<Integer> entryRegions) {
        List<int[]> extents = new ArrayList<>();
        for (RegionEmitter.RegionClass region : regions) {
            if (region == null) {
                continue;
            }
            long low = Long.MAX_VALUE;
            long high = 0;
            for (BasicBlock block : region.blocks()) {
                low = Math.min(low, Integer.toUnsignedLong(block.start()));
                high = Math.max(high, Integer.toUnsignedLong(block.start()) + blockBytes(block));
            }
            extents.add(new int[] {(int) low, (int) high});
        }
        int[] regionStarts = new int[extents.size()];
        int[] regionEnds = new int[extents.size()];
        for (int r = 0; r < extents.size(); r++) {
            regionStarts[r] = extents.get(r)[0];
            regionEnds[r] = extents.get(r)[1];
        }
        return new CodeMap(entryStarts.stream().mapToInt(Integer::intValue).toArray(),
                entryRegions.stream().mapToInt(Integer::intValue).toArray(), regionStarts, regionEnds);
    }

    private static int blockBytes(BasicBlock block) {
        return block.instructions().stream().mapToInt(in -> in.length).sum();
    }
}
