package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.decode.RegisterUse;
import dev.rvjar.memory.HomeAccess;
import dev.rvjar.semantics.Fpu;
import dev.rvjar.translate.BasicBlock;
import dev.rvjar.translated.StridedLoop;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.objectweb.asm.Opcodes.*;

/**
 * A strided loop: one basic block, or two that go into each other, closed by a branch on a
 * register the loop steps by a constant ({@code addi r, r, c}, r written nowhere else in the loop)
 * against one it does not write, whose other instructions are integer, single and double
 * operations, loads and stores (words and narrower, {@code flw} and {@code fsw} too) through such
 * stepped pointers or through pointers it does not write, so that the turns ahead can be bounded
 * before the first: {@code matmul_int}'s and {@code matmul_f32}'s inner loops, {@code sha256}'s
 * rounds and message schedule.
 *
 * <pre>
 * loop: lw   a3, 0(a2)          a stepped pointer: checked for all turns at once
 *       lw   a4, 0(a5)
 *       addi a5, a5, 4
 *       mul  a3, a1, a3
 *       addi a2, a2, 4
 *       add  a4, a4, a3
 *       sw   a4, -4(a5)
 *       bne  a5, s0, loop       a stepped value against one the loop does not write
 * </pre>
 *
 * <p>The loop's head is the block where the turns are counted from: the block that branches back
 * to itself; or of two blocks, the one the other goes to (falls through or jumps), which is where
 * the loop is entered from outside: {@code sha256}'s rounds are entered at the block that ends
 * with the branch, whose taken side runs the other block and comes back. At the head's start the
 * region method takes the bounds of {@link StridedLoop} (the branch, the instruction limit, and for
 * every access RAM, or ROM for loads, unwatched RAM for stores) and, where they allow
 * {@link StridedLoop#MIN_TURNS} or more, runs that many turns in a method of their own: a counted
 * JVM loop over the registers in locals and the memory's words, without the counter, the limit
 * tests or the accesses' tests, which the bounds made redundant (C2 can then also drop the array's
 * range checks of word accesses indexed by the turn). The registers go to and from
 * {@code cpu.x} around that method; the loop then goes on as usual from where it stopped, its own
 * jumps to the head skipping the bulk step. A host's watch or preemption takes effect after the
 * bulk, as after any turn.
 *
 * <p>F and D instructions can fault only on the state of the FPU (mstatus.FS off, a reserved
 * {@code frm} for a dynamic rounding mode), which one more bound tests ({@link StridedLoop#fpuReady}:
 * no bulk where they would fault, so the loop's own code faults precisely); the bulk method then
 * makes their checks once, as its first turn's first F instruction does (FS becomes Dirty), and
 * calls the same {@code FloatOps} and {@code DoubleOps} methods, in order, accruing the same flags.
 */
final class StridedLoopIdiom {
    private static final String STRIDED_LOOP = "dev/rvjar/translated/StridedLoop";
    private static final String HOME_ACCESS = "dev/rvjar/memory/HomeAccess";
    /** The longest turn taken: the bulk method keeps every register it uses in a local. */
    private static final int MAX_INSTRUCTIONS = 64;

    // the bulk method's locals, besides the guest registers at RegionMethod.slot(r): where they
    // are the region method's too (the Cpu, cpu.x, cpu.f, the rounding mode), at the same slots,
    // so that the instructions' emitters work unchanged
    private static final int RAM = 0;
    private static final int ROM = 1;
    private static final int TURNS = 4;
    private static final int TURN = 5;
    private static final int ADDRESS = 6;
    private static final String DESCRIPTOR = "([I[IL" + RegionMethod.CPU_TYPE + ";[II)I";
    /**
     * Per access n: the words it reaches at {@code SITES + 3n}, their guest address, its word index
     * in turn 0; past the integer registers (the bulk method holds no floating-point register in a local).
     */
    private static final int SITES = RegionMethod.FLOAT_REGISTERS;

    /**
     * A load or store at {@code position} of the turn through a pointer stepped by {@code step}
     * each turn (0: one the loop does not change), {@code afterStep} when the turn steps it before.
     */
    private record Access(int position, int step, boolean afterStep) {
    }

    private final BasicBlock head;
    /** The loop's blocks, the head first. */
    private final List<BasicBlock> blocks;
    /** The instructions of one turn, in order from the head's start, and their addresses. */
    private final List<Instruction> turn;
    private final int[] pcs;
    /** Where the closing branch is in the turn; a jump that only goes back to the head is left out too. */
    private final int branchAt;
    private final int skippedJump;
    /** The step of each register stepped by the loop (index = register), 0 for the others. */
    private final int[] steps;
    private final int[] stepAt;
    private final int stepped;
    private final int used;
    private final int written;
    private final List<Access> accesses;
    /** Where jumps to the head from inside the loop go: past the bulk step. */
    private final Label loop = new Label();

    private StridedLoopIdiom(List<BasicBlock> blocks, List<Instruction> turn, int[] pcs, int branchAt, int skippedJump,
            int[] steps, int[] stepAt, int stepped, int used, int written, List<Access> accesses) {
        this.head = blocks.get(0);
        this.blocks = blocks;
        this.turn = turn;
        this.pcs = pcs;
        this.branchAt = branchAt;
        this.skippedJump = skippedJump;
        this.steps = steps;
        this.stepAt = stepAt;
        this.stepped = stepped;
        this.used = used;
        this.written = written;
        this.accesses = accesses;
    }

    /** The strided loop headed by {@code head}, whose region's blocks are {@code blocks} by start, or null. */
    static StridedLoopIdiom match(BasicBlock head, Map<Integer, BasicBlock> blocks) {
        if (closingBranchTarget(head) == head.start()) {
            return match(List.of(head), head.size() - 1, -1);
        }
        BasicBlock taken = blocks.get(closingBranchTarget(head));
        if (taken != null && taken != head && goesTo(taken) == head.start()) { // the branch ends the head
            return match(List.of(head, taken), head.size() - 1, lastIfJump(taken, head.size()));
        }
        BasicBlock next = blocks.get(goesTo(head));
        if (next != null && next != head && closingBranchTarget(next) == head.start()) { // the head runs into the branch
            return match(List.of(head, next), head.size() + next.size() - 1, lastIfJump(head, 0));
        }
        return null;
    }

    /** Where {@code block}'s closing branch goes when taken, or -1 where it ends otherwise. */
    private static int closingBranchTarget(BasicBlock block) {
        Instruction last = block.instructions().get(block.size() - 1);
        boolean boundable = switch (last.op) { // beq: a value stepped turn after turn is not equal to one value twice
            case BNE, BLT, BGE, BLTU, BGEU -> true;
            default -> false;
        };
        return boundable && block.ending() == BasicBlock.End.TERMINATOR ? block.end() - last.length + last.imm : -1;
    }

    /** Where {@code block} goes on without a condition (falling through or by {@code j}), or -1. */
    private static int goesTo(BasicBlock block) {
        Instruction last = block.instructions().get(block.size() - 1);
        if (block.ending() == BasicBlock.End.FALL_THROUGH) {
            return block.end();
        }
        boolean jump = block.ending() == BasicBlock.End.TERMINATOR && last.op == Opcode.JAL && last.rd == 0;
        return jump ? block.end() - last.length + last.imm : -1;
    }

    /** The position in the turn of {@code block}'s last instruction where that is a jump, else -1. */
    private static int lastIfJump(BasicBlock block, int firstPosition) {
        return block.ending() == BasicBlock.End.TERMINATOR ? firstPosition + block.size() - 1 : -1;
    }

    private static StridedLoopIdiom match(List<BasicBlock> blocks, int branchAt, int skippedJump) {
        List<Instruction> turn = new ArrayList<>();
        List<Integer> pcList = new ArrayList<>();
        for (BasicBlock block : blocks) {
            int pc = block.start();
            for (Instruction in : block.instructions()) {
                turn.add(in);
                pcList.add(pc);
                pc += in.length;
            }
        }
        if (turn.size() > MAX_INSTRUCTIONS) {
            return null;
        }
        int used = 0;
        int[] writes = new int[32];
        int[] steps = new int[32];
        int[] stepAt = new int[32];
        Arrays.fill(stepAt, -1);
        for (int i = 0; i < turn.size(); i++) {
            Instruction in = turn.get(i);
            if (i == branchAt || i == skippedJump) {
                continue;
            }
            if (!supported(in)) {
                return null;
            }
            used |= RegisterUse.integerRegisterMask(in);
            if (RegisterUse.writesIntegerRd(in.op) && in.rd != 0) {
                writes[in.rd]++;
                if (in.op == Opcode.ADDI && in.rs1 == in.rd) {
                    steps[in.rd] = in.imm;
                    stepAt[in.rd] = i;
                }
            }
        }
        int written = 0;
        int stepped = 0;
        for (int r = 1; r < 32; r++) {
            if (writes[r] > 0) {
                written |= 1 << r;
            }
            if (writes[r] == 1 && stepAt[r] >= 0) {
                stepped |= 1 << r;
            } else {
                steps[r] = 0;
            }
        }
        Instruction branch = turn.get(branchAt);
        used |= RegisterUse.integerRegisterMask(branch);
        boolean counted = isStepped(stepped, branch.rs1) && isUnchanged(written, branch.rs2)
                || isStepped(stepped, branch.rs2) && isUnchanged(written, branch.rs1);
        if (!counted) {
            return null;
        }
        List<Access> accesses = new ArrayList<>();
        for (int i = 0; i < turn.size(); i++) {
            Instruction access = turn.get(i);
            if (!access.op.accessesMemory()) {
                continue;
            }
            int base = access.rs1;
            if (isUnchanged(written, base)) {
                accesses.add(new Access(i, 0, false));
            } else if (isStepped(stepped, base) && steps[base] % width(access.op) == 0) {
                accesses.add(new Access(i, steps[base], stepAt[base] < i));
            } else {
                // through a pointer the loop computes (crc32's table): its turns cannot be bounded
                // ahead, and testing each load in the bulk measured slower than the loop's own code
                return null;
            }
        }
        int[] pcs = pcList.stream().mapToInt(Integer::intValue).toArray();
        return new StridedLoopIdiom(blocks, turn, pcs, branchAt, skippedJump, steps, stepAt, stepped, used & ~1,
                written, accesses);
    }

    /**
     * Integer operations, F and D operations (their checks made once before the bulk), and the
     * loads and stores of words and narrower (not FLD and FSD, two words).
     */
    private static boolean supported(Instruction in) {
        return switch (in.op) {
            case LB, LH, LW, LBU, LHU, SB, SH, SW, FLW, FSW -> true;
            case FLD, FSD -> false;
            default -> EmitterMap.translates(in)
                    && (RegisterUse.isFloatingPoint(in.op) || EmitterMap.entry(in.op).kind() == EmitterMap.Kind.VALUE);
        };
    }

    /** The position of the turn's first F or D instruction, or -1. */
    private int firstFloatingPoint() {
        for (int i = 0; i < turn.size(); i++) {
            if (RegisterUse.isFloatingPoint(turn.get(i).op)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an instruction of the turn takes its rounding mode from {@code frm}. */
    private boolean roundsDynamically() {
        return turn.stream().anyMatch(in -> in.op.hasRoundingMode() && in.rm == Fpu.DYN);
    }

    private static boolean isStepped(int stepped, int register) {
        return (stepped & (1 << register)) != 0;
    }

    private static boolean isUnchanged(int written, int register) {
        return (written & (1 << register)) == 0;
    }

    private static int width(Opcode op) {
        return switch (op) {
            case LB, LBU, SB -> 1;
            case LH, LHU, SH -> 2;
            default -> 4;
        };
    }

    private static boolean isStore(Instruction in) {
        return in.op.kind() == Opcode.Kind.STORE;
    }

    BasicBlock head() {
        return head;
    }

    /** Whether {@code block} is one of the loop's, whose jumps to the head go {@link #loop past the bulk step}. */
    boolean contains(BasicBlock block) {
        return blocks.contains(block);
    }

    /** Where the loop's own jumps to the head go. */
    Label loop() {
        return loop;
    }

    private String bulkMethod() {
        return String.format("strided_%08x", head.start());
    }

    /**
     * At the head's start (the counter up to date, nothing of the block retired yet):
     * {@code turns = StridedLoop.bulk(min(bounds)); if (turns != 0) {registers to cpu.x; turns =
     * strided_<pc>(x, ram, rom, turns); registers from cpu.x; instret += turns * length}}, then
     * {@link #loop}; the bulk method written into {@code cw}.
     */
    void emitBulkStep(RegionMethod m, ClassWriter cw) {
        MethodVisitor mv = m.mv;
        branchBound(m); // first and alone: a loop of a few turns (formatting a number) pays no more
        mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "bulk", "(J)I", false);
        mv.visitVarInsn(ISTORE, RegionMethod.TEMP);
        mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
        mv.visitJumpInsn(IFEQ, loop);
        mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
        mv.visitInsn(I2L);
        mv.visitVarInsn(LLOAD, RegionMethod.INSTRET);
        m.cpu();
        mv.visitFieldInsn(GETFIELD, RegionMethod.CPU_TYPE, "limit", "J");
        m.push(turn.size());
        mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "belowLimit", "(JJI)J", false);
        minimum(mv);
        if (firstFloatingPoint() >= 0) {
            m.cpu();
            m.push(roundsDynamically() ? 1 : 0);
            mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "fpuReady", "(L" + RegionMethod.CPU_TYPE + ";Z)J", false);
            minimum(mv);
        }
        for (Access access : accesses) {
            Instruction in = turn.get(access.position());
            if (isStore(in)) { // unwatched RAM
                inRegion(m, in, access, HomeAccess.BASE, () -> {
                    m.memory();
                    mv.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, "homeStoreLength", "()I", false);
                });
            } else { // RAM or ROM
                inRegion(m, in, access, HomeAccess.BASE, () -> {
                    m.homeWords();
                    mv.visitInsn(ARRAYLENGTH);
                });
                inRegion(m, in, access, HomeAccess.ROM, () -> {
                    romWords(m);
                    mv.visitInsn(ARRAYLENGTH);
                });
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "max", "(JJ)J", false);
            }
            minimum(mv);
        }
        mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "bulk", "(J)I", false);
        mv.visitVarInsn(ISTORE, RegionMethod.TEMP);
        mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
        mv.visitJumpInsn(IFEQ, loop);
        m.writeRegistersInLocals(used);
        if (firstFloatingPoint() >= 0) {
            m.writeFloatLocals();
        }
        m.homeWords();
        romWords(m);
        m.cpu();
        mv.visitVarInsn(ALOAD, RegionMethod.X);
        mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
        mv.visitMethodInsn(INVOKESTATIC, m.owner(), bulkMethod(), DESCRIPTOR, false);
        mv.visitVarInsn(ISTORE, RegionMethod.TEMP);
        m.loadRegistersInLocals(written);
        if (firstFloatingPoint() >= 0) {
            m.loadFloatLocals();
        }
        m.addToCounter(() -> {
            mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
            mv.visitInsn(I2L);
            m.pushLong(turn.size());
            mv.visitInsn(LMUL);
        });
        m.place(loop);
        writeBulkMethod(cw, m.owner());
    }

    private static void minimum(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(JJ)J", false);
    }

    private static void romWords(RegionMethod m) {
        m.memory();
        m.mv.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, "romLoadWords", "()[I", false);
    }

    /** Pushes the turns {@code in} falls in the words at guest address {@code base}, of the length {@code pushLength} pushes. */
    private void inRegion(RegionMethod m, Instruction in, Access access, int base, Runnable pushLength) {
        addressInFirstTurn(m, in, access);
        m.push(access.step());
        m.push(width(in.op));
        m.mv.visitLdcInsn(base);
        pushLength.run();
        m.mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "inRegion", "(IIIII)J", false);
    }

    /** Pushes the bound of the loop's branch, a long. */
    private void branchBound(RegionMethod m) {
        Instruction branch = turn.get(branchAt);
        boolean valueFirst = isStepped(stepped, branch.rs1) && isUnchanged(written, branch.rs2);
        int value = valueFirst ? branch.rs1 : branch.rs2;
        int bound = valueFirst ? branch.rs2 : branch.rs1;
        m.load(value); // the value at turn 0's branch
        if (stepAt[value] < branchAt) {
            m.push(steps[value]);
            m.mv.visitInsn(IADD);
        }
        m.push(steps[value]);
        m.load(bound);
        if (branch.op == Opcode.BNE) {
            m.mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "whileNotEqual", "(III)J", false);
            return;
        }
        boolean less = branch.op == Opcode.BLT || branch.op == Opcode.BLTU;
        // blt v, w: v < w; bge v, w: v >= w; blt w, v: v > w; bge w, v: v <= w
        int relation = valueFirst ? (less ? StridedLoop.LESS : StridedLoop.AT_LEAST)
                : (less ? StridedLoop.GREATER : StridedLoop.AT_MOST);
        m.push(relation);
        m.push(branch.op == Opcode.BLTU || branch.op == Opcode.BGEU ? 1 : 0);
        m.mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "whileOrdered", "(IIIIZ)J", false);
    }

    /** Pushes the address {@code in} accesses in the first turn, from the registers at the head's start. */
    private void addressInFirstTurn(RegionMethod m, Instruction in, Access access) {
        m.load(in.rs1);
        int offset = in.imm + (access.afterStep() ? access.step() : 0);
        if (offset != 0) {
            m.push(offset);
            m.mv.visitInsn(IADD);
        }
    }

    /**
     * {@code static int strided_<pc>(int[] x, int[] ram, int[] rom, int turns)}: runs {@code turns}
     * turns of the loop (all its bounds checked by the caller), writes the registers the loop writes
     * back to {@code x} and returns the turns.
     */
    private void writeBulkMethod(ClassWriter cw, String owner) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, bulkMethod(), DESCRIPTOR, null, null);
        mv.visitCode();
        int firstFloatingPoint = firstFloatingPoint();
        RegionMethod m = new RegionMethod(owner, mv, null, Map.of(), used, 0, 0, firstFloatingPoint >= 0,
                RegionMethod.FloatLocals.NONE, null, false, Map.of(), List.of());
        if (firstFloatingPoint >= 0) { // the checks of the F instructions, once (the caller made sure they pass)
            mv.visitVarInsn(ALOAD, RegionMethod.CPU);
            mv.visitFieldInsn(GETFIELD, RegionMethod.CPU_TYPE, "f", "[J");
            mv.visitVarInsn(ASTORE, RegionMethod.F);
            Instruction first = turn.get(firstFloatingPoint);
            m.firstFpuUseInBlock();
            FloatEmitters.useFpu(m, first, pcs[firstFloatingPoint]);
            if (roundsDynamically()) {
                m.firstDynamicRoundingInBlock();
                FloatEmitters.resolveRoundingMode(m, first, pcs[firstFloatingPoint]);
            }
        }
        for (int r = 1; r < 32; r++) {
            if ((used & (1 << r)) != 0) {
                mv.visitVarInsn(ALOAD, RegionMethod.X);
                m.push(r);
                mv.visitInsn(IALOAD);
                mv.visitVarInsn(ISTORE, RegionMethod.slot(r));
            }
        }
        for (int local : new int[] {TURN, ADDRESS}) {
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, local);
        }
        for (int site = 0; site < accesses.size(); site++) { // first RAM, so that the frames below hold
            mv.visitVarInsn(ALOAD, RAM);
            mv.visitVarInsn(ASTORE, SITES + 3 * site);
            mv.visitLdcInsn(HomeAccess.BASE);
            mv.visitVarInsn(ISTORE, SITES + 3 * site + 1);
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, SITES + 3 * site + 2);
        }
        Object[] frame = frame();
        for (int site = 0; site < accesses.size(); site++) {
            siteInFirstTurn(m, site, frame);
        }
        Label head = new Label();
        Label done = new Label();
        mv.visitLabel(head);
        mv.visitFrame(F_NEW, frame.length, frame, 0, null);
        mv.visitVarInsn(ILOAD, TURN);
        mv.visitVarInsn(ILOAD, TURNS);
        mv.visitJumpInsn(IF_ICMPGE, done);
        for (int i = 0; i < turn.size(); i++) {
            Instruction in = turn.get(i);
            int site = siteAt(i);
            if (i == branchAt || i == skippedJump) {
                continue;
            } else if (site < 0) {
                EmitterMap.Entry entry = EmitterMap.entry(in.op);
                if (entry.kind() != EmitterMap.Kind.VALUE) {
                    entry.emitter().emit(m, in, pcs[i]); // F and D: the result stored too
                } else if (in.rd != 0) {
                    entry.emitter().emit(m, in, pcs[i]);
                    m.store(in.rd);
                }
            } else if (width(in.op) == 4) {
                word(m, in, site);
            } else {
                narrow(m, in, site);
            }
        }
        mv.visitIincInsn(TURN, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(done);
        mv.visitFrame(F_NEW, frame.length, frame, 0, null);
        for (int r = 1; r < 32; r++) {
            if ((written & (1 << r)) != 0) {
                mv.visitVarInsn(ALOAD, RegionMethod.X);
                m.push(r);
                mv.visitVarInsn(ILOAD, RegionMethod.slot(r));
                mv.visitInsn(IASTORE);
            }
        }
        mv.visitVarInsn(ILOAD, TURN);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(8, frame.length);
        mv.visitEnd();
    }

    /**
     * For access {@code site}: ROM's words and address instead of RAM's for a load whose first
     * address is not in RAM (the caller's bounds put all its turns in one of the two), and the
     * index of its word in the first turn.
     */
    private void siteInFirstTurn(RegionMethod m, int site, Object[] frame) {
        MethodVisitor mv = m.mv;
        Access access = accesses.get(site);
        Instruction in = turn.get(access.position());
        addressInFirstTurn(m, in, access);
        mv.visitVarInsn(ISTORE, ADDRESS);
        if (!isStore(in)) { // if ((address - RAM) >>> 2 >= ram.length) {ROM's}
            Label inRam = new Label();
            mv.visitVarInsn(ILOAD, ADDRESS);
            mv.visitLdcInsn(HomeAccess.BASE);
            mv.visitInsn(ISUB);
            mv.visitInsn(ICONST_2);
            mv.visitInsn(IUSHR);
            mv.visitVarInsn(ALOAD, RAM);
            mv.visitInsn(ARRAYLENGTH);
            mv.visitJumpInsn(IF_ICMPLT, inRam);
            mv.visitVarInsn(ALOAD, ROM);
            mv.visitVarInsn(ASTORE, SITES + 3 * site);
            mv.visitLdcInsn(HomeAccess.ROM);
            mv.visitVarInsn(ISTORE, SITES + 3 * site + 1);
            mv.visitLabel(inRam);
            mv.visitFrame(F_NEW, frame.length, frame, 0, null);
        }
        mv.visitVarInsn(ILOAD, ADDRESS);
        mv.visitVarInsn(ILOAD, SITES + 3 * site + 1);
        mv.visitInsn(ISUB);
        mv.visitInsn(ICONST_2);
        mv.visitInsn(IUSHR);
        mv.visitVarInsn(ISTORE, SITES + 3 * site + 2);
    }

    /** A word load or store, {@code flw} and {@code fsw} too, by its index in the site's words. */
    private void word(RegionMethod m, Instruction in, int site) {
        MethodVisitor mv = m.mv;
        if (in.op == Opcode.FLW) { // f[rd] = box(words[index])
            FloatEmitters.startResult(m, in, FloatEmitters.Value.SINGLE);
        }
        wordIndex(mv, site, accesses.get(site).step());
        switch (in.op) {
            case SW -> {
                m.load(in.rs2);
                mv.visitInsn(IASTORE);
            }
            case FSW -> { // words[index] = bits(f[rs2])
                m.loadFloatBits(in.rs2);
                mv.visitMethodInsn(INVOKESTATIC, "dev/rvjar/semantics/FloatOps", "bits", "(J)I", false);
                mv.visitInsn(IASTORE);
            }
            case FLW -> {
                mv.visitInsn(IALOAD);
                FloatEmitters.finishResult(m, in, FloatEmitters.Value.SINGLE);
            }
            default -> {
                mv.visitInsn(IALOAD);
                m.store(in.rd);
            }
        }
    }

    /** The access at {@code position} of the turn, or -1. */
    private int siteAt(int position) {
        for (int site = 0; site < accesses.size(); site++) {
            if (accesses.get(site).position() == position) {
                return site;
            }
        }
        return -1;
    }

    /**
     * Pushes the words and the index of word access {@code site} in this turn, its index in turn 0
     * plus {@code turn * step / 4}: an index C2 sees as the loop's, so that it checks the array's
     * range once before the loop instead of in every turn.
     */
    private static void wordIndex(MethodVisitor mv, int site, int step) {
        mv.visitVarInsn(ALOAD, SITES + 3 * site);
        mv.visitVarInsn(ILOAD, SITES + 3 * site + 2);
        if (step != 0) {
            mv.visitVarInsn(ILOAD, TURN);
            if (step != 4) {
                mv.visitLdcInsn(step / 4);
                mv.visitInsn(IMUL);
            }
            mv.visitInsn(IADD);
        }
    }

    /**
     * A byte or half access, by its address (kept in {@code ADDRESS}): a store into RAM through
     * {@link HomeAccess}, a load out of its word in the site's words.
     */
    private void narrow(RegionMethod m, Instruction in, int site) {
        MethodVisitor mv = m.mv;
        m.load(in.rs1);
        if (in.imm != 0) {
            m.push(in.imm);
            mv.visitInsn(IADD);
        }
        mv.visitVarInsn(ISTORE, ADDRESS);
        if (isStore(in)) {
            mv.visitVarInsn(ALOAD, RAM);
            mv.visitVarInsn(ILOAD, ADDRESS);
            m.load(in.rs2);
            mv.visitMethodInsn(INVOKESTATIC, HOME_ACCESS, in.op == Opcode.SB ? "storeByte" : "storeHalf", "([III)V", false);
            return;
        }
        mv.visitVarInsn(ALOAD, SITES + 3 * site);
        mv.visitVarInsn(ILOAD, ADDRESS);
        mv.visitVarInsn(ILOAD, SITES + 3 * site + 1);
        mv.visitInsn(ISUB);
        mv.visitInsn(ICONST_2);
        mv.visitInsn(IUSHR);
        mv.visitInsn(IALOAD);
        AccessSites.extract(mv, switch (in.op) {
            case LB -> "loadByte";
            case LBU -> "loadByteUnsigned";
            case LH -> "loadHalf";
            default -> "loadHalfUnsigned";
        }, ADDRESS);
        m.store(in.rd);
    }

    /** The bulk method's locals at its labels: every local it has is set before its first label. */
    private Object[] frame() {
        Object[] locals = new Object[SITES + 3 * accesses.size()];
        Arrays.fill(locals, TOP);
        locals[RegionMethod.CPU] = RegionMethod.CPU_TYPE;
        locals[RegionMethod.X] = "[I";
        locals[RAM] = "[I";
        locals[ROM] = "[I";
        locals[TURNS] = INTEGER;
        locals[TURN] = INTEGER;
        locals[ADDRESS] = INTEGER;
        if (firstFloatingPoint() >= 0) {
            locals[RegionMethod.F] = "[J";
        }
        if (firstFloatingPoint() >= 0 && roundsDynamically()) {
            locals[RegionMethod.ROUNDING_MODE] = INTEGER;
        }
        for (int r = 1; r < 32; r++) {
            if ((used & (1 << r)) != 0) {
                locals[RegionMethod.slot(r)] = INTEGER;
            }
        }
        for (int site = 0; site < accesses.size(); site++) {
            locals[SITES + 3 * site] = "[I";
            locals[SITES + 3 * site + 1] = INTEGER;
            locals[SITES + 3 * site + 2] = INTEGER;
        }
        return locals;
    }
}
