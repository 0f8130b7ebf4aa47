package dev.rvjar.interp;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.decode.RegisterUse;

/**
 * The interpreter's operations: small dense ints, so that its dispatch is one {@code tableswitch}
 * on an int loaded from the block's code array (an enum switch costs an extra array load per
 * instruction). Each {@link Instruction} becomes one operation when its block is decoded, and what
 * the block's address fixes is worked out then: branch and jump targets and {@code auipc} results
 * become constants, and an instruction whose only effect is writing x0 becomes {@link #NOP}, so
 * that only loads need to put x0 back to zero. Instructions that {@link #runsOutOfLine run out of
 * line} have no operation.
 *
 * <p>An operation is packed in one long, so that fetching it is one load and one bounds check: the
 * low half is {@code op | rd << 8 | rs1 << 16 | rs2 << 24}, the high half the immediate.
 */
final class MicroOp {
    private MicroOp() {
    }

    // Operations that end a block: they return the next pc.
    static final int JAL = 0;
    /** {@code jal} with rd = x0. */
    static final int J = 1;
    static final int JALR = 2;
    /** {@code jalr} with rd = x0. */
    static final int JR = 3;
    static final int BEQ = 4;
    static final int BNE = 5;
    static final int BLT = 6;
    static final int BGE = 7;
    static final int BLTU = 8;
    static final int BGEU = 9;

    // Operations that fall through to the next instruction.
    /** {@code fence}, {@code fence.i}, and every instruction whose only effect is writing x0. */
    static final int NOP = 10;
    /** {@code lui}, and {@code auipc} with pc + imm worked out: rd = imm. */
    static final int LOAD_IMMEDIATE = 11;
    static final int ADDI = 12;
    static final int SLTI = 13;
    static final int SLTIU = 14;
    static final int XORI = 15;
    static final int ORI = 16;
    static final int ANDI = 17;
    static final int SLLI = 18;
    static final int SRLI = 19;
    static final int SRAI = 20;
    static final int ADD = 21;
    static final int SUB = 22;
    static final int SLL = 23;
    static final int SLT = 24;
    static final int SLTU = 25;
    static final int XOR = 26;
    static final int SRL = 27;
    static final int SRA = 28;
    static final int OR = 29;
    static final int AND = 30;
    static final int LB = 31;
    static final int LH = 32;
    static final int LW = 33;
    static final int LBU = 34;
    static final int LHU = 35;
    static final int SB = 36;
    static final int SH = 37;
    static final int SW = 38;
    static final int MUL = 39;
    static final int MULH = 40;
    static final int MULHSU = 41;
    static final int MULHU = 42;
    static final int DIV = 43;
    static final int DIVU = 44;
    static final int REM = 45;
    static final int REMU = 46;
    static final int SH1ADD = 47;
    static final int SH2ADD = 48;
    static final int SH3ADD = 49;
    static final int ANDN = 50;
    static final int ORN = 51;
    static final int XNOR = 52;
    static final int CLZ = 53;
    static final int CTZ = 54;
    static final int CPOP = 55;
    static final int MAX = 56;
    static final int MAXU = 57;
    static final int MIN = 58;
    static final int MINU = 59;
    static final int SEXT_B = 60;
    static final int SEXT_H = 61;
    static final int ZEXT_H = 62;
    static final int ROL = 63;
    static final int ROR = 64;
    static final int RORI = 65;
    static final int ORC_B = 66;
    static final int REV8 = 67;
    static final int BCLR = 68;
    static final int BCLRI = 69;
    static final int BEXT = 70;
    static final int BEXTI = 71;
    static final int BINV = 72;
    static final int BINVI = 73;
    static final int BSET = 74;
    static final int BSETI = 75;
    /** Every F and D instruction. */
    static final int FLOAT = 76;

    /** {@code in}, decoded at {@code pc}, as the interpreter runs it. */
    static long encode(Instruction in, int pc) {
        if (runsOutOfLine(in.op)) {
            throw new IllegalArgumentException(in.op + " runs out of line");
        }
        int word = operation(in) | in.rd << 8 | in.rs1 << 16 | in.rs2 << 24;
        return (long) immediate(in, pc) << 32 | Integer.toUnsignedLong(word);
    }

    /** The immediate, with what the pc fixes worked out. */
    private static int immediate(Instruction in, int pc) {
        return switch (in.op) {
            case AUIPC, JAL, BEQ, BNE, BLT, BGE, BLTU, BGEU -> pc + in.imm;
            // the single-bit masks of Zbs
            case BCLRI, BINVI, BSETI -> 1 << in.imm;
            default -> in.imm;
        };
    }

    private static int operation(Instruction in) {
        if (RegisterUse.isFloatingPoint(in.op)) {
            return FLOAT;
        }
        if (in.rd == 0 && writesOnlyRd(in.op)) {
            return switch (in.op) {
                case JAL -> J;
                case JALR -> JR;
                default -> NOP;
            };
        }
        return switch (in.op) {
            case LUI, AUIPC -> LOAD_IMMEDIATE;
            case JAL -> JAL;
            case JALR -> JALR;
            case BEQ -> BEQ;
            case BNE -> BNE;
            case BLT -> BLT;
            case BGE -> BGE;
            case BLTU -> BLTU;
            case BGEU -> BGEU;
            case LB -> LB;
            case LH -> LH;
            case LW -> LW;
            case LBU -> LBU;
            case LHU -> LHU;
            case SB -> SB;
            case SH -> SH;
            case SW -> SW;
            case ADDI -> ADDI;
            case SLTI -> SLTI;
            case SLTIU -> SLTIU;
            case XORI -> XORI;
            case ORI -> ORI;
            case ANDI -> ANDI;
            case SLLI -> SLLI;
            case SRLI -> SRLI;
            case SRAI -> SRAI;
            case ADD -> ADD;
            case SUB -> SUB;
            case SLL -> SLL;
            case SLT -> SLT;
            case SLTU -> SLTU;
            case XOR -> XOR;
            case SRL -> SRL;
            case SRA -> SRA;
            case OR -> OR;
            case AND -> AND;
            case FENCE, FENCE_I -> NOP;
            case MUL -> MUL;
            case MULH -> MULH;
            case MULHSU -> MULHSU;
            case MULHU -> MULHU;
            case DIV -> DIV;
            case DIVU -> DIVU;
            case REM -> REM;
            case REMU -> REMU;
            case SH1ADD -> SH1ADD;
            case SH2ADD -> SH2ADD;
            case SH3ADD -> SH3ADD;
            case ANDN -> ANDN;
            case ORN -> ORN;
            case XNOR -> XNOR;
            case CLZ -> CLZ;
            case CTZ -> CTZ;
            case CPOP -> CPOP;
            case MAX -> MAX;
            case MAXU -> MAXU;
            case MIN -> MIN;
            case MINU -> MINU;
            case SEXT_B -> SEXT_B;
            case SEXT_H -> SEXT_H;
            case ZEXT_H -> ZEXT_H;
            case ROL -> ROL;
            case ROR -> ROR;
            case RORI -> RORI;
            case ORC_B -> ORC_B;
            case REV8 -> REV8;
            case BCLR -> BCLR;
            case BCLRI -> BCLRI;
            case BEXT -> BEXT;
            case BEXTI -> BEXTI;
            case BINV -> BINV;
            case BINVI -> BINVI;
            case BSET -> BSET;
            case BSETI -> BSETI;
            default -> throw new IllegalArgumentException("no interpreter operation for " + in.op);
        };
    }

    /**
     * Whether the instruction runs alone, outside the interpreter's hot loop: SYSTEM instructions
     * (system calls, CSRs, traps, illegal encodings), atomics and floating point, which call out to
     * the machine or to larger semantics. Keeping calls out of the loop keeps its registers in
     * registers.
     */
    static boolean runsOutOfLine(Opcode op) {
        return op.kind() == Opcode.Kind.SYSTEM || op.kind() == Opcode.Kind.ATOMIC
                || op == Opcode.LR_W || op == Opcode.SC_W;
    }

    /**
     * Whether writing rd is all the instruction does, besides jumping: with rd = x0 it then has no
     * effect on registers and memory. Loads are not among them (they can fault): they write x0 and
     * the interpreter sets it back to zero.
     */
    private static boolean writesOnlyRd(Opcode op) {
        return switch (op.kind()) {
            case PLAIN -> RegisterUse.writesIntegerRd(op);
            case JUMP -> true;
            default -> false;
        };
    }
}
