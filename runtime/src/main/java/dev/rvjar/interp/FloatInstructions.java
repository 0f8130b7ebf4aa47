package dev.rvjar.interp;

import dev.rvjar.decode.Instruction;
import dev.rvjar.machine.Cpu;
import dev.rvjar.memory.Memory;
import dev.rvjar.semantics.DoubleOps;
import dev.rvjar.semantics.FloatOps;
import dev.rvjar.semantics.Fpu;

import static dev.rvjar.semantics.FloatOps.box;

/**
 * The interpreter's F and D instructions: operand fetch (unboxing singles), the one call into
 * {@link FloatOps} or {@link DoubleOps} that defines the instruction, and the register write
 * (boxing singles). Kept out of the interpreter's loop so that it stays small. Translated code
 * calls the same {@link FloatOps}, {@link DoubleOps} and {@link Fpu} methods directly (see the
 * translator's {@code FloatEmitters}), so both engines share every floating-point semantic.
 */
public final class FloatInstructions {
    private FloatInstructions() {
    }

    /** Executes {@code in} at {@code pc}; integer registers are read from and written to {@code cpu.x}. */
    public static void execute(Instruction in, int pc, Cpu cpu, Memory memory) {
        Fpu.use(cpu, pc, in.bits);
        final long[] f = cpu.f;
        final int[] x = cpu.x;
        final int rm = in.op.hasRoundingMode() ? Fpu.roundingMode(cpu, in.rm, pc, in.bits) : 0;
        switch (in.op) {
            case FLW -> f[in.rd] = box(memory.loadWord(x[in.rs1] + in.imm));
            case FSW -> memory.storeWord(x[in.rs1] + in.imm, FloatOps.bits(f[in.rs2]));
            case FLD -> f[in.rd] = memory.loadDouble(x[in.rs1] + in.imm);
            case FSD -> memory.storeDouble(x[in.rs1] + in.imm, f[in.rs2]);

            case FADD_S -> f[in.rd] = box(FloatOps.add(s(f, in.rs1), s(f, in.rs2), rm, cpu));
            case FSUB_S -> f[in.rd] = box(FloatOps.sub(s(f, in.rs1), s(f, in.rs2), rm, cpu));
            case FMUL_S -> f[in.rd] = box(FloatOps.mul(s(f, in.rs1), s(f, in.rs2), rm, cpu));
            case FDIV_S -> f[in.rd] = box(FloatOps.div(s(f, in.rs1), s(f, in.rs2), rm, cpu));
            case FSQRT_S -> f[in.rd] = box(FloatOps.sqrt(s(f, in.rs1), rm, cpu));
            case FMADD_S -> f[in.rd] = box(FloatOps.fmadd(s(f, in.rs1), s(f, in.rs2), s(f, in.rs3), rm, cpu));
            case FMSUB_S -> f[in.rd] = box(FloatOps.fmsub(s(f, in.rs1), s(f, in.rs2), s(f, in.rs3), rm, cpu));
            case FNMSUB_S -> f[in.rd] = box(FloatOps.fnmsub(s(f, in.rs1), s(f, in.rs2), s(f, in.rs3), rm, cpu));
            case FNMADD_S -> f[in.rd] = box(FloatOps.fnmadd(s(f, in.rs1), s(f, in.rs2), s(f, in.rs3), rm, cpu));
            case FSGNJ_S -> f[in.rd] = box(FloatOps.sgnj(s(f, in.rs1), s(f, in.rs2)));
            case FSGNJN_S -> f[in.rd] = box(FloatOps.sgnjn(s(f, in.rs1), s(f, in.rs2)));
            case FSGNJX_S -> f[in.rd] = box(FloatOps.sgnjx(s(f, in.rs1), s(f, in.rs2)));
            case FMIN_S -> f[in.rd] = box(FloatOps.min(s(f, in.rs1), s(f, in.rs2), cpu));
            case FMAX_S -> f[in.rd] = box(FloatOps.max(s(f, in.rs1), s(f, in.rs2), cpu));
            case FEQ_S -> x[in.rd] = FloatOps.eq(s(f, in.rs1), s(f, in.rs2), cpu);
            case FLT_S -> x[in.rd] = FloatOps.lt(s(f, in.rs1), s(f, in.rs2), cpu);
            case FLE_S -> x[in.rd] = FloatOps.le(s(f, in.rs1), s(f, in.rs2), cpu);
            case FCLASS_S -> x[in.rd] = FloatOps.fclass(s(f, in.rs1));
            case FCVT_W_S -> x[in.rd] = FloatOps.toInt(s(f, in.rs1), rm, cpu);
            case FCVT_WU_S -> x[in.rd] = FloatOps.toUnsignedInt(s(f, in.rs1), rm, cpu);
            case FCVT_S_W -> f[in.rd] = box(FloatOps.fromInt(x[in.rs1], rm, cpu));
            case FCVT_S_WU -> f[in.rd] = box(FloatOps.fromUnsignedInt(x[in.rs1], rm, cpu));
            // Moves copy bits: no NaN-box check on the way out, a fresh box on the way in.
            case FMV_X_W -> x[in.rd] = FloatOps.bits(f[in.rs1]);
            case FMV_W_X -> f[in.rd] = box(x[in.rs1]);

            case FADD_D -> f[in.rd] = DoubleOps.add(f[in.rs1], f[in.rs2], rm, cpu);
            case FSUB_D -> f[in.rd] = DoubleOps.sub(f[in.rs1], f[in.rs2], rm, cpu);
            case FMUL_D -> f[in.rd] = DoubleOps.mul(f[in.rs1], f[in.rs2], rm, cpu);
            case FDIV_D -> f[in.rd] = DoubleOps.div(f[in.rs1], f[in.rs2], rm, cpu);
            case FSQRT_D -> f[in.rd] = DoubleOps.sqrt(f[in.rs1], rm, cpu);
            case FMADD_D -> f[in.rd] = DoubleOps.fmadd(f[in.rs1], f[in.rs2], f[in.rs3], rm, cpu);
            case FMSUB_D -> f[in.rd] = DoubleOps.fmsub(f[in.rs1], f[in.rs2], f[in.rs3], rm, cpu);
            case FNMSUB_D -> f[in.rd] = DoubleOps.fnmsub(f[in.rs1], f[in.rs2], f[in.rs3], rm, cpu);
            case FNMADD_D -> f[in.rd] = DoubleOps.fnmadd(f[in.rs1], f[in.rs2], f[in.rs3], rm, cpu);
            case FSGNJ_D -> f[in.rd] = DoubleOps.sgnj(f[in.rs1], f[in.rs2]);
            case FSGNJN_D -> f[in.rd] = DoubleOps.sgnjn(f[in.rs1], f[in.rs2]);
            case FSGNJX_D -> f[in.rd] = DoubleOps.sgnjx(f[in.rs1], f[in.rs2]);
            case FMIN_D -> f[in.rd] = DoubleOps.min(f[in.rs1], f[in.rs2], cpu);
            case FMAX_D -> f[in.rd] = DoubleOps.max(f[in.rs1], f[in.rs2], cpu);
            case FEQ_D -> x[in.rd] = DoubleOps.eq(f[in.rs1], f[in.rs2], cpu);
            case FLT_D -> x[in.rd] = DoubleOps.lt(f[in.rs1], f[in.rs2], cpu);
            case FLE_D -> x[in.rd] = DoubleOps.le(f[in.rs1], f[in.rs2], cpu);
            case FCLASS_D -> x[in.rd] = DoubleOps.fclass(f[in.rs1]);
            case FCVT_W_D -> x[in.rd] = DoubleOps.toInt(f[in.rs1], rm, cpu);
            case FCVT_WU_D -> x[in.rd] = DoubleOps.toUnsignedInt(f[in.rs1], rm, cpu);
            case FCVT_D_W -> f[in.rd] = DoubleOps.fromInt(x[in.rs1]);
            case FCVT_D_WU -> f[in.rd] = DoubleOps.fromUnsignedInt(x[in.rs1]);
            case FCVT_S_D -> f[in.rd] = box(DoubleOps.toSingle(f[in.rs1], rm, cpu));
            case FCVT_D_S -> f[in.rd] = FloatOps.toDouble(s(f, in.rs1), cpu);
            default -> throw new IllegalArgumentException("not a floating-point instruction: " + in.op);
        }
    }

    /** Register {@code r} read as a single (NaN-box checked). */
    private static int s(long[] f, int r) {
        return FloatOps.unbox(f[r]);
    }
}
