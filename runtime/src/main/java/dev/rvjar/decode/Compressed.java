package dev.rvjar.decode;

import static dev.rvjar.decode.Opcode.*;

/** Expands RV32C (with the F and D load/store forms) to the base instructions they stand for. */
final class Compressed {
    private Compressed() {
    }

    private static final int SP = 2;
    private static final int RA = 1;

    static Instruction expand(int b) {
        Instruction expanded = switch (b & 3) {
            case 0 -> quadrant0(b);
            case 1 -> quadrant1(b);
            default -> quadrant2(b);
        };
        return expanded != null ? expanded : Decoder.illegal(b, 2);
    }

    private static Instruction make(Opcode op, int rd, int rs1, int rs2, int imm, int b) {
        return new Instruction(op, rd, rs1, rs2, 0, imm, 0, 2, b);
    }

    /** A register from a 3-bit field: x8 to x15. */
    private static int prime(int b, int lowBit) {
        return ((b >>> lowBit) & 7) + 8;
    }

    private static int full(int b, int lowBit) {
        return (b >>> lowBit) & 31;
    }

    /** The 6-bit signed immediate imm[5] = bit 12, imm[4:0] = bits 6..2. */
    private static int imm6(int b) {
        return (((b >>> 12) & 1) << 5 | ((b >>> 2) & 31)) << 26 >> 26;
    }

    private static Instruction quadrant0(int b) {
        int rdPrime = prime(b, 2);
        int rs1Prime = prime(b, 7);
        int lwImm = ((b >>> 7) & 0x38) | ((b >>> 4) & 4) | ((b << 1) & 0x40);
        int ldImm = ((b >>> 7) & 0x38) | ((b << 1) & 0xC0);
        return switch (b >>> 13) {
            case 0 -> {
                int imm = ((b >>> 7) & 0x30) | ((b >>> 1) & 0x3C0) | ((b >>> 4) & 4) | ((b >>> 2) & 8);
                yield imm == 0 ? null : make(ADDI, rdPrime, SP, 0, imm, b);
            }
            case 1 -> make(FLD, rdPrime, rs1Prime, 0, ldImm, b);
            case 2 -> make(LW, rdPrime, rs1Prime, 0, lwImm, b);
            case 3 -> make(FLW, rdPrime, rs1Prime, 0, lwImm, b);
            case 5 -> make(FSD, 0, rs1Prime, rdPrime, ldImm, b);
            case 6 -> make(SW, 0, rs1Prime, rdPrime, lwImm, b);
            case 7 -> make(FSW, 0, rs1Prime, rdPrime, lwImm, b);
            default -> null;
        };
    }

    private static Instruction quadrant1(int b) {
        int rd = full(b, 7);
        return switch (b >>> 13) {
            case 0 -> make(ADDI, rd, rd, 0, imm6(b), b);
            case 1 -> make(JAL, RA, 0, 0, jumpOffset(b), b);
            case 2 -> make(ADDI, rd, 0, 0, imm6(b), b);
            case 3 -> {
                if (rd == SP) {
                    int imm = ((b >>> 3) & 0x200) | ((b >>> 2) & 0x10) | ((b << 1) & 0x40)
                            | ((b << 4) & 0x180) | ((b << 3) & 0x20);
                    imm = imm << 22 >> 22;
                    yield imm == 0 ? null : make(ADDI, SP, SP, 0, imm, b);
                }
                int imm = imm6(b);
                yield imm == 0 ? null : make(LUI, rd, 0, 0, imm << 12, b);
            }
            case 4 -> arithmetic(b);
            case 5 -> make(JAL, 0, 0, 0, jumpOffset(b), b);
            case 6 -> make(BEQ, 0, prime(b, 7), 0, branchOffset(b), b);
            default -> make(BNE, 0, prime(b, 7), 0, branchOffset(b), b);
        };
    }

    private static Instruction arithmetic(int b) {
        int rd = prime(b, 7);
        int rs2 = prime(b, 2);
        boolean bit12 = ((b >>> 12) & 1) != 0;
        int shamt = (b >>> 2) & 31;
        return switch ((b >>> 10) & 3) {
            case 0 -> bit12 ? null : make(SRLI, rd, rd, 0, shamt, b);
            case 1 -> bit12 ? null : make(SRAI, rd, rd, 0, shamt, b);
            case 2 -> make(ANDI, rd, rd, 0, imm6(b), b);
            default -> {
                if (bit12) {
                    yield null;
                }
                Opcode op = switch ((b >>> 5) & 3) {
                    case 0 -> SUB;
                    case 1 -> XOR;
                    case 2 -> OR;
                    default -> AND;
                };
                yield make(op, rd, rd, rs2, 0, b);
            }
        };
    }

    private static int jumpOffset(int b) {
        int imm = ((b >>> 1) & 0x800) | ((b >>> 7) & 0x10) | ((b >>> 1) & 0x300) | ((b << 2) & 0x400)
                | ((b >>> 1) & 0x40) | ((b << 1) & 0x80) | ((b >>> 2) & 0xE) | ((b << 3) & 0x20);
        return imm << 20 >> 20;
    }

    private static int branchOffset(int b) {
        int imm = ((b >>> 4) & 0x100) | ((b >>> 7) & 0x18) | ((b << 1) & 0xC0) | ((b >>> 2) & 6) | ((b << 3) & 0x20);
        return imm << 23 >> 23;
    }

    private static Instruction quadrant2(int b) {
        int rd = full(b, 7);
        int rs2 = full(b, 2);
        boolean bit12 = ((b >>> 12) & 1) != 0;
        int lwspImm = ((b >>> 7) & 0x20) | ((b >>> 2) & 0x1C) | ((b << 4) & 0xC0);
        int ldspImm = ((b >>> 7) & 0x20) | ((b >>> 2) & 0x18) | ((b << 4) & 0x1C0);
        int swspImm = ((b >>> 7) & 0x3C) | ((b >>> 1) & 0xC0);
        int sdspImm = ((b >>> 7) & 0x38) | ((b >>> 1) & 0x1C0);
        return switch (b >>> 13) {
            case 0 -> bit12 ? null : make(SLLI, rd, rd, 0, rs2, b);
            case 1 -> make(FLD, rd, SP, 0, ldspImm, b);
            case 2 -> rd == 0 ? null : make(LW, rd, SP, 0, lwspImm, b);
            case 3 -> make(FLW, rd, SP, 0, lwspImm, b);
            case 4 -> {
                if (!bit12) {
                    if (rs2 == 0) {
                        yield rd == 0 ? null : make(JALR, 0, rd, 0, 0, b);
                    }
                    yield make(ADD, rd, 0, rs2, 0, b);
                }
                if (rs2 == 0) {
                    yield rd == 0 ? make(EBREAK, 0, 0, 0, 0, b) : make(JALR, RA, rd, 0, 0, b);
                }
                yield make(ADD, rd, rd, rs2, 0, b);
            }
            case 5 -> make(FSD, 0, SP, rs2, sdspImm, b);
            case 6 -> make(SW, 0, SP, rs2, swspImm, b);
            default -> make(FSW, 0, SP, rs2, swspImm, b);
        };
    }
}
