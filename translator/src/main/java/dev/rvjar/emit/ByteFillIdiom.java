package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.translate.BasicBlock;
import dev.rvjar.translated.ByteFillLoop;

import java.util.List;

import static org.objectweb.asm.Opcodes.*;

/**
 * A basic block that is a whole byte-store loop, {@code memset}'s simplest form:
 *
 * <pre>
 * loop: sb   value, 0(pointer)
 *       addi count, count, -1      (the two additions in either order)
 *       addi pointer, pointer, 1
 *       bnez count, loop
 * </pre>
 *
 * <p>Its region method first hands the turns it may run at once to
 * {@link dev.rvjar.translated.ByteFillLoop} and steps pointer, count and counter past them, then
 * runs the loop as usual from there; the loop's branch goes back to the loop, not to the bulk step.
 *
 * @param value the register stored
 * @param pointer the register holding the address, stepped by one
 * @param count the register counted down to zero
 */
record ByteFillIdiom(int value, int pointer, int count) {
    private static final String BYTE_FILL_LOOP = "dev/rvjar/translated/ByteFillLoop";

    /** The idiom {@code block} is, or null. */
    static ByteFillIdiom match(BasicBlock block) {
        List<Instruction> in = block.instructions();
        if (in.size() != ByteFillLoop.TURN) {
            return null;
        }
        Instruction store = in.get(0);
        Instruction branch = in.get(3);
        if (store.op != Opcode.SB || store.imm != 0 || branch.op != Opcode.BNE) {
            return null;
        }
        int pointer = store.rs1;
        int value = store.rs2;
        int count = branch.rs2 == 0 ? branch.rs1 : branch.rs1 == 0 ? branch.rs2 : 0;
        int branchPc = block.start() + store.length + in.get(1).length + in.get(2).length;
        boolean steps = isStep(in.get(1), count, -1) && isStep(in.get(2), pointer, 1)
                || isStep(in.get(1), pointer, 1) && isStep(in.get(2), count, -1);
        boolean distinct = value != 0 && pointer != 0 && count != 0 && value != pointer && value != count && pointer != count;
        return steps && distinct && branchPc + branch.imm == block.start() ? new ByteFillIdiom(value, pointer, count) : null;
    }

    private static boolean isStep(Instruction in, int register, int by) {
        return in.op == Opcode.ADDI && in.rd == register && in.rs1 == register && in.imm == by;
    }

    /**
     * {@code turns = ByteFillLoop.run(memory, pointer, count, value, instret, cpu.limit);
     * pointer += turns; count -= turns; instret += TURN * turns}, at the block's start (the
     * counter up to date, nothing of the block retired yet).
     */
    void emitBulkStep(RegionMethod m) {
        m.memory();
        m.load(pointer);
        m.load(count);
        m.load(value);
        m.mv.visitVarInsn(LLOAD, RegionMethod.INSTRET);
        m.cpu();
        m.mv.visitFieldInsn(GETFIELD, RegionMethod.CPU_TYPE, "limit", "J");
        m.mv.visitMethodInsn(INVOKESTATIC, BYTE_FILL_LOOP, "run", "(L" + RegionMethod.MEMORY_TYPE + ";IIIJJ)I", false);
        m.mv.visitVarInsn(ISTORE, RegionMethod.TEMP);
        m.load(pointer);
        m.mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
        m.mv.visitInsn(IADD);
        m.store(pointer);
        m.load(count);
        m.mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
        m.mv.visitInsn(ISUB);
        m.store(count);
        m.addToCounter(() -> {
            m.mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
            m.mv.visitInsn(I2L);
            m.pushLong(ByteFillLoop.TURN);
            m.mv.visitInsn(LMUL);
        });
    }
}
