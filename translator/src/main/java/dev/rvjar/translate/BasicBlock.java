package dev.rvjar.translate;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * A straight run of instructions that translated code enters only at its start.
 *
 * <p>It ends in one of three ways ({@link End}): with an instruction that transfers control or
 * must leave translated code ({@link End#TERMINATOR}: branches, jumps, SYSTEM instructions and
 * {@code fence.i}); by falling through into the start of another block ({@link End#FALL_THROUGH});
 * or just before an instruction the translator leaves to the interpreter ({@link End#FALLBACK}), at
 * {@link #end()}. Its blocks are the translator's own; the contract's basic blocks (those after
 * which the instruction limit is checked) end only at terminators.
 *
 * @param start the address of the first instruction
 * @param instructions the instructions, in order, each {@link Instruction#length} bytes after the last
 * @param end the address after the last instruction
 * @param ending how the block ends
 */
public record BasicBlock(int start, List<Instruction> instructions, int end, End ending) {
    public enum End { TERMINATOR, FALL_THROUGH, FALLBACK }

    public BasicBlock {
        instructions = List.copyOf(instructions);
    }

    /**
     * Whether an instruction ends a block: the contract's block ends ({@link Opcode#endsBlock()}) and
     * {@code fence.i}, after which translated code is left so that changed code is looked up anew.
     */
    public static boolean isTerminator(Opcode op) {
        return op.endsBlock() || op == Opcode.FENCE_I;
    }

    public int size() {
        return instructions.size();
    }

    /**
     * Calls {@code action} with every address translated code goes on at directly from this block,
     * without looking up a computed address: a branch's target and the instruction after it, a
     * {@code jal}'s target, the instruction after a CSR access, the block fallen through to. (Not
     * where a {@code jalr}, {@code ecall} or {@code fence.i} continues, nor a call's return address.)
     */
    public void forEachDirectTarget(IntConsumer action) {
        Instruction last = instructions.get(instructions.size() - 1);
        int lastPc = end - last.length;
        if (ending != End.TERMINATOR) {
            action.accept(end);
        } else if (last.op.kind() == Opcode.Kind.BRANCH) {
            action.accept(lastPc + last.imm);
            action.accept(end);
        } else if (last.op == Opcode.JAL) {
            action.accept(lastPc + last.imm);
        } else if (last.op.kind() == Opcode.Kind.SYSTEM && last.op != Opcode.ECALL) {
            action.accept(end);
        }
    }
}
