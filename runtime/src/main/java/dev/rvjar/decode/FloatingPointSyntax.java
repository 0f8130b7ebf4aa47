package dev.rvjar.decode;

import static dev.rvjar.decode.Disassembler.f;
import static dev.rvjar.decode.Disassembler.x;

/** Operand syntax of the F and D instructions, kept apart from the integer forms. */
final class FloatingPointSyntax {
    private FloatingPointSyntax() {
    }

    static String format(Instruction in, String m) {
        String rm = Disassembler.roundingSuffix(in);
        return switch (in.op) {
            case FMADD_S, FMSUB_S, FNMSUB_S, FNMADD_S, FMADD_D, FMSUB_D, FNMSUB_D, FNMADD_D ->
                    m + "\t" + f(in.rd) + "," + f(in.rs1) + "," + f(in.rs2) + "," + f(in.rs3) + rm;
            case FADD_S, FSUB_S, FMUL_S, FDIV_S, FADD_D, FSUB_D, FMUL_D, FDIV_D ->
                    m + "\t" + f(in.rd) + "," + f(in.rs1) + "," + f(in.rs2) + rm;
            case FSQRT_S, FSQRT_D, FCVT_S_D -> m + "\t" + f(in.rd) + "," + f(in.rs1) + rm;
            // Exact conversions: objdump never shows their (meaningless) rounding mode.
            case FCVT_D_S -> m + "\t" + f(in.rd) + "," + f(in.rs1);
            case FSGNJ_S, FSGNJN_S, FSGNJX_S, FSGNJ_D, FSGNJN_D, FSGNJX_D -> signInjection(in, m);
            case FMIN_S, FMAX_S, FMIN_D, FMAX_D -> m + "\t" + f(in.rd) + "," + f(in.rs1) + "," + f(in.rs2);
            case FEQ_S, FLT_S, FLE_S, FEQ_D, FLT_D, FLE_D -> m + "\t" + x(in.rd) + "," + f(in.rs1) + "," + f(in.rs2);
            case FCVT_W_S, FCVT_WU_S, FCVT_W_D, FCVT_WU_D -> m + "\t" + x(in.rd) + "," + f(in.rs1) + rm;
            case FMV_X_W, FCLASS_S, FCLASS_D -> m + "\t" + x(in.rd) + "," + f(in.rs1);
            case FCVT_S_W, FCVT_S_WU -> m + "\t" + f(in.rd) + "," + x(in.rs1) + rm;
            case FCVT_D_W, FCVT_D_WU -> m + "\t" + f(in.rd) + "," + x(in.rs1);
            case FMV_W_X -> m + "\t" + f(in.rd) + "," + x(in.rs1);
            default -> throw new IllegalArgumentException("not a floating-point instruction: " + in.op);
        };
    }

    private static String signInjection(Instruction in, String m) {
        if (in.rs1 == in.rs2) {
            String suffix = m.substring(m.length() - 2);
            String pseudo = switch (in.op) {
                case FSGNJ_S, FSGNJ_D -> "fmv";
                case FSGNJN_S, FSGNJN_D -> "fneg";
                default -> "fabs";
            };
            return pseudo + suffix + "\t" + f(in.rd) + "," + f(in.rs1);
        }
        return m + "\t" + f(in.rd) + "," + f(in.rs1) + "," + f(in.rs2);
    }
}
