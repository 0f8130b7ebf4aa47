package dev.rvjar.decode;

import static dev.rvjar.decode.Opcode.*;

/**
 * The one RISC-V decoder of rvjar: RV32I, M, A, F, D, C, Zicsr, Zifencei, Zba, Zbb, Zbs and the
 * machine-mode instructions. Compressed instructions are expanded here, once, to their base form.
 * Encodings that are reserved or not implemented decode to {@link Opcode#ILLEGAL}.
 */
public final class Decoder {
    private Decoder() {
    }

    /**
     * Decodes the instruction whose low 16 bits are the lowest parcel in {@code bits}. When those
     * bits mark a compressed instruction, the upper 16 bits are ignored.
     */
    public static Instruction decode(int bits) {
        return (bits & 3) == 3 ? decode32(bits) : Compressed.expand(bits & 0xFFFF);
    }

    /**
     * Decodes as {@link #decode(int)}; for strict RV32E ({@code rv32e}) an instruction that names
     * a register above x15 is {@link Opcode#ILLEGAL}, with its length and bits kept.
     */
    public static Instruction decode(int bits, boolean rv32e) {
        Instruction in = decode(bits);
        return rv32e && in.usesRegistersAbove15() ? illegal(in.bits, in.length) : in;
    }

    /** Whether the parcel starting an instruction says it is 2 bytes long. */
    public static boolean isCompressed(int lowParcel) {
        return (lowParcel & 3) != 3;
    }

    static Instruction illegal(int bits, int length) {
        return new Instruction(ILLEGAL, 0, 0, 0, 0, 0, 0, length, bits);
    }

    private static Instruction decode32(int bits) {
        int rd = (bits >>> 7) & 31;
        int funct3 = (bits >>> 12) & 7;
        int rs1 = (bits >>> 15) & 31;
        int rs2 = (bits >>> 20) & 31;
        int funct7 = bits >>> 25;
        int immI = bits >> 20;
        Opcode op;
        int imm = 0;
        int rs3 = 0;
        int rm = 0;
        switch (bits & 0x7F) {
            case 0x37 -> { op = LUI; imm = bits & 0xFFFFF000; }
            case 0x17 -> { op = AUIPC; imm = bits & 0xFFFFF000; }
            case 0x6F -> { op = JAL; imm = immJ(bits); }
            case 0x67 -> { op = funct3 == 0 ? JALR : ILLEGAL; imm = immI; }
            case 0x63 -> { op = branch(funct3); imm = immB(bits); }
            case 0x03 -> { op = load(funct3); imm = immI; }
            case 0x23 -> { op = store(funct3); imm = immS(bits); }
            case 0x13 -> {
                op = opImm(funct3, immI, rs2, funct7);
                imm = (funct3 == 1 || funct3 == 5) ? rs2 : immI;
            }
            case 0x33 -> op = op(funct3, funct7, rs2);
            case 0x0F -> op = funct3 == 0 ? FENCE : funct3 == 1 ? FENCE_I : ILLEGAL;
            case 0x73 -> {
                op = system(funct3, immI & 0xFFF, rs1, rd);
                imm = immI & 0xFFF;
            }
            case 0x2F -> op = funct3 == 2 ? atomic(funct7 >>> 2, rs2) : ILLEGAL;
            case 0x07 -> { op = funct3 == 2 ? FLW : funct3 == 3 ? FLD : ILLEGAL; imm = immI; }
            case 0x27 -> { op = funct3 == 2 ? FSW : funct3 == 3 ? FSD : ILLEGAL; imm = immS(bits); }
            case 0x43, 0x47, 0x4B, 0x4F -> {
                op = fusedMultiplyAdd(bits & 0x7F, funct7 & 3);
                rs3 = funct7 >>> 2;
                rm = funct3;
                if (!validRoundingMode(rm)) {
                    op = ILLEGAL;
                }
            }
            case 0x53 -> {
                op = opFp(funct7, funct3, rs2);
                rm = funct3;
                if (op.hasRoundingMode() && !validRoundingMode(rm)) {
                    op = ILLEGAL;
                }
            }
            default -> op = ILLEGAL;
        }
        if (op == ILLEGAL) {
            return illegal(bits, 4);
        }
        return new Instruction(op, rd, rs1, rs2, rs3, imm, rm, 4, bits);
    }

    /** Rounding-mode encodings 5 and 6 are reserved; 7 (dynamic) is checked against frm at run time. */
    private static boolean validRoundingMode(int rm) {
        return rm != 5 && rm != 6;
    }

    static int immJ(int bits) {
        return ((bits >> 31) << 20) | (bits & 0xFF000) | (((bits >>> 20) & 1) << 11) | (((bits >>> 21) & 0x3FF) << 1);
    }

    static int immB(int bits) {
        return ((bits >> 31) << 12) | (((bits >>> 7) & 1) << 11) | (((bits >>> 25) & 0x3F) << 5) | (((bits >>> 8) & 0xF) << 1);
    }

    static int immS(int bits) {
        return ((bits >> 25) << 5) | ((bits >>> 7) & 0x1F);
    }

    private static Opcode branch(int funct3) {
        return switch (funct3) {
            case 0 -> BEQ;
            case 1 -> BNE;
            case 4 -> BLT;
            case 5 -> BGE;
            case 6 -> BLTU;
            case 7 -> BGEU;
            default -> ILLEGAL;
        };
    }

    private static Opcode load(int funct3) {
        return switch (funct3) {
            case 0 -> LB;
            case 1 -> LH;
            case 2 -> LW;
            case 4 -> LBU;
            case 5 -> LHU;
            default -> ILLEGAL;
        };
    }

    private static Opcode store(int funct3) {
        return switch (funct3) {
            case 0 -> SB;
            case 1 -> SH;
            case 2 -> SW;
            default -> ILLEGAL;
        };
    }

    private static Opcode opImm(int funct3, int immI, int shamt, int funct7) {
        return switch (funct3) {
            case 0 -> ADDI;
            case 2 -> SLTI;
            case 3 -> SLTIU;
            case 4 -> XORI;
            case 6 -> ORI;
            case 7 -> ANDI;
            case 1 -> switch (funct7) {
                case 0x00 -> SLLI;
                case 0x14 -> BSETI;
                case 0x24 -> BCLRI;
                case 0x34 -> BINVI;
                case 0x30 -> switch (shamt) {
                    case 0 -> CLZ;
                    case 1 -> CTZ;
                    case 2 -> CPOP;
                    case 4 -> SEXT_B;
                    case 5 -> SEXT_H;
                    default -> ILLEGAL;
                };
                default -> ILLEGAL;
            };
            case 5 -> switch (funct7) {
                case 0x00 -> SRLI;
                case 0x20 -> SRAI;
                case 0x30 -> RORI;
                case 0x24 -> BEXTI;
                default -> (immI & 0xFFF) == 0x287 ? ORC_B : (immI & 0xFFF) == 0x698 ? REV8 : ILLEGAL;
            };
            default -> ILLEGAL;
        };
    }

    private static Opcode op(int funct3, int funct7, int rs2) {
        return switch (funct7) {
            case 0x00 -> switch (funct3) {
                case 0 -> ADD;
                case 1 -> SLL;
                case 2 -> SLT;
                case 3 -> SLTU;
                case 4 -> XOR;
                case 5 -> SRL;
                case 6 -> OR;
                default -> AND;
            };
            case 0x20 -> switch (funct3) {
                case 0 -> SUB;
                case 5 -> SRA;
                case 4 -> XNOR;
                case 6 -> ORN;
                case 7 -> ANDN;
                default -> ILLEGAL;
            };
            case 0x01 -> switch (funct3) {
                case 0 -> MUL;
                case 1 -> MULH;
                case 2 -> MULHSU;
                case 3 -> MULHU;
                case 4 -> DIV;
                case 5 -> DIVU;
                case 6 -> REM;
                default -> REMU;
            };
            case 0x10 -> switch (funct3) {
                case 2 -> SH1ADD;
                case 4 -> SH2ADD;
                case 6 -> SH3ADD;
                default -> ILLEGAL;
            };
            case 0x05 -> switch (funct3) {
                case 4 -> MIN;
                case 5 -> MINU;
                case 6 -> MAX;
                case 7 -> MAXU;
                default -> ILLEGAL;
            };
            case 0x30 -> funct3 == 1 ? ROL : funct3 == 5 ? ROR : ILLEGAL;
            case 0x04 -> funct3 == 4 && rs2 == 0 ? ZEXT_H : ILLEGAL;
            case 0x14 -> funct3 == 1 ? BSET : ILLEGAL;
            case 0x24 -> funct3 == 1 ? BCLR : funct3 == 5 ? BEXT : ILLEGAL;
            case 0x34 -> funct3 == 1 ? BINV : ILLEGAL;
            default -> ILLEGAL;
        };
    }

    private static Opcode system(int funct3, int funct12, int rs1, int rd) {
        return switch (funct3) {
            case 0 -> {
                if (rs1 != 0 || rd != 0) {
                    yield ILLEGAL;
                }
                yield switch (funct12) {
                    case 0x000 -> ECALL;
                    case 0x001 -> EBREAK;
                    case 0x302 -> MRET;
                    case 0x105 -> WFI;
                    default -> ILLEGAL;
                };
            }
            case 1 -> CSRRW;
            case 2 -> CSRRS;
            case 3 -> CSRRC;
            case 5 -> CSRRWI;
            case 6 -> CSRRSI;
            case 7 -> CSRRCI;
            default -> ILLEGAL;
        };
    }

    private static Opcode atomic(int funct5, int rs2) {
        return switch (funct5) {
            case 0x02 -> rs2 == 0 ? LR_W : ILLEGAL;
            case 0x03 -> SC_W;
            case 0x01 -> AMOSWAP_W;
            case 0x00 -> AMOADD_W;
            case 0x04 -> AMOXOR_W;
            case 0x0C -> AMOAND_W;
            case 0x08 -> AMOOR_W;
            case 0x10 -> AMOMIN_W;
            case 0x14 -> AMOMAX_W;
            case 0x18 -> AMOMINU_W;
            case 0x1C -> AMOMAXU_W;
            default -> ILLEGAL;
        };
    }

    private static Opcode fusedMultiplyAdd(int major, int fmt) {
        boolean single = fmt == 0;
        if (fmt > 1) {
            return ILLEGAL;
        }
        return switch (major) {
            case 0x43 -> single ? FMADD_S : FMADD_D;
            case 0x47 -> single ? FMSUB_S : FMSUB_D;
            case 0x4B -> single ? FNMSUB_S : FNMSUB_D;
            default -> single ? FNMADD_S : FNMADD_D;
        };
    }

    private static Opcode opFp(int funct7, int funct3, int rs2) {
        return switch (funct7) {
            case 0x00 -> FADD_S;
            case 0x04 -> FSUB_S;
            case 0x08 -> FMUL_S;
            case 0x0C -> FDIV_S;
            case 0x2C -> rs2 == 0 ? FSQRT_S : ILLEGAL;
            case 0x10 -> pick3(funct3, FSGNJ_S, FSGNJN_S, FSGNJX_S);
            case 0x14 -> pick3(funct3, FMIN_S, FMAX_S, ILLEGAL);
            case 0x60 -> rs2 == 0 ? FCVT_W_S : rs2 == 1 ? FCVT_WU_S : ILLEGAL;
            case 0x70 -> rs2 != 0 ? ILLEGAL : funct3 == 0 ? FMV_X_W : funct3 == 1 ? FCLASS_S : ILLEGAL;
            case 0x50 -> pick3(funct3, FLE_S, FLT_S, FEQ_S);
            case 0x68 -> rs2 == 0 ? FCVT_S_W : rs2 == 1 ? FCVT_S_WU : ILLEGAL;
            case 0x78 -> rs2 == 0 && funct3 == 0 ? FMV_W_X : ILLEGAL;
            case 0x01 -> FADD_D;
            case 0x05 -> FSUB_D;
            case 0x09 -> FMUL_D;
            case 0x0D -> FDIV_D;
            case 0x2D -> rs2 == 0 ? FSQRT_D : ILLEGAL;
            case 0x11 -> pick3(funct3, FSGNJ_D, FSGNJN_D, FSGNJX_D);
            case 0x15 -> pick3(funct3, FMIN_D, FMAX_D, ILLEGAL);
            case 0x20 -> rs2 == 1 ? FCVT_S_D : ILLEGAL;
            case 0x21 -> rs2 == 0 ? FCVT_D_S : ILLEGAL;
            case 0x51 -> pick3(funct3, FLE_D, FLT_D, FEQ_D);
            case 0x71 -> rs2 == 0 && funct3 == 1 ? FCLASS_D : ILLEGAL;
            case 0x61 -> rs2 == 0 ? FCVT_W_D : rs2 == 1 ? FCVT_WU_D : ILLEGAL;
            case 0x69 -> rs2 == 0 ? FCVT_D_W : rs2 == 1 ? FCVT_D_WU : ILLEGAL;
            default -> ILLEGAL;
        };
    }

    private static Opcode pick3(int funct3, Opcode zero, Opcode one, Opcode two) {
        return switch (funct3) {
            case 0 -> zero;
            case 1 -> one;
            case 2 -> two;
            default -> ILLEGAL;
        };
    }
}
