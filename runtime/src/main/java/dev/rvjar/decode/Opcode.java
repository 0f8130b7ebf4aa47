package dev.rvjar.decode;

/**
 * Every instruction rvjar knows, after compressed forms have been expanded to the base instruction
 * they stand for. Names follow the RISC-V specification; {@link #mnemonic()} gives the assembler name.
 */
public enum Opcode {
    ILLEGAL(Kind.SYSTEM),

    // RV32I
    LUI, AUIPC,
    JAL(Kind.JUMP), JALR(Kind.JUMP),
    BEQ(Kind.BRANCH), BNE(Kind.BRANCH), BLT(Kind.BRANCH), BGE(Kind.BRANCH), BLTU(Kind.BRANCH), BGEU(Kind.BRANCH),
    LB(Kind.LOAD), LH(Kind.LOAD), LW(Kind.LOAD), LBU(Kind.LOAD), LHU(Kind.LOAD),
    SB(Kind.STORE), SH(Kind.STORE), SW(Kind.STORE),
    ADDI, SLTI, SLTIU, XORI, ORI, ANDI, SLLI, SRLI, SRAI,
    ADD, SUB, SLL, SLT, SLTU, XOR, SRL, SRA, OR, AND,
    FENCE, FENCE_I,
    ECALL(Kind.SYSTEM), EBREAK(Kind.SYSTEM),

    // Zicsr
    CSRRW(Kind.SYSTEM), CSRRS(Kind.SYSTEM), CSRRC(Kind.SYSTEM),
    CSRRWI(Kind.SYSTEM), CSRRSI(Kind.SYSTEM), CSRRCI(Kind.SYSTEM),

    // Machine mode
    MRET(Kind.SYSTEM), WFI(Kind.SYSTEM),

    // M
    MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU,

    // A
    LR_W(Kind.LOAD), SC_W(Kind.STORE),
    AMOSWAP_W(Kind.ATOMIC), AMOADD_W(Kind.ATOMIC), AMOXOR_W(Kind.ATOMIC), AMOAND_W(Kind.ATOMIC),
    AMOOR_W(Kind.ATOMIC), AMOMIN_W(Kind.ATOMIC), AMOMAX_W(Kind.ATOMIC), AMOMINU_W(Kind.ATOMIC),
    AMOMAXU_W(Kind.ATOMIC),

    // F
    FLW(Kind.LOAD), FSW(Kind.STORE),
    FMADD_S, FMSUB_S, FNMSUB_S, FNMADD_S,
    FADD_S, FSUB_S, FMUL_S, FDIV_S, FSQRT_S,
    FSGNJ_S, FSGNJN_S, FSGNJX_S, FMIN_S, FMAX_S,
    FCVT_W_S, FCVT_WU_S, FMV_X_W, FEQ_S, FLT_S, FLE_S, FCLASS_S,
    FCVT_S_W, FCVT_S_WU, FMV_W_X,

    // D
    FLD(Kind.LOAD), FSD(Kind.STORE),
    FMADD_D, FMSUB_D, FNMSUB_D, FNMADD_D,
    FADD_D, FSUB_D, FMUL_D, FDIV_D, FSQRT_D,
    FSGNJ_D, FSGNJN_D, FSGNJX_D, FMIN_D, FMAX_D,
    FCVT_S_D, FCVT_D_S, FEQ_D, FLT_D, FLE_D, FCLASS_D,
    FCVT_W_D, FCVT_WU_D, FCVT_D_W, FCVT_D_WU,

    // Zba
    SH1ADD, SH2ADD, SH3ADD,
    // Zbb
    ANDN, ORN, XNOR, CLZ, CTZ, CPOP, MAX, MAXU, MIN, MINU, SEXT_B, SEXT_H, ZEXT_H,
    ROL, ROR, RORI, ORC_B, REV8,
    // Zbs
    BCLR, BCLRI, BEXT, BEXTI, BINV, BINVI, BSET, BSETI;

    /** What an instruction does to control flow and memory, as the translator and counters see it. */
    public enum Kind { PLAIN, LOAD, STORE, ATOMIC, BRANCH, JUMP, SYSTEM }

    private final Kind kind;
    private final String mnemonic;

    Opcode() {
        this(Kind.PLAIN);
    }

    Opcode(Kind kind) {
        this.kind = kind;
        this.mnemonic = name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    public Kind kind() {
        return kind;
    }

    /** The assembler mnemonic, e.g. {@code fcvt.w.s}. */
    public String mnemonic() {
        return mnemonic;
    }

    /**
     * Whether the instruction ends a basic block: branches, jumps and every SYSTEM-opcode instruction.
     * The instruction limit is checked right after each of these, in the interpreter and in translated code.
     */
    public boolean endsBlock() {
        return kind == Kind.BRANCH || kind == Kind.JUMP || kind == Kind.SYSTEM;
    }

    /** Whether the encoding carries a rounding-mode field ({@code rm}) rather than a function selector. */
    public boolean hasRoundingMode() {
        return switch (this) {
            case FMADD_S, FMSUB_S, FNMSUB_S, FNMADD_S, FADD_S, FSUB_S, FMUL_S, FDIV_S, FSQRT_S,
                 FCVT_W_S, FCVT_WU_S, FCVT_S_W, FCVT_S_WU,
                 FMADD_D, FMSUB_D, FNMSUB_D, FNMADD_D, FADD_D, FSUB_D, FMUL_D, FDIV_D, FSQRT_D,
                 FCVT_S_D, FCVT_D_S, FCVT_W_D, FCVT_WU_D, FCVT_D_W, FCVT_D_WU -> true;
            default -> false;
        };
    }

    /** Whether the instruction reads or writes guest memory. */
    public boolean accessesMemory() {
        return kind == Kind.LOAD || kind == Kind.STORE || kind == Kind.ATOMIC;
    }
}
