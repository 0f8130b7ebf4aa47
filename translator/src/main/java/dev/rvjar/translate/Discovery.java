package dev.rvjar.translate;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.image.Segment;
import dev.rvjar.image.Symbol;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the code of a ROM and cuts it into {@link BasicBlock}s.
 *
 * <ol>
 *   <li>Follows control flow from the entry points: branch and jump targets, the instruction after
 *       every call (a return address) and after every instruction that may come back
 *       ({@code ecall}, CSR access, {@code fence.i}), and addresses built by {@code lui}/{@code auipc}
 *       + {@code addi}/{@code jalr} pairs inside a block (far calls, {@code la} of a function).</li>
 *   <li>Sweeps for code reached only through pointers: every aligned data word in the image that
 *       points at a plausible block (jump tables, function pointer tables, vtables), and the start
 *       of every gap between discovered code (functions called only through pointers), then
 *       follows control flow from those. Repeats until nothing new turns up.</li>
 *   <li>Starts no block in a section an ELF marks as data ({@code .rodata} usually shares the
 *       executable segment with {@code .text}): its words often decode as plausible code.</li>
 *   <li>Cuts blocks at every leader (a start found above), after every terminator, and before
 *       every instruction the translator leaves to the interpreter.</li>
 * </ol>
 *
 * <p>It also records the <em>entries</em>: the addresses control may reach other than by a direct
 * branch, jump or fall-through from a block (see {@link Result#entries()}).
 *
 * <p>Soundness never depends on the sweep: translated code behaves exactly like the interpreter from
 * any block start, so a wrong guess only costs space, and a missed block only means the interpreter
 * runs it. Any bytes are safe input: decoding is total and every address is checked.
 */
public final class Discovery {
    /** Blocks are cut after this many instructions, so that one block always fits in a method. */
    static final int MAX_BLOCK_INSTRUCTIONS = 200;
    /**
     * At most this many leaders (block starts) are followed; code beyond them is left to the
     * interpreter. This bounds the work and memory of discovery for any input: a 1 MiB ROM of a
     * branch in every halfword has 524,288 one-instruction blocks (and decoding, block objects and
     * emitting them took 34 s and 1.3 GiB), while bigrom's 948 KiB of compiled C have 66,000.
     */
    static final int MAX_LEADERS = 1 << 17;
    /** How far the plausibility check of a swept address decodes. */
    private static final int PLAUSIBLE_INSTRUCTIONS = 64;

    private final ExecutableCode code;
    private final Predicate<Instruction> translatable;
    private final List<Symbol> dataSymbols;
    private final BitSet[] leaders;
    private final BitSet[] walked;
    private final IntStack worklist = new IntStack();
    private final Set<Integer> entries = new HashSet<>();
    private int leaderCount;

    private Discovery(ExecutableCode code, Predicate<Instruction> translatable, List<Symbol> symbols) {
        this.code = code;
        this.translatable = translatable;
        this.dataSymbols = symbols.stream().filter(s -> !s.function() && s.size() > 0).toList();
        int segments = code.segments().size();
        this.leaders = new BitSet[segments];
        this.walked = new BitSet[segments];
        for (int i = 0; i < segments; i++) {
            leaders[i] = new BitSet();
            walked[i] = new BitSet();
        }
    }

    /**
     * The blocks found, in address order, and the entries: the addresses control may reach other than
     * by a direct branch, jump or fall-through from a block. They are the entry points given, function
     * symbols, every address found as a pointer or built as a constant (jump table targets, function
     * pointers, trap handlers), every return address (after a call), the address after every
     * instruction that may come back from outside ({@code ecall}, CSR access, {@code fence.i}), and
     * where the interpreter may hand back after an instruction left to it: the successors of the
     * next terminator. Not every entry starts a block (a guessed pointer may lead nowhere).
     */
    record Result(List<BasicBlock> blocks, Set<Integer> entries) {
    }

    /**
     * Discovers the blocks of {@code code} reachable from {@code entries} and the pointer sweep.
     *
     * @param translatable which instructions translated code may contain
     * @param symbols the image's symbols: function symbols are entries, sized data symbols are never swept
     */
    static Result discover(ExecutableCode code, Predicate<Instruction> translatable, List<Integer> entries,
            List<Symbol> symbols) {
        Discovery discovery = new Discovery(code, translatable, symbols);
        for (int entry : entries) {
            discovery.pushEntry(entry);
        }
        for (Symbol symbol : symbols) {
            if (symbol.function()) {
                discovery.pushEntry(symbol.address());
            }
        }
        discovery.followControlFlow();
        discovery.sweepDataWords();
        discovery.followControlFlow();
        while (discovery.sweepGaps()) {
            discovery.followControlFlow();
        }
        List<BasicBlock> blocks = discovery.cutBlocks();
        return new Result(blocks, Set.copyOf(discovery.entries));
    }

    /** Queues {@code pc} to be followed, as an entry. */
    private void pushEntry(int pc) {
        entries.add(pc);
        worklist.push(pc);
    }

    private void followControlFlow() {
        while (!worklist.isEmpty() && !full()) {
            int pc = worklist.pop();
            int segment = code.segmentOf(pc);
            if (segment < 0 || (pc & 1) != 0 || !code.isInCodeSection(pc)) {
                continue; // outside the code, or in data (.rodata) the linker put in the same segment
            }
            int slot = slot(segment, pc);
            if (leaders[segment].get(slot)) {
                continue;
            }
            leaders[segment].set(slot);
            leaderCount++;
            walk(pc);
        }
    }

    /** Whether {@link #MAX_LEADERS} are followed: nothing more is. */
    private boolean full() {
        return leaderCount >= MAX_LEADERS;
    }

    /** Decodes from a leader to its terminator, queueing every address control may reach from there. */
    private void walk(int pc) {
        KnownConstants constants = new KnownConstants();
        while (true) {
            int segment = code.segmentOf(pc);
            Instruction in = code.at(pc);
            if (in == null || in.op == Opcode.ILLEGAL) {
                return;
            }
            int slot = slot(segment, pc);
            if (walked[segment].get(slot)) {
                return; // walked before from another leader: its successors are queued already
            }
            walked[segment].set(slot);
            int next = pc + in.length;
            constants.track(in, pc, this::pushEntry, code);
            if (BasicBlock.isTerminator(in.op)) {
                queueSuccessors(in, pc, next);
                return;
            }
            pc = next;
        }
    }

    private void queueSuccessors(Instruction in, int pc, int next) {
        switch (in.op.kind()) {
            case BRANCH -> {
                worklist.push(pc + in.imm);
                worklist.push(next);
            }
            case JUMP -> {
                if (in.op == Opcode.JAL) {
                    worklist.push(pc + in.imm);
                }
                if (in.rd != 0) {
                    pushEntry(next); // the return address of a call
                }
            }
            // ecall, CSR access, ebreak/wfi (a trap handler may return after them), fence.i
            default -> pushEntry(next);
        }
    }

    /**
     * Queues every aligned word of the image that points at a plausible block, except words that
     * are instructions already found (an instruction word is often a small even number, and taking
     * it for a pointer would cut real blocks at random places).
     */
    private void sweepDataWords() {
        for (Segment segment : code.allImageSegments()) {
            byte[] bytes = segment.bytes();
            int misalignment = (4 - (segment.address() & 3)) & 3;
            for (int offset = misalignment; offset + 4 <= bytes.length; offset += 4) {
                if (isWalkedCode(segment.address() + offset)) {
                    continue;
                }
                int value = ExecutableCode.word(bytes, offset);
                if (code.isCodeAddress(value) && isLeader(value)) {
                    entries.add(value); // a jump table's or pointer's target found by control flow already
                } else if (code.isCodeAddress(value) && plausible(value)) {
                    pushEntry(value);
                }
            }
        }
    }

    /**
     * Tries the start of every gap between walked code: typically a function reached only through a
     * pointer the data sweep could not see (computed, or stored at run time). A gap whose start
     * looks like code is followed at once, so the scan continues after the code found there.
     *
     * @return whether anything new was found
     */
    private boolean sweepGaps() {
        if (full()) {
            return false; // a gap's start could not be followed, and would be tried again and again
        }
        boolean found = false;
        for (int s = 0; s < code.segments().size(); s++) {
            Segment segment = code.segments().get(s);
            int slots = segment.bytes().length / 2;
            int slot = walked[s].nextClearBit(0);
            while (slot < slots) {
                int gapEnd = walked[s].nextSetBit(slot);
                gapEnd = gapEnd < 0 ? slots : gapEnd;
                int start = slot;
                // a 4-byte instruction marks only its first halfword as walked: its second is no gap
                if (start > 0 && walked[s].get(start - 1) && !isCompressedAt(segment, start - 1)) {
                    start++;
                }
                start = skipPadding(segment, start, gapEnd);
                int candidate = segment.address() + start * 2;
                if (start < gapEnd && code.isInCodeSection(candidate) && !inDataSymbol(candidate) && !isLeader(candidate)
                        && plausible(candidate)) {
                    pushEntry(candidate);
                    followControlFlow();
                    found = true;
                    if (full()) {
                        return true;
                    }
                    slot = walked[s].nextClearBit(start);
                } else {
                    slot = walked[s].nextClearBit(gapEnd);
                }
            }
        }
        return found;
    }

    private boolean isCompressedAt(Segment segment, int slot) {
        return (segment.bytes()[slot * 2] & 3) != 3;
    }

    /** Skips zero halfwords (alignment padding; 0x0000 is an illegal instruction). */
    private static int skipPadding(Segment segment, int slot, int end) {
        byte[] bytes = segment.bytes();
        while (slot < end && bytes[slot * 2] == 0 && bytes[slot * 2 + 1] == 0) {
            slot++;
        }
        return slot;
    }

    private boolean inDataSymbol(int address) {
        for (Symbol symbol : dataSymbols) {
            if (Integer.compareUnsigned(address - symbol.address(), symbol.size()) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether decoding from {@code pc} reaches a terminator through legal instructions only. */
    private boolean plausible(int pc) {
        for (int i = 0; i < PLAUSIBLE_INSTRUCTIONS; i++) {
            Instruction in = code.at(pc);
            if (in == null || in.op == Opcode.ILLEGAL) {
                return false;
            }
            if (BasicBlock.isTerminator(in.op)) {
                return true;
            }
            pc += in.length;
        }
        return true;
    }

    /** Whether any byte of the word at {@code address} belongs to an instruction found by walking. */
    private boolean isWalkedCode(int address) {
        int segment = code.segmentOf(address);
        if (segment < 0) {
            return false;
        }
        int slot = slot(segment, address);
        BitSet starts = walked[segment];
        if (starts.get(slot) || starts.get(slot + 1)) {
            return true;
        }
        return slot > 0 && starts.get(slot - 1) && !isCompressedAt(code.segments().get(segment), slot - 1);
    }

    private boolean isLeader(int pc) {
        int segment = code.segmentOf(pc);
        return segment >= 0 && leaders[segment].get(slot(segment, pc));
    }

    private int slot(int segment, int pc) {
        return (pc - code.segments().get(segment).address()) >>> 1;
    }

    /** Cuts the walked code into blocks, one per leader, in address order. */
    private List<BasicBlock> cutBlocks() {
        List<BasicBlock> blocks = new ArrayList<>();
        for (int s = 0; s < code.segments().size(); s++) {
            int base = code.segments().get(s).address();
            for (int slot = leaders[s].nextSetBit(0); slot >= 0; slot = leaders[s].nextSetBit(slot + 1)) {
                BasicBlock block = cutBlock(s, base + slot * 2);
                if (block != null) {
                    blocks.add(block);
                }
            }
        }
        return blocks;
    }

    private BasicBlock cutBlock(int segment, int start) {
        List<Instruction> instructions = new ArrayList<>();
        int pc = start;
        while (true) {
            Instruction in = code.at(pc);
            if (in == null || in.op == Opcode.ILLEGAL || !translatable.test(in)) {
                if (in != null && in.op != Opcode.ILLEGAL) {
                    handBackAfter(pc);
                }
                return instructions.isEmpty() ? null
                        : new BasicBlock(start, instructions, pc, BasicBlock.End.FALLBACK);
            }
            instructions.add(in);
            pc += in.length;
            if (BasicBlock.isTerminator(in.op)) {
                return new BasicBlock(start, instructions, pc, BasicBlock.End.TERMINATOR);
            }
            if (isLeader(pc)) {
                return new BasicBlock(start, instructions, pc, BasicBlock.End.FALL_THROUGH);
            }
            if (instructions.size() == MAX_BLOCK_INSTRUCTIONS) {
                int next = code.segmentOf(pc);
                if (next >= 0) {
                    leaders[next].set(slot(next, pc)); // the rest becomes a block of its own
                }
                return new BasicBlock(start, instructions, pc, BasicBlock.End.FALL_THROUGH);
            }
        }
    }

    /**
     * The interpreter, given the instruction at {@code pc}, runs to the end of the contract's basic
     * block and hands back at the next address translated code can be entered at: the successors of
     * the next terminator are entries, so that it hands back there.
     */
    private void handBackAfter(int pc) {
        for (int i = 0; i < MAX_BLOCK_INSTRUCTIONS; i++) {
            Instruction in = code.at(pc);
            if (in == null || in.op == Opcode.ILLEGAL) {
                return;
            }
            if (BasicBlock.isTerminator(in.op)) {
                if (in.op.kind() == Opcode.Kind.BRANCH || in.op == Opcode.JAL) {
                    entries.add(pc + in.imm);
                }
                if (in.op.kind() != Opcode.Kind.JUMP || in.rd != 0) {
                    entries.add(pc + in.length);
                }
                return;
            }
            pc += in.length;
        }
    }

    /**
     * Values of registers set by {@code lui}/{@code auipc} and adjusted by {@code addi} within one
     * block: an address they build that points into the code is queued as an entry.
     */
    private static final class KnownConstants {
        private final int[] value = new int[32];
        private int known;

        void track(Instruction in, int pc, java.util.function.IntConsumer entry, ExecutableCode code) {
            switch (in.op) {
                case LUI -> set(in.rd, in.imm);
                case AUIPC -> set(in.rd, pc + in.imm);
                case ADDI -> {
                    if ((known & (1 << in.rs1)) != 0 && in.rs1 != 0) {
                        int address = value[in.rs1] + in.imm;
                        if (code.isCodeAddress(address)) {
                            entry.accept(address);
                        }
                        set(in.rd, address);
                    } else {
                        forget(in.rd);
                    }
                }
                case JALR -> {
                    if ((known & (1 << in.rs1)) != 0 && in.rs1 != 0) {
                        entry.accept((value[in.rs1] + in.imm) & ~1);
                    }
                    forget(in.rd);
                }
                default -> {
                    if (dev.rvjar.decode.RegisterUse.writesIntegerRd(in.op)) {
                        forget(in.rd);
                    }
                }
            }
        }

        private void set(int rd, int v) {
            value[rd] = v;
            known |= 1 << rd;
            known &= ~1; // x0 is never a known address
        }

        private void forget(int rd) {
            known &= ~(1 << rd);
        }
    }

    /** A growable stack of ints (addresses still to visit). */
    private static final class IntStack {
        private int[] items = new int[64];
        private int size;

        void push(int value) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        int pop() {
            return items[--size];
        }

        boolean isEmpty() {
            return size == 0;
        }
    }
}
