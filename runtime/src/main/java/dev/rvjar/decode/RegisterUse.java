package dev.rvjar.decode;

/**
 * Which integer registers an instruction reads and writes, as bit masks (bit n = xn), and which
 * floating-point registers it uses and how (bit n = fn). Used for the RV32E register check and by
 * the translator to keep registers in locals.
 */
public final class RegisterUse {
    private RegisterUse() {
    }

    public static int integerRegisterMask(Instruction in) {
        return integerReads(in) | integerWrites(in);
    }

    /** Integer registers whose value the instruction reads. */
    public static int integerReads(Instruction in) {
        int mask = 0;
        if (readsIntegerRs1(in.op)) {
            mask |= 1 << in.rs1;
        }
        if (readsIntegerRs2(in.op)) {
            mask |= 1 << in.rs2;
        }
        return mask;
    }

    /** Integer registers the instruction writes (x0 included when it is the named destination). */
    public static int integerWrites(Instruction in) {
        return writesIntegerRd(in.op) ? 1 << in.rd : 0;
    }

    public static boolean writesIntegerRd(Opcode op) {
        return switch (op) {
            case ILLEGAL, BEQ, BNE, BLT, BGE, BLTU, BGEU, SB, SH, SW, FENCE, FENCE_I, ECALL, EBREAK, MRET, WFI,
                 FSW, FSD, FLW, FLD -> false;
            default -> !isFloatingPoint(op) || writesIntegerFromFloat(op);
        };
    }

    public static boolean readsIntegerRs1(Opcode op) {
        return switch (op) {
            case ILLEGAL, LUI, AUIPC, JAL, FENCE, FENCE_I, ECALL, EBREAK, MRET, WFI,
                 CSRRWI, CSRRSI, CSRRCI -> false;
            case FLW, FLD, FSW, FSD, FCVT_S_W, FCVT_S_WU, FMV_W_X, FCVT_D_W, FCVT_D_WU -> true;
            default -> !isFloatingPoint(op);
        };
    }

    public static boolean readsIntegerRs2(Opcode op) {
        return switch (op) {
            case BEQ, BNE, BLT, BGE, BLTU, BGEU, SB, SH, SW,
                 ADD, SUB, SLL, SLT, SLTU, XOR, SRL, SRA, OR, AND,
                 MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU,
                 SC_W, AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W, AMOMINU_W, AMOMAXU_W,
                 SH1ADD, SH2ADD, SH3ADD, ANDN, ORN, XNOR, MAX, MAXU, MIN, MINU, ROL, ROR,
                 BCLR, BEXT, BINV, BSET -> true;
            default -> false;
        };
    }

    /** Whether the opcode belongs to the F or D extension. */
    public static boolean isFloatingPoint(Opcode op) {
        return op.ordinal() >= Opcode.FLW.ordinal() && op.ordinal() <= Opcode.FCVT_D_WU.ordinal();
    }

    /** Floating-point registers the instruction reads. */
    public static int floatReads(Instruction in) {
        if (!isFloatingPoint(in.op)) {
            return 0;
        }
        return switch (in.op) {
            case FLW, FLD, FCVT_S_W, FCVT_S_WU, FMV_W_X, FCVT_D_W, FCVT_D_WU -> 0;
            case FSW, FSD -> 1 << in.rs2;
            case FMADD_S, FMSUB_S, FNMSUB_S, FNMADD_S, FMADD_D, FMSUB_D, FNMSUB_D, FNMADD_D ->
                    1 << in.rs1 | 1 << in.rs2 | 1 << in.rs3;
            case FSQRT_S, FSQRT_D, FCVT_W_S, FCVT_WU_S, FMV_X_W, FCLASS_S, FCVT_W_D, FCVT_WU_D, FCLASS_D,
                 FCVT_S_D, FCVT_D_S -> 1 << in.rs1;
            default -> 1 << in.rs1 | 1 << in.rs2;
        };
    }

    /** Floating-point registers the instruction writes. */
    public static int floatWrites(Instruction in) {
        return isFloatingPoint(in.op) && !writesIntegerFromFloat(in.op) && in.op.kind() != Opcode.Kind.STORE
                ? 1 << in.rd : 0;
    }

    /**
     * The floating-point registers the instruction reads or writes as singles (NaN-boxed in the
     * register); every other one it uses it uses as a double.
     */
    public static int singleFloatRegisters(Instruction in) {
        return switch (in.op) {
            case FCVT_S_D -> 1 << in.rd;
            case FCVT_D_S -> 1 << in.rs1;
            default -> in.op.ordinal() < Opcode.FLD.ordinal() ? floatReads(in) | floatWrites(in) : 0;
        };
    }

    private static boolean writesIntegerFromFloat(Opcode op) {
        return switch (op) {
            case FCVT_W_S, FCVT_WU_S, FMV_X_W, FEQ_S, FLT_S, FLE_S, FCLASS_S,
                 FEQ_D, FLT_D, FLE_D, FCLASS_D, FCVT_W_D, FCVT_WU_D -> true;
            default -> false;
        };
    }
}
