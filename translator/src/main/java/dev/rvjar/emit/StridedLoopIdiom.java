package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.decode.RegisterUse;
import dev.rvjar.memory.HomeAccess;
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
 * A basic block that is a whole strided loop: it branches back to itself on a register it steps
 * by a constant ({@code addi r, r, c}, r written nowhere else in the block) against one it does
 * not write, and its other instructions are integer operations, loads and stores through such
 * stepped pointers or through pointers it does not write, so that the turns ahead can be bounded
 * before the first: {@code matmul_int}'s inner loop, {@code sha256}'s message schedule.
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
 * <p>The region method takes the bounds of {@link StridedLoop} before the loop's first turn (its
 * branch, the instruction limit, and RAM for every access through a stepped or unchanged pointer,
 * unwatched RAM for stores) and, where they allow {@link StridedLoop#MIN_TURNS} or more, runs that
 * many turns in a method of their own: a counted JVM loop over the registers in locals and RAM's
 * words, without the counter, the limit tests or the accesses' tests, which the bounds made
 * redundant (C2 can then also drop the array's range checks of word accesses indexed by the turn).
 * The registers go to and from {@code cpu.x} around
 * that method; the loop then goes on as usual from where it stopped, its own branch skipping the
 * bulk step. A host's watch or preemption takes effect after the bulk, as after any turn.
 */
final class StridedLoopIdiom {
    private static final String STRIDED_LOOP = "dev/rvjar/translated/StridedLoop";
    private static final String HOME_ACCESS = "dev/rvjar/memory/HomeAccess";
    /** The longest block taken: the bulk method keeps every register it uses in a local. */
    private static final int MAX_INSTRUCTIONS = 64;

    // the bulk method's locals, besides the guest registers at RegionMethod.slot(r)
    private static final int X = 0;
    private static final int WORDS = 1;
    private static final int TURNS = 2;
    private static final int TURN = 3;
    private static final int ADDRESS = 4;
    /** The word index of word access n in turn 0: {@code SITES + n}. */
    private static final int SITES = RegionMethod.MAX_LOCALS;

    /**
     * A load or store at {@code position} through a pointer stepped by {@code step} each turn (0:
     * one the loop does not change), {@code afterStep} when the block steps it before the access.
     */
    private record Access(int position, int step, boolean afterStep) {
    }

    private final BasicBlock block;
    private final List<Instruction> instructions;
    /** The step of each register stepped by the loop (index = register), 0 for the others. */
    private final int[] steps;
    private final int stepped;
    private final int used;
    private final int written;
    private final List<Access> accesses;

    private StridedLoopIdiom(BasicBlock block, int[] steps, int stepped, int used, int written, List<Access> accesses) {
        this.block = block;
        this.instructions = block.instructions();
        this.steps = steps;
        this.stepped = stepped;
        this.used = used;
        this.written = written;
        this.accesses = accesses;
    }

    /** The idiom {@code block} is, or null. */
    static StridedLoopIdiom match(BasicBlock block) {
        List<Instruction> in = block.instructions();
        int last = in.size() - 1;
        if (last < 1 || in.size() > MAX_INSTRUCTIONS || !closesLoop(block)) {
            return null;
        }
        int used = 0;
        int[] writes = new int[32];
        int[] steps = new int[32];
        int[] stepAt = new int[32];
        Arrays.fill(stepAt, -1);
        for (int i = 0; i < last; i++) {
            Instruction instruction = in.get(i);
            if (!supported(instruction)) {
                return null;
            }
            used |= RegisterUse.integerRegisterMask(instruction);
            int rd = instruction.rd;
            if (RegisterUse.writesIntegerRd(instruction.op) && rd != 0) {
                writes[rd]++;
                if (instruction.op == Opcode.ADDI && instruction.rs1 == rd) {
                    steps[rd] = instruction.imm;
                    stepAt[rd] = i;
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
        Instruction branch = in.get(last);
        used |= RegisterUse.integerRegisterMask(branch);
        boolean counted = isStepped(stepped, branch.rs1) && isUnchanged(written, branch.rs2)
                || isStepped(stepped, branch.rs2) && isUnchanged(written, branch.rs1);
        if (!counted) {
            return null;
        }
        List<Access> accesses = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            Instruction access = in.get(i);
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
        return new StridedLoopIdiom(block, steps, stepped, used & ~1, written, accesses);
    }

    private static boolean closesLoop(BasicBlock block) {
        List<Instruction> in = block.instructions();
        Instruction branch = in.get(in.size() - 1);
        int branchPc = block.start();
        for (int i = 0; i < in.size() - 1; i++) {
            branchPc += in.get(i).length;
        }
        boolean boundable = switch (branch.op) { // beq: a stepped value equal to a fixed one turn after turn is no loop
            case BNE, BLT, BGE, BLTU, BGEU -> true;
            default -> false;
        };
        return boundable && branchPc + branch.imm == block.start();
    }

    private static boolean supported(Instruction in) {
        return switch (in.op) {
            case LB, LH, LW, LBU, LHU, SB, SH, SW -> true;
            default -> !RegisterUse.isFloatingPoint(in.op) && EmitterMap.translates(in)
                    && EmitterMap.entry(in.op).kind() == EmitterMap.Kind.VALUE;
        };
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

    private String bulkMethod() {
        return String.format("strided_%08x", block.start());
    }

    /**
     * At the block's start (the counter up to date, nothing of the block retired yet):
     * {@code turns = StridedLoop.bulk(min(bounds)); if (turns != 0) {registers to cpu.x; turns =
     * strided_<pc>(x, words, turns); registers from cpu.x; instret += turns * length}}, the bulk
     * method written into {@code cw}.
     */
    void emitBulkStep(RegionMethod m, ClassWriter cw) {
        MethodVisitor mv = m.mv;
        branchBound(m);
        mv.visitVarInsn(LLOAD, RegionMethod.INSTRET);
        m.cpu();
        mv.visitFieldInsn(GETFIELD, RegionMethod.CPU_TYPE, "limit", "J");
        m.push(instructions.size());
        mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "belowLimit", "(JJI)J", false);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(JJ)J", false);
        for (Access access : accesses) {
            Instruction in = instructions.get(access.position());
            addressInFirstTurn(m, in, access);
            m.push(access.step());
            m.push(width(in.op));
            if (in.op.kind() == Opcode.Kind.STORE) {
                m.memory();
                mv.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, "homeStoreLength", "()I", false);
            } else {
                m.homeWords();
                mv.visitInsn(ARRAYLENGTH);
            }
            mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "inRam", "(IIII)J", false);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(JJ)J", false);
        }
        mv.visitMethodInsn(INVOKESTATIC, STRIDED_LOOP, "bulk", "(J)I", false);
        mv.visitVarInsn(ISTORE, RegionMethod.TEMP);
        Label loop = new Label();
        mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
        mv.visitJumpInsn(IFEQ, loop);
        m.writeRegistersInLocals(used);
        mv.visitVarInsn(ALOAD, RegionMethod.X);
        m.homeWords();
        mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
        mv.visitMethodInsn(INVOKESTATIC, m.owner(), bulkMethod(), "([I[II)I", false);
        mv.visitVarInsn(ISTORE, RegionMethod.TEMP);
        m.loadRegistersInLocals(written);
        m.addToCounter(() -> {
            mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
            mv.visitInsn(I2L);
            m.pushLong(instructions.size());
            mv.visitInsn(LMUL);
        });
        m.place(loop);
        m.loopBackTo(block.start(), loop);
        writeBulkMethod(cw, m.owner());
    }

    /** Pushes the bound of the loop's branch, a long. */
    private void branchBound(RegionMethod m) {
        Instruction branch = instructions.get(instructions.size() - 1);
        boolean valueFirst = isStepped(stepped, branch.rs1) && isUnchanged(written, branch.rs2);
        int value = valueFirst ? branch.rs1 : branch.rs2;
        int bound = valueFirst ? branch.rs2 : branch.rs1;
        m.load(value); // the value at turn 0's branch, stepped once
        m.push(steps[value]);
        m.mv.visitInsn(IADD);
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

    /** Pushes the address {@code in} accesses in the first turn, from the registers at the block's start. */
    private void addressInFirstTurn(RegionMethod m, Instruction in, Access access) {
        m.load(in.rs1);
        int offset = in.imm + (access.afterStep() ? access.step() : 0);
        if (offset != 0) {
            m.push(offset);
            m.mv.visitInsn(IADD);
        }
    }

    /**
     * {@code static int strided_<pc>(int[] x, int[] words, int turns)}: runs {@code turns} turns
     * of the loop (all its bounds checked by the caller), writes the registers the loop writes back
     * to {@code x} and returns the turns.
     */
    private void writeBulkMethod(ClassWriter cw, String owner) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, bulkMethod(), "([I[II)I", null, null);
        mv.visitCode();
        RegionMethod m = new RegionMethod(owner, mv, null, Map.of(), used, 0, 0, false, null, false);
        for (int r = 1; r < 32; r++) {
            if ((used & (1 << r)) != 0) {
                mv.visitVarInsn(ALOAD, X);
                m.push(r);
                mv.visitInsn(IALOAD);
                mv.visitVarInsn(ISTORE, RegionMethod.slot(r));
            }
        }
        int words = 0;
        for (Access access : accesses) {
            Instruction in = instructions.get(access.position());
            if (width(in.op) == 4) { // (address - BASE) >>> 2, the word index in turn 0
                addressInFirstTurn(m, in, access);
                mv.visitLdcInsn(HomeAccess.BASE);
                mv.visitInsn(ISUB);
                mv.visitInsn(ICONST_2);
                mv.visitInsn(IUSHR);
                mv.visitVarInsn(ISTORE, SITES + words);
                words++;
            }
        }
        for (int local : new int[] {TURN, ADDRESS}) {
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, local);
        }
        Object[] frame = frame(words);
        Label head = new Label();
        Label done = new Label();
        mv.visitLabel(head);
        mv.visitFrame(F_NEW, frame.length, frame, 0, null);
        mv.visitVarInsn(ILOAD, TURN);
        mv.visitVarInsn(ILOAD, TURNS);
        mv.visitJumpInsn(IF_ICMPGE, done);
        int site = 0;
        int pc = block.start();
        for (int i = 0; i < instructions.size() - 1; i++) {
            Instruction in = instructions.get(i);
            Access access = accessAt(i);
            if (access == null) {
                if (in.rd != 0) {
                    EmitterMap.entry(in.op).emitter().emit(m, in, pc);
                    m.store(in.rd);
                }
            } else if (width(in.op) == 4) {
                wordIndex(mv, site++, access.step());
                if (in.op == Opcode.SW) {
                    m.load(in.rs2);
                    mv.visitInsn(IASTORE);
                } else {
                    mv.visitInsn(IALOAD);
                    m.store(in.rd);
                }
            } else {
                narrow(m, in);
            }
            pc += in.length;
        }
        mv.visitIincInsn(TURN, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(done);
        mv.visitFrame(F_NEW, frame.length, frame, 0, null);
        for (int r = 1; r < 32; r++) {
            if ((written & (1 << r)) != 0) {
                mv.visitVarInsn(ALOAD, X);
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

    private Access accessAt(int position) {
        for (Access access : accesses) {
            if (access.position() == position) {
                return access;
            }
        }
        return null;
    }

    /**
     * Pushes the words and the index of word access {@code site} in this turn, {@code SITES + site
     * + turn * step / 4}: an index C2 sees as the loop's, so that it checks the array's range once
     * before the loop instead of in every turn.
     */
    private static void wordIndex(MethodVisitor mv, int site, int step) {
        mv.visitVarInsn(ALOAD, WORDS);
        mv.visitVarInsn(ILOAD, SITES + site);
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
     * A byte or half access, by its address (kept in {@code ADDRESS}): a store through
     * {@link HomeAccess}, a load out of its word, the index masked by the words' length less one
     * (a power of two, and the access in RAM), which spares C2 the array's range check.
     */
    private void narrow(RegionMethod m, Instruction in) {
        MethodVisitor mv = m.mv;
        m.load(in.rs1);
        if (in.imm != 0) {
            m.push(in.imm);
            mv.visitInsn(IADD);
        }
        mv.visitVarInsn(ISTORE, ADDRESS);
        if (in.op.kind() == Opcode.Kind.STORE) {
            mv.visitVarInsn(ALOAD, WORDS);
            mv.visitVarInsn(ILOAD, ADDRESS);
            m.load(in.rs2);
            mv.visitMethodInsn(INVOKESTATIC, HOME_ACCESS, in.op == Opcode.SB ? "storeByte" : "storeHalf", "([III)V", false);
            return;
        }
        mv.visitVarInsn(ALOAD, WORDS);
        mv.visitVarInsn(ILOAD, ADDRESS);
        mv.visitLdcInsn(HomeAccess.BASE);
        mv.visitInsn(ISUB);
        mv.visitInsn(ICONST_2);
        mv.visitInsn(IUSHR);
        mv.visitVarInsn(ALOAD, WORDS);
        mv.visitInsn(ARRAYLENGTH);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
        mv.visitInsn(IAND);
        mv.visitInsn(IALOAD);
        AccessSites.extract(mv, switch (in.op) {
            case LB -> "loadByte";
            case LBU -> "loadByteUnsigned";
            case LH -> "loadHalf";
            default -> "loadHalfUnsigned";
        }, ADDRESS);
        m.store(in.rd);
    }

    /** The bulk method's locals at its labels: every local it has is set before its loop. */
    private Object[] frame(int words) {
        Object[] locals = new Object[SITES + words];
        Arrays.fill(locals, TOP);
        locals[X] = "[I";
        locals[WORDS] = "[I";
        locals[TURNS] = INTEGER;
        locals[TURN] = INTEGER;
        locals[ADDRESS] = INTEGER;
        for (int r = 1; r < 32; r++) {
            if ((used & (1 << r)) != 0) {
                locals[RegionMethod.slot(r)] = INTEGER;
            }
        }
        for (int n = 0; n < words; n++) {
            locals[SITES + n] = INTEGER;
        }
        return locals;
    }
}
