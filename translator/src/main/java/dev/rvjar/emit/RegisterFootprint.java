package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.decode.RegisterUse;
import dev.rvjar.translate.BasicBlock;

import java.util.List;

/**
 * Which integer registers a region method may touch in {@code cpu.x} while it runs as a linked
 * callee, as bit masks (bit n = xn): {@code reads}, the registers whose value in {@code cpu.x} it
 * may read (its prologue loads every register it uses; a jump to itself reads a0 for the exit
 * status), and {@code writes}, those it may store there (its exits write back every register it
 * writes). A caller keeps every other register in its locals across the call: it need not write
 * it back before the call nor reload it after. {@code ecall} hands the whole register file to the
 * machine and host functions, so it touches everything; nothing else outside a region method
 * reads or writes {@code cpu.x} while it runs (CSR access and the floating-point semantics work
 * on Cpu fields; a fault is made precise by the handlers of the callee and of each caller).
 * Leaving the region needs no entry: the caller's locals stay the truth for every register outside
 * the callee's footprint, and the caller writes them back when it leaves too.
 */
public record RegisterFootprint(int reads, int writes) {
    public static final RegisterFootprint EVERYTHING = new RegisterFootprint(-2, -2);
    private static final int A0 = 1 << 10;

    public RegisterFootprint {
        reads &= ~1;
        writes &= ~1;
    }

    /** The footprint of the blocks of one region alone, without the regions it calls. */
    public static RegisterFootprint of(List<BasicBlock> blocks) {
        int used = 0;
        int written = 0;
        for (BasicBlock block : blocks) {
            for (Instruction in : block.instructions()) {
                if (in.op == Opcode.ECALL) {
                    return EVERYTHING;
                }
                used |= RegisterUse.integerRegisterMask(in);
                written |= RegisterUse.integerWrites(in);
            }
        }
        return new RegisterFootprint(used | A0, written);
    }

    public RegisterFootprint union(RegisterFootprint other) {
        return new RegisterFootprint(reads | other.reads, writes | other.writes);
    }
}
