package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.decode.RegisterUse;
import dev.rvjar.translate.BasicBlock;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses which guest registers a region method keeps in JVM locals: integer registers as ints
 * (the others it reads and writes in {@code cpu.x} at each use) and floating-point registers it
 * uses only as doubles as doubles (the others in {@code cpu.f}). A large function keeps every
 * register it uses in a local only while C1 can allocate them ({@link RegionEmitter#allocationLoad}:
 * jump targets times locals, a double local counting as one): past that, rather than cut the
 * function (whose loops a cut breaks into linked calls), the registers used least inside its loops
 * move to {@code cpu.x} or {@code cpu.f}, array elements the CPU's cache holds, where C1 and C2 see
 * no live range to allocate. In every region with loops, the registers no loop uses live there too.
 *
 * <p>A register's weight is its uses, each counted {@value #LOOP_WEIGHT} times for every loop
 * around it (from a block that branches or jumps back to within the region to its farthest such
 * jump), so that the registers of the inner loops stay in locals.
 */
final class RegisterResidency {
    /** How much more a use inside one more loop counts. */
    private static final long LOOP_WEIGHT = 16;
    /** Loops nested deeper than this count as this deep (the weights stay far from overflow). */
    private static final int MAX_DEPTH = 6;
    /** Candidates 0-31 are x0-x31, 32-63 f0-f31. */
    private static final int FLOAT = 32;

    /** The registers to keep in locals: integer registers (bit n = xn) and doubles (bit n = fn). */
    record Residency(int integers, int doubles) {
        int count() {
            return Integer.bitCount(integers) + Integer.bitCount(doubles);
        }
    }

    private RegisterResidency() {
    }

    /**
     * The registers of {@code integers} (bit n = xn) and {@code doubles} (bit n = fn) to keep in
     * locals: in a region with loops, none that no loop uses; of the rest, all when there are at
     * most {@code maxResident}, else the {@code maxResident} with the highest weight in
     * {@code blocks} (address order), ties to integer registers and lower numbers.
     */
    static Residency choose(List<BasicBlock> blocks, int integers, int doubles, int maxResident) {
        long[] weight = weights(blocks);
        long used = (integers & 0xFFFF_FFFFL | (long) doubles << FLOAT) & ~outsideLoops(weight);
        if (Long.bitCount(used) > maxResident) {
            long resident = 0;
            for (int kept = 0; kept < Math.max(0, maxResident); kept++) {
                int best = -1;
                for (int r = 0; r < 2 * FLOAT; r++) {
                    boolean candidate = (used & ~resident & 1L << r) != 0;
                    if (candidate && (best < 0 || weight[r] > weight[best])) {
                        best = r;
                    }
                }
                resident |= 1L << best;
            }
            used = resident;
        }
        return new Residency((int) used, (int) (used >>> FLOAT));
    }

    /**
     * The registers used only outside the loops of a region that has loops (none in a region
     * without). Kept in locals they would stay live across the loops, which costs C2's register
     * allocator time and takes registers from the loops; in {@code cpu.x} they cost one array access per use,
     * outside the loops. Measured side by side over the suite: warm 1.04x and cold 1.07x faster
     * (geometric means), {@code bintree} cold 1.3x.
     */
    private static long outsideLoops(long[] weight) {
        long outside = 0;
        boolean loops = false;
        for (int r = 0; r < 2 * FLOAT; r++) {
            loops |= weight[r] >= LOOP_WEIGHT;
            outside |= weight[r] < LOOP_WEIGHT ? 1L << r : 0;
        }
        return loops ? outside : 0;
    }

    /** Each register's uses in {@code blocks}, weighted by the loops around them. */
    private static long[] weights(List<BasicBlock> blocks) {
        long[][] loops = backwardJumps(blocks);
        long[] weight = new long[2 * FLOAT];
        for (BasicBlock block : blocks) {
            int pc = block.start();
            for (Instruction in : block.instructions()) {
                int depth = 0;
                for (long[] loop : loops) {
                    if (loop[0] <= Integer.toUnsignedLong(pc) && Integer.toUnsignedLong(pc) <= loop[1]) {
                        depth++;
                    }
                }
                long uses = pow(LOOP_WEIGHT, Math.min(depth, MAX_DEPTH));
                long mask = RegisterUse.integerRegisterMask(in) & 0xFFFF_FFFFL
                        | (long) (RegisterUse.floatReads(in) | RegisterUse.floatWrites(in)) << FLOAT;
                for (int r = 0; r < 2 * FLOAT; r++) {
                    if ((mask & 1L << r) != 0) {
                        weight[r] += uses;
                    }
                }
                pc += in.length;
            }
        }
        return weight;
    }

    /**
     * {@code [head, last source]} of each loop in {@code blocks}: a loop is a block that a branch
     * or {@code j} (a {@code jal} that does not link) among them jumps back to, and spans up to its
     * farthest such jump. Jumps back to one head are one loop, however many there are: the cases of
     * a {@code switch} in a loop each jump back to its head, and counted as loops of their own they
     * made the loop around the switch as deep as the inner loops of its cases.
     */
    private static long[][] backwardJumps(List<BasicBlock> blocks) {
        Set<Integer> starts = new HashSet<>();
        for (BasicBlock block : blocks) {
            starts.add(block.start());
        }
        Map<Long, Long> farthestSource = new TreeMap<>();
        for (BasicBlock block : blocks) {
            int pc = block.start();
            for (Instruction in : block.instructions()) {
                boolean direct = in.op.kind() == Opcode.Kind.BRANCH || in.op == Opcode.JAL && in.rd == 0;
                if (direct && in.imm <= 0 && starts.contains(pc + in.imm)) {
                    farthestSource.merge(Integer.toUnsignedLong(pc + in.imm), Integer.toUnsignedLong(pc), Math::max);
                }
                pc += in.length;
            }
        }
        return farthestSource.entrySet().stream()
                .map(loop -> new long[] {loop.getKey(), loop.getValue()})
                .toArray(long[][]::new);
    }

    private static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
