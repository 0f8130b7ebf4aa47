package dev.rvjar.translate;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Short straight-line routines that a region gets copies of, so that it runs them as its own
 * blocks instead of calling the region that holds them: the prologue and epilogue helpers that
 * GCC's {@code -msave-restore} calls (picolibc is built so), {@code jal t0, __riscv_save_N} (stores
 * ra and s-registers, returns by {@code jr t0}) and {@code j __riscv_restore_N} (loads them back,
 * returns from the function by {@code ret}), and leaf functions called by {@code jal ra} (such as
 * picolibc's lock functions, a lone {@code ret} without threads). A linked call to such a routine
 * costs a register sync and a region method's entry and exit for 1-12 instructions; a copy costs a
 * jump, and its return compares with the return addresses of the region's own calls of it (see
 * {@code RegionMethod.linkReturns}).
 *
 * <p>A routine qualifies where a {@code jal t0, X}, {@code jal ra, X} or tail {@code j X} of the
 * region goes to another region, in read-only memory, and the blocks from X on, fallen through one
 * into the next, have no branch, jump or system instruction before their last, which returns
 * through the link register ({@code jr t0}, or {@code ret}), at most {@value #MAX_INSTRUCTIONS}
 * instructions in all. The copies are never entries of the region (the code map sends control
 * arriving at X to X's own region), and the region's footprint as a linked callee already covers
 * them, as it covers every region it calls.
 */
final class InlinedRoutines {
    static final int MAX_INSTRUCTIONS = 24;
    private static final int RA = 1;
    private static final int T0 = 5;

    private final Map<Integer, BasicBlock> blocksByStart = new HashMap<>();
    private final IntPredicate writable;

    InlinedRoutines(List<BasicBlock> blocks, IntPredicate writable) {
        for (BasicBlock block : blocks) {
            blocksByStart.put(block.start(), block);
        }
        this.writable = writable;
    }

    /** The blocks of the routines {@code region} calls or jumps into that qualify, in address order, each once. */
    List<BasicBlock> of(List<BasicBlock> region) {
        Set<Integer> own = new HashSet<>();
        for (BasicBlock block : region) {
            own.add(block.start());
        }
        Map<Integer, BasicBlock> copies = new LinkedHashMap<>();
        for (BasicBlock block : region) {
            Instruction last = block.instructions().get(block.size() - 1);
            if (block.ending() != BasicBlock.End.TERMINATOR || last.op != Opcode.JAL || last.rd != T0 && last.rd > RA) {
                continue;
            }
            int target = block.end() - last.length + last.imm;
            List<BasicBlock> routine = routine(target, last.rd == T0 ? T0 : RA);
            if (routine != null && !own.contains(target)) {
                for (BasicBlock copy : routine) {
                    copies.putIfAbsent(copy.start(), copy);
                }
            }
        }
        List<BasicBlock> sorted = new ArrayList<>(copies.values());
        sorted.removeIf(copy -> own.contains(copy.start()));
        sorted.sort((a, b) -> Integer.compareUnsigned(a.start(), b.start()));
        return sorted;
    }

    /** The blocks of the routine at {@code start} that returns through {@code link}, or null when it does not qualify. */
    private List<BasicBlock> routine(int start, int link) {
        List<BasicBlock> blocks = new ArrayList<>();
        int instructions = 0;
        BasicBlock block = blocksByStart.get(start);
        while (block != null && !writable.test(block.start())) {
            blocks.add(block);
            instructions += block.size();
            if (instructions > MAX_INSTRUCTIONS) {
                return null;
            }
            for (int i = 0; i < block.size() - 1; i++) {
                if (BasicBlock.isTerminator(block.instructions().get(i).op)) {
                    return null;
                }
            }
            Instruction last = block.instructions().get(block.size() - 1);
            switch (block.ending()) {
                case FALL_THROUGH -> {
                    if (BasicBlock.isTerminator(last.op)) {
                        return null;
                    }
                    block = blocksByStart.get(block.end());
                }
                case TERMINATOR -> {
                    boolean returns = last.op == Opcode.JALR && last.rd == 0 && last.imm == 0 && last.rs1 == link;
                    return returns ? blocks : null;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }
}
