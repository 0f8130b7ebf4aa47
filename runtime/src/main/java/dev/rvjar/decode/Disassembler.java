package dev.rvjar.decode;

import java.util.function.IntFunction;

/**
 * Formats instructions the way {@code riscv64-unknown-elf-objdump -d} does: ABI register names,
 * the same pseudo-instructions, hex shift amounts and absolute branch targets.
 */
public final class Disassembler {
    private static final String[] X = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
    private static final String[] F = {
        "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
        "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};
    private static final String[] ROUNDING = {"rne", "rtz", "rdn", "rup", "rmm", "", "", "dyn"};

    private Disassembler() {
    }

    /** The ABI name of integer register {@code n}. */
    public static String x(int n) {
        return X[n];
    }

    /** The ABI name of floating-point register {@code n}. */
    public static String f(int n) {
        return F[n];
    }

    public static String format(Instruction in, int pc) {
        return format(in, pc, address -> null);
    }

    /**
     * Formats {@code in} located at {@code pc}; {@code symbolAt} names code addresses for branch
     * and jump targets ({@code null} where it knows none).
     */
    public static String format(Instruction in, int pc, IntFunction<String> symbolAt) {
        String m = in.op.mnemonic();
        int target = pc + in.imm;
        return switch (in.op) {
            case ILLEGAL -> in.isCompressed() && in.bits == 0 ? "unimp" : in.bits == 0xc0001073 ? "unimp"
                    : String.format(in.isCompressed() ? ".short\t0x%04x" : ".word\t0x%08x", in.bits);
            case LUI, AUIPC -> m + "\t" + X[in.rd] + "," + hex(in.imm >>> 12);
            case JAL -> in.rd == 0 ? "j\t" + label(target, symbolAt)
                    : in.rd == 1 ? "jal\t" + label(target, symbolAt)
                    : "jal\t" + X[in.rd] + "," + label(target, symbolAt);
            case JALR -> jalr(in);
            case BEQ, BNE, BLT, BGE, BLTU, BGEU -> branch(in, m, label(target, symbolAt));
            case LB, LH, LW, LBU, LHU -> m + "\t" + X[in.rd] + "," + in.imm + "(" + X[in.rs1] + ")";
            case SB, SH, SW -> m + "\t" + X[in.rs2] + "," + in.imm + "(" + X[in.rs1] + ")";
            case FLW, FLD -> m + "\t" + F[in.rd] + "," + in.imm + "(" + X[in.rs1] + ")";
            case FSW, FSD -> m + "\t" + F[in.rs2] + "," + in.imm + "(" + X[in.rs1] + ")";
            case ADDI -> addi(in);
            case XORI -> in.imm == -1 ? "not\t" + X[in.rd] + "," + X[in.rs1] : immediate(in, "xor");
            case SLTIU -> in.imm == 1 ? "seqz\t" + X[in.rd] + "," + X[in.rs1] : immediate(in, m);
            case ANDI -> in.imm == 255 ? "zext.b\t" + X[in.rd] + "," + X[in.rs1] : immediate(in, "and");
            case ORI -> immediate(in, "or");
            case SLTI -> immediate(in, m);
            // binutils 2.40 lists "add rd,rs,imm"-style aliases before the immediate forms, so
            // objdump names the shifts and bit operations with an immediate without their "i".
            case SLLI, SRLI, SRAI, RORI, BCLRI, BEXTI, BINVI, BSETI ->
                    m.substring(0, m.length() - 1) + "\t" + X[in.rd] + "," + X[in.rs1] + "," + hex(in.imm);
            case ADD -> in.rs1 == 0 && in.isCompressed() ? "mv\t" + X[in.rd] + "," + X[in.rs2] : register3(in, m);
            case SUB -> in.rs1 == 0 ? "neg\t" + X[in.rd] + "," + X[in.rs2] : register3(in, m);
            case SLTU -> in.rs1 == 0 ? "snez\t" + X[in.rd] + "," + X[in.rs2] : register3(in, m);
            case SLT -> in.rs2 == 0 ? "sltz\t" + X[in.rd] + "," + X[in.rs1]
                    : in.rs1 == 0 ? "sgtz\t" + X[in.rd] + "," + X[in.rs2] : register3(in, m);
            case CLZ, CTZ, CPOP, SEXT_B, SEXT_H, ZEXT_H, ORC_B, REV8 -> m + "\t" + X[in.rd] + "," + X[in.rs1];
            case FENCE -> in.bits == 0x8330000f ? "fence.tso" : fence(in);
            case FENCE_I, ECALL, EBREAK, MRET, WFI -> m;
            case CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI -> csr(in, m);
            case LR_W -> m + ordering(in) + "\t" + X[in.rd] + ",(" + X[in.rs1] + ")";
            case SC_W, AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W, AMOMINU_W, AMOMAXU_W ->
                    m + ordering(in) + "\t" + X[in.rd] + "," + X[in.rs2] + ",(" + X[in.rs1] + ")";
            default -> RegisterUse.isFloatingPoint(in.op) ? FloatingPointSyntax.format(in, m) : register3(in, m);
        };
    }

    /** The memory-ordering suffix of an atomic instruction: its aq (bit 26) and rl (bit 25) bits. */
    private static String ordering(Instruction in) {
        return switch ((in.bits >>> 25) & 3) {
            case 1 -> ".rl";
            case 2 -> ".aq";
            case 3 -> ".aqrl";
            default -> "";
        };
    }

    private static String label(int target, IntFunction<String> symbolAt) {
        String symbol = symbolAt.apply(target);
        return Integer.toHexString(target) + (symbol == null ? "" : " <" + symbol + ">");
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }

    private static String jalr(Instruction in) {
        if (in.imm == 0) {
            if (in.rd == 0) {
                return in.rs1 == 1 ? "ret" : "jr\t" + X[in.rs1];
            }
            if (in.rd == 1) {
                return "jalr\t" + X[in.rs1];
            }
        }
        if (in.rd == 0) {
            return "jr\t" + in.imm + "(" + X[in.rs1] + ")";
        }
        if (in.imm == 0) {
            return "jalr\t" + X[in.rd] + "," + X[in.rs1];
        }
        if (in.rd == 1) {
            return "jalr\t" + in.imm + "(" + X[in.rs1] + ")";
        }
        return "jalr\t" + X[in.rd] + "," + in.imm + "(" + X[in.rs1] + ")";
    }

    private static String branch(Instruction in, String m, String target) {
        // objdump's table lists blez (rs1 = zero) before bgez (rs2 = zero), but bltz before bgtz.
        if (in.rs1 == 0 && in.op == Opcode.BGE) {
            return "blez\t" + X[in.rs2] + "," + target;
        }
        if (in.rs2 == 0) {
            switch (in.op) {
                case BEQ: return "beqz\t" + X[in.rs1] + "," + target;
                case BNE: return "bnez\t" + X[in.rs1] + "," + target;
                case BLT: return "bltz\t" + X[in.rs1] + "," + target;
                case BGE: return "bgez\t" + X[in.rs1] + "," + target;
                default: break;
            }
        }
        if (in.rs1 == 0) {
            switch (in.op) {
                case BLT: return "bgtz\t" + X[in.rs2] + "," + target;
                case BGE: return "blez\t" + X[in.rs2] + "," + target;
                default: break;
            }
        }
        return m + "\t" + X[in.rs1] + "," + X[in.rs2] + "," + target;
    }

    private static String addi(Instruction in) {
        if (in.rd == 0 && in.rs1 == 0 && in.imm == 0) {
            return "nop";
        }
        if (in.rs1 == 0) {
            return "li\t" + X[in.rd] + "," + in.imm;
        }
        if (in.imm == 0) {
            return "mv\t" + X[in.rd] + "," + X[in.rs1];
        }
        return immediate(in, "add");
    }

    private static String immediate(Instruction in, String m) {
        return m + "\t" + X[in.rd] + "," + X[in.rs1] + "," + in.imm;
    }

    private static String register3(Instruction in, String m) {
        return m + "\t" + X[in.rd] + "," + X[in.rs1] + "," + X[in.rs2];
    }

    private static String fence(Instruction in) {
        int pred = (in.bits >>> 24) & 15;
        int succ = (in.bits >>> 20) & 15;
        if (pred == 15 && succ == 15) {
            return "fence";
        }
        return "fence\t" + fenceSet(pred) + "," + fenceSet(succ);
    }

    private static String fenceSet(int set) {
        StringBuilder sb = new StringBuilder();
        if ((set & 8) != 0) sb.append('i');
        if ((set & 4) != 0) sb.append('o');
        if ((set & 2) != 0) sb.append('r');
        if ((set & 1) != 0) sb.append('w');
        return sb.length() == 0 ? "0" : sb.toString();
    }

    /**
     * CSR instructions as objdump prints them: the read/write pseudo-instructions (csrr, csrw,
     * frflags, fsrm, ...) where they apply, and the immediate forms under the register form's name
     * with an immediate operand (binutils accepts and prints {@code csrrw a0,mstatus,3}).
     */
    private static String csr(Instruction in, String m) {
        String csr = CsrNames.name(in.imm);
        boolean immediate = in.op == Opcode.CSRRWI || in.op == Opcode.CSRRSI || in.op == Opcode.CSRRCI;
        String source = immediate ? Integer.toString(in.rs1) : X[in.rs1];
        String base = immediate ? m.substring(0, m.length() - 1) : m;
        boolean floatCsr = in.imm >= 1 && in.imm <= 3;
        String floatName = floatCsr ? new String[] {"", "flags", "rm", "csr"}[in.imm] : null;
        if (in.op == Opcode.CSRRS && in.rs1 == 0) {
            String counter = switch (in.imm) {
                case 0xC00 -> "rdcycle";
                case 0xC01 -> "rdtime";
                case 0xC02 -> "rdinstret";
                case 0xC80 -> "rdcycleh";
                case 0xC81 -> "rdtimeh";
                case 0xC82 -> "rdinstreth";
                default -> floatCsr ? "fr" + floatName : null;
            };
            return counter != null ? counter + "\t" + X[in.rd] : "csrr\t" + X[in.rd] + "," + csr;
        }
        if (in.op == Opcode.CSRRW && floatCsr) {
            return "fs" + floatName + "\t" + (in.rd == 0 ? "" : X[in.rd] + ",") + source;
        }
        if (in.op == Opcode.CSRRWI && (in.imm == 1 || in.imm == 2)) {
            return "fs" + floatName + "i\t" + X[in.rd] + "," + source;
        }
        if (in.rd == 0) {
            String shortForm = switch (in.op) {
                case CSRRW, CSRRWI -> "csrw";
                case CSRRS, CSRRSI -> "csrs";
                default -> "csrc";
            };
            return shortForm + "\t" + csr + "," + source;
        }
        return base + "\t" + X[in.rd] + "," + csr + "," + source;
    }

    /** The rounding-mode suffix objdump prints: nothing for the dynamic mode. */
    static String roundingSuffix(Instruction in) {
        return in.rm == 7 ? "" : "," + ROUNDING[in.rm];
    }
}
