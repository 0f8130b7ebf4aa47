package dev.rvjar.interp;

import dev.rvjar.decode.Decoder;
import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.memory.Memory;

import java.util.Arrays;

/**
 * Straight-line code decoded for the interpreter: instructions from a start pc up to and including
 * the first that ends a basic block, or fewer when the block is cut short (a size limit, the end of
 * its region, an instruction that cannot be fetched, code in writable memory, an instruction that
 * runs out of line). Control enters at the top only and leaves after the last instruction, so the
 * interpreter counts retired instructions and checks the limit once per block.
 *
 * <p>An instruction that {@link MicroOp#runsOutOfLine runs out of line} is always a block of its
 * own, and only such blocks hold one.
 */
final class Block {
    /** Most instructions in one block: bounds the decoding done for each distinct entry pc. */
    static final int MAX_INSTRUCTIONS = 64;

    /** One {@link MicroOp} per instruction; empty for a block that runs out of line. */
    final long[] code;
    /** The pc of each instruction, for faults and tracing. */
    final int[] pcs;
    final Instruction[] instructions;
    /** The pc of the last instruction. */
    final int lastPc;
    /** The pc after the last instruction. */
    final int end;
    /** Whether the block is one instruction that runs out of line. */
    final boolean outOfLine;
    /** Whether the last instruction ends a basic block: the limit is checked after it. */
    final boolean endsBasicBlock;
    /**
     * Whether reaching the last instruction's own pc again stops the guest: a jump or taken
     * branch to itself does, except a {@code jalr} that also wrote its own base register.
     */
    final boolean stopsOnJumpToItself;

    private Block(Instruction[] instructions, int[] pcs, int end) {
        this.instructions = instructions;
        this.pcs = pcs;
        this.end = end;
        this.lastPc = pcs[pcs.length - 1];
        Instruction last = instructions[instructions.length - 1];
        this.outOfLine = MicroOp.runsOutOfLine(last.op);
        this.endsBasicBlock = last.op.endsBlock();
        this.stopsOnJumpToItself = last.op != Opcode.JALR || last.rd != last.rs1 || last.rd == 0;
        this.code = new long[outOfLine ? 0 : instructions.length];
        for (int i = 0; i < code.length; i++) {
            code[i] = MicroOp.encode(instructions[i], pcs[i]);
        }
    }

    int length() {
        return pcs.length;
    }

    /**
     * Decodes the block starting at {@code pc}: at most {@code maxInstructions}, none at or past
     * {@code regionEnd} (the end of the region holding {@code pc}, exclusive, unsigned). A fetch
     * fault at {@code pc} itself is thrown; one further on cuts the block short, so that it is
     * raised when execution gets there.
     */
    static Block decode(Memory memory, boolean rv32e, int pc, long regionEnd, int maxInstructions) {
        Instruction first = decodeOne(memory, rv32e, pc);
        if (MicroOp.runsOutOfLine(first.op)) {
            return new Block(new Instruction[] {first}, new int[] {pc}, pc + first.length);
        }
        Instruction[] instructions = new Instruction[maxInstructions];
        int[] pcs = new int[maxInstructions];
        int count = 0;
        long next = Integer.toUnsignedLong(pc);
        Instruction in = first;
        while (true) {
            instructions[count] = in;
            pcs[count] = (int) next;
            count++;
            next += in.length;
            if (in.op.endsBlock() || count == maxInstructions || next >= regionEnd) {
                break;
            }
            try {
                in = decodeOne(memory, rv32e, (int) next);
            } catch (GuestFault fault) {
                break;
            }
            if (MicroOp.runsOutOfLine(in.op)) {
                break;
            }
        }
        return new Block(Arrays.copyOf(instructions, count), Arrays.copyOf(pcs, count), (int) next);
    }

    private static Instruction decodeOne(Memory memory, boolean rv32e, int pc) {
        if ((pc & 1) != 0) {
            throw GuestFault.of(FaultKind.MISALIGNED_FETCH, pc, pc);
        }
        return Decoder.decode(memory.fetch(pc), rv32e);
    }
}
