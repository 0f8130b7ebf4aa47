package dev.rvjar.decode;

/**
 * Which integer registers an instruction reads and writes, as bit masks (bit n = xn). Used for the
 * RV32E register check and by the translator to keep registers in locals.
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

    private static boolean writesIntegerFromFloat(Opcode op) {
        return switch (op) {
            case FCVT_W_S, FCVT_WU_S, FMV_X_W, FEQ_S, FLT_S, FLE_S, FCLASS_S,
                 FEQ_D, FLT_D, FLE_D, FCLASS_D, FCVT_W_D, FCVT_WU_D -> true;
            default -> false;
        };
    }
}
