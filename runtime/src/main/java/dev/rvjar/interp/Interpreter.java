package dev.rvjar.interp;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Cpu;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.Traps;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.Memory;
import dev.rvjar.semantics.Csr;
import dev.rvjar.semantics.IntegerOps;

/**
 * Executes guest code one instruction at a time: everywhere at first, and wherever no translated
 * code exists once the translator is in use. Every instruction retired adds one to the counter; the
 * limit, a stop, and a way into translated code are checked after each instruction that ends a
 * basic block.
 */
public final class Interpreter {
    private final Machine machine;
    private final Cpu cpu;
    private final Memory memory;
    private final DecodeCache decoded;
    private int reservation = -1;
    private Tracer tracer;

    public Interpreter(Machine machine) {
        this.machine = machine;
        this.cpu = machine.cpu();
        this.memory = machine.memory();
        this.decoded = new DecodeCache(memory, machine.rv32e());
    }

    /** Reports every instruction before it executes; null turns tracing off. */
    public void trace(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs from {@code cpu.pc} until the machine stops, the limit is reached at a block end, or the
     * next block has translated code.
     */
    public void run() {
        final Cpu cpu = this.cpu;
        final int[] x = cpu.x;
        final Memory mem = memory;
        final TranslatedCode translated = machine.translatedCode();
        final Tracer tracer = this.tracer;
        int pc = cpu.pc;
        long instret = cpu.instret;
        try {
            while (true) {
                Instruction in = decoded.at(pc);
                if (tracer != null) {
                    tracer.beforeExecute(pc, in);
                }
                int next = pc + in.length;
                switch (in.op) {
                    case LUI -> x[in.rd] = in.imm;
                    case AUIPC -> x[in.rd] = pc + in.imm;
                    case JAL -> {
                        x[in.rd] = next;
                        next = pc + in.imm;
                    }
                    case JALR -> {
                        int target = (x[in.rs1] + in.imm) & ~1;
                        x[in.rd] = next;
                        next = target;
                    }
                    case BEQ -> next = x[in.rs1] == x[in.rs2] ? pc + in.imm : next;
                    case BNE -> next = x[in.rs1] != x[in.rs2] ? pc + in.imm : next;
                    case BLT -> next = x[in.rs1] < x[in.rs2] ? pc + in.imm : next;
                    case BGE -> next = x[in.rs1] >= x[in.rs2] ? pc + in.imm : next;
                    case BLTU -> next = Integer.compareUnsigned(x[in.rs1], x[in.rs2]) < 0 ? pc + in.imm : next;
                    case BGEU -> next = Integer.compareUnsigned(x[in.rs1], x[in.rs2]) >= 0 ? pc + in.imm : next;
                    case LB -> x[in.rd] = mem.loadByte(x[in.rs1] + in.imm);
                    case LH -> x[in.rd] = mem.loadHalf(x[in.rs1] + in.imm);
                    case LW -> x[in.rd] = mem.loadWord(x[in.rs1] + in.imm);
                    case LBU -> x[in.rd] = mem.loadByteUnsigned(x[in.rs1] + in.imm);
                    case LHU -> x[in.rd] = mem.loadHalfUnsigned(x[in.rs1] + in.imm);
                    case SB -> mem.storeByte(x[in.rs1] + in.imm, x[in.rs2]);
                    case SH -> mem.storeHalf(x[in.rs1] + in.imm, x[in.rs2]);
                    case SW -> mem.storeWord(x[in.rs1] + in.imm, x[in.rs2]);
                    case ADDI -> x[in.rd] = x[in.rs1] + in.imm;
                    case SLTI -> x[in.rd] = IntegerOps.slt(x[in.rs1], in.imm);
                    case SLTIU -> x[in.rd] = IntegerOps.sltu(x[in.rs1], in.imm);
                    case XORI -> x[in.rd] = x[in.rs1] ^ in.imm;
                    case ORI -> x[in.rd] = x[in.rs1] | in.imm;
                    case ANDI -> x[in.rd] = x[in.rs1] & in.imm;
                    case SLLI -> x[in.rd] = x[in.rs1] << in.imm;
                    case SRLI -> x[in.rd] = x[in.rs1] >>> in.imm;
                    case SRAI -> x[in.rd] = x[in.rs1] >> in.imm;
                    case ADD -> x[in.rd] = x[in.rs1] + x[in.rs2];
                    case SUB -> x[in.rd] = x[in.rs1] - x[in.rs2];
                    case SLL -> x[in.rd] = x[in.rs1] << x[in.rs2];
                    case SLT -> x[in.rd] = IntegerOps.slt(x[in.rs1], x[in.rs2]);
                    case SLTU -> x[in.rd] = IntegerOps.sltu(x[in.rs1], x[in.rs2]);
                    case XOR -> x[in.rd] = x[in.rs1] ^ x[in.rs2];
                    case SRL -> x[in.rd] = x[in.rs1] >>> x[in.rs2];
                    case SRA -> x[in.rd] = x[in.rs1] >> x[in.rs2];
                    case OR -> x[in.rd] = x[in.rs1] | x[in.rs2];
                    case AND -> x[in.rd] = x[in.rs1] & x[in.rs2];
                    case FENCE, FENCE_I -> { }
                    case ECALL -> {
                        cpu.pc = pc;
                        cpu.instret = instret;
                        machine.environmentCall();
                        next = cpu.pc + in.length;
                    }
                    case EBREAK -> throw GuestFault.of(FaultKind.BREAKPOINT, pc, pc);
                    case MRET -> next = Traps.mret(cpu);
                    case WFI -> { }
                    case CSRRW, CSRRWI, CSRRS, CSRRSI, CSRRC, CSRRCI -> {
                        cpu.instret = instret;
                        x[in.rd] = csr(in, pc, x);
                    }
                    case MUL -> x[in.rd] = x[in.rs1] * x[in.rs2];
                    case MULH -> x[in.rd] = IntegerOps.mulh(x[in.rs1], x[in.rs2]);
                    case MULHSU -> x[in.rd] = IntegerOps.mulhsu(x[in.rs1], x[in.rs2]);
                    case MULHU -> x[in.rd] = IntegerOps.mulhu(x[in.rs1], x[in.rs2]);
                    case DIV -> x[in.rd] = IntegerOps.div(x[in.rs1], x[in.rs2]);
                    case DIVU -> x[in.rd] = IntegerOps.divu(x[in.rs1], x[in.rs2]);
                    case REM -> x[in.rd] = IntegerOps.rem(x[in.rs1], x[in.rs2]);
                    case REMU -> x[in.rd] = IntegerOps.remu(x[in.rs1], x[in.rs2]);
                    case LR_W -> {
                        int address = x[in.rs1];
                        x[in.rd] = mem.loadWord(address);
                        reservation = address;
                    }
                    case SC_W -> {
                        int address = x[in.rs1];
                        if (reservation == address) {
                            mem.storeWord(address, x[in.rs2]);
                            x[in.rd] = 0;
                        } else {
                            x[in.rd] = 1;
                        }
                        reservation = -1;
                    }
                    case AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W, AMOMINU_W, AMOMAXU_W -> {
                        int address = x[in.rs1];
                        int old = mem.loadWord(address);
                        mem.storeWord(address, IntegerOps.atomic(in.op, old, x[in.rs2]));
                        x[in.rd] = old;
                    }
                    case SH1ADD -> x[in.rd] = (x[in.rs1] << 1) + x[in.rs2];
                    case SH2ADD -> x[in.rd] = (x[in.rs1] << 2) + x[in.rs2];
                    case SH3ADD -> x[in.rd] = (x[in.rs1] << 3) + x[in.rs2];
                    case ANDN -> x[in.rd] = x[in.rs1] & ~x[in.rs2];
                    case ORN -> x[in.rd] = x[in.rs1] | ~x[in.rs2];
                    case XNOR -> x[in.rd] = ~(x[in.rs1] ^ x[in.rs2]);
                    case CLZ -> x[in.rd] = Integer.numberOfLeadingZeros(x[in.rs1]);
                    case CTZ -> x[in.rd] = Integer.numberOfTrailingZeros(x[in.rs1]);
                    case CPOP -> x[in.rd] = Integer.bitCount(x[in.rs1]);
                    case MAX -> x[in.rd] = Math.max(x[in.rs1], x[in.rs2]);
                    case MAXU -> x[in.rd] = IntegerOps.maxu(x[in.rs1], x[in.rs2]);
                    case MIN -> x[in.rd] = Math.min(x[in.rs1], x[in.rs2]);
                    case MINU -> x[in.rd] = IntegerOps.minu(x[in.rs1], x[in.rs2]);
                    case SEXT_B -> x[in.rd] = (byte) x[in.rs1];
                    case SEXT_H -> x[in.rd] = (short) x[in.rs1];
                    case ZEXT_H -> x[in.rd] = x[in.rs1] & 0xFFFF;
                    case ROL -> x[in.rd] = Integer.rotateLeft(x[in.rs1], x[in.rs2]);
                    case ROR -> x[in.rd] = Integer.rotateRight(x[in.rs1], x[in.rs2]);
                    case RORI -> x[in.rd] = Integer.rotateRight(x[in.rs1], in.imm);
                    case ORC_B -> x[in.rd] = IntegerOps.orcb(x[in.rs1]);
                    case REV8 -> x[in.rd] = Integer.reverseBytes(x[in.rs1]);
                    case BCLR -> x[in.rd] = x[in.rs1] & ~(1 << x[in.rs2]);
                    case BCLRI -> x[in.rd] = x[in.rs1] & ~(1 << in.imm);
                    case BEXT -> x[in.rd] = (x[in.rs1] >>> x[in.rs2]) & 1;
                    case BEXTI -> x[in.rd] = (x[in.rs1] >>> in.imm) & 1;
                    case BINV -> x[in.rd] = x[in.rs1] ^ (1 << x[in.rs2]);
                    case BINVI -> x[in.rd] = x[in.rs1] ^ (1 << in.imm);
                    case BSET -> x[in.rd] = x[in.rs1] | (1 << x[in.rs2]);
                    case BSETI -> x[in.rd] = x[in.rs1] | (1 << in.imm);
                    case FLW, FSW, FLD, FSD,
                         FMADD_S, FMSUB_S, FNMSUB_S, FNMADD_S, FADD_S, FSUB_S, FMUL_S, FDIV_S, FSQRT_S,
                         FSGNJ_S, FSGNJN_S, FSGNJX_S, FMIN_S, FMAX_S, FCVT_W_S, FCVT_WU_S, FMV_X_W,
                         FEQ_S, FLT_S, FLE_S, FCLASS_S, FCVT_S_W, FCVT_S_WU, FMV_W_X,
                         FMADD_D, FMSUB_D, FNMSUB_D, FNMADD_D, FADD_D, FSUB_D, FMUL_D, FDIV_D, FSQRT_D,
                         FSGNJ_D, FSGNJN_D, FSGNJX_D, FMIN_D, FMAX_D, FCVT_S_D, FCVT_D_S,
                         FEQ_D, FLT_D, FLE_D, FCLASS_D, FCVT_W_D, FCVT_WU_D, FCVT_D_W, FCVT_D_WU ->
                            FloatInstructions.execute(in, pc, cpu, mem);
                    default -> throw GuestFault.of(FaultKind.ILLEGAL_INSTRUCTION, pc, in.bits);
                }
                x[0] = 0;
                instret++;
                if (in.op.endsBlock()) {
                    if (next == pc && (in.op != Opcode.JALR || in.rd != in.rs1 || in.rd == 0)) {
                        cpu.pc = pc;
                        cpu.instret = instret;
                        machine.jumpedToItself();
                        return;
                    }
                    if (instret >= cpu.limit || (translated != null && translated.hasCodeAt(next))) {
                        cpu.pc = next;
                        cpu.instret = instret;
                        return;
                    }
                }
                pc = next;
            }
        } catch (GuestFault fault) {
            cpu.pc = pc;
            cpu.instret = instret;
            throw fault.at(pc);
        }
    }

    private int csr(Instruction in, int pc, int[] x) {
        boolean immediate = in.op == Opcode.CSRRWI || in.op == Opcode.CSRRSI
                || in.op == Opcode.CSRRCI;
        int source = immediate ? in.rs1 : x[in.rs1];
        return switch (in.op) {
            case CSRRW, CSRRWI -> Csr.readWrite(cpu, in.imm, source, in.rd != 0, pc, in.bits);
            case CSRRS, CSRRSI -> Csr.readSet(cpu, in.imm, source, in.rs1 != 0, pc, in.bits);
            default -> Csr.readClear(cpu, in.imm, source, in.rs1 != 0, pc, in.bits);
        };
    }
}
