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
import dev.rvjar.semantics.Reservation;

import static dev.rvjar.interp.MicroOp.*;

/**
 * Executes guest code a decoded {@link Block} at a time: everywhere at first, and wherever no
 * translated code exists once the translator is in use. The counter is brought up to date once per
 * block (and exactly, per instruction, when a fault escapes); the limit, a stop, and a way into
 * translated code are checked after each block that ends with a branch, jump or SYSTEM instruction.
 *
 * <p>{@link #execute} is the hot loop: one {@code tableswitch} per instruction on {@link MicroOp}
 * codes, registers and immediate unpacked from one long. Besides the memory accesses, which
 * HotSpot inlines, its only call is into {@link FloatInstructions}: instructions that need the
 * machine (system calls, CSRs, traps, atomics) are blocks of their own run by
 * {@link #executeOutOfLine}, and tracing makes every block one instruction long, so the loop has no
 * rare calls that would make C2 spill its registers.
 */
public final class Interpreter {
    private final Machine machine;
    private final Cpu cpu;
    private final Memory memory;
    private BlockCache blocks;
    private Tracer tracer;

    public Interpreter(Machine machine) {
        this.machine = machine;
        this.cpu = machine.cpu();
        this.memory = machine.memory();
        this.blocks = new BlockCache(memory, machine.rv32e(), Block.MAX_INSTRUCTIONS);
    }

    /**
     * Reports every instruction before it executes; null turns tracing off. While tracing, every
     * block is one instruction, so the tracer is called once per block.
     */
    public void trace(Tracer tracer) {
        this.tracer = tracer;
        this.blocks = new BlockCache(memory, machine.rv32e(), tracer == null ? Block.MAX_INSTRUCTIONS : 1);
    }

    /**
     * Runs from {@code cpu.pc} until the machine stops, the limit is reached at a block end, or the
     * next block has translated code.
     */
    public void run() {
        final Cpu cpu = this.cpu;
        final BlockCache blocks = this.blocks;
        final TranslatedCode translated = machine.translatedCode();
        final Tracer tracer = this.tracer;
        int pc = cpu.pc;
        long instret = cpu.instret;
        while (true) {
            final Block block;
            try {
                block = blocks.at(pc);
            } catch (GuestFault fault) {
                throw faultAt(fault, pc, instret);
            }
            if (tracer != null) {
                // while tracing, every block is one instruction
                tracer.beforeExecute(pc, block.instructions[0]);
            }
            final int next = block.outOfLine
                    ? executeOutOfLine(block.instructions[0], pc, instret)
                    : execute(block, instret);
            instret += block.length();
            if (block.endsBasicBlock) {
                if (next == block.lastPc && block.stopsOnJumpToItself) {
                    cpu.pc = next;
                    cpu.instret = instret;
                    machine.jumpedToItself();
                    return;
                }
                // a call from the host returns at HOST_RETURN, which the machine recognises
                if (instret >= cpu.limit || next == Machine.HOST_RETURN || (translated != null && translated.hasCodeAt(next))) {
                    cpu.pc = next;
                    cpu.instret = instret;
                    return;
                }
            }
            pc = next;
        }
    }

    /** Leaves the state exact at the faulting instruction and returns the fault to throw. */
    private GuestFault faultAt(GuestFault fault, int pc, long instret) {
        cpu.pc = pc;
        cpu.instret = instret;
        return fault.at(pc);
    }

    /**
     * Runs {@code block}, entered with the counter at {@code instret}, and returns the pc to go on
     * at. Invoked once per block, so HotSpot compiles it as an ordinary method, not as an
     * on-stack replacement of a loop that runs for the whole call (measured: fewer spills).
     */
    private int execute(Block block, long instret) {
        final Cpu cpu = this.cpu;
        final int[] x = cpu.x;
        final Memory mem = memory;
        final long[] code = block.code;
        int i = 0;
        try {
            for (; i < code.length; i++) {
                final long operation = code[i];
                final int word = (int) operation;
                final int imm = (int) (operation >>> 32);
                final int rd = (word >>> 8) & 31;
                final int rs1 = (word >>> 16) & 31;
                final int rs2 = word >>> 24;
                switch (word & 0xFF) {
                    case JAL -> {
                        x[rd] = block.end;
                        return imm;
                    }
                    case J -> {
                        return imm;
                    }
                    case JALR -> {
                        int target = (x[rs1] + imm) & ~1;
                        x[rd] = block.end;
                        return target;
                    }
                    case JR -> {
                        return (x[rs1] + imm) & ~1;
                    }
                    case BEQ -> {
                        return x[rs1] == x[rs2] ? imm : block.end;
                    }
                    case BNE -> {
                        return x[rs1] != x[rs2] ? imm : block.end;
                    }
                    case BLT -> {
                        return x[rs1] < x[rs2] ? imm : block.end;
                    }
                    case BGE -> {
                        return x[rs1] >= x[rs2] ? imm : block.end;
                    }
                    case BLTU -> {
                        return Integer.compareUnsigned(x[rs1], x[rs2]) < 0 ? imm : block.end;
                    }
                    case BGEU -> {
                        return Integer.compareUnsigned(x[rs1], x[rs2]) >= 0 ? imm : block.end;
                    }
                    case NOP -> { }
                    case LOAD_IMMEDIATE -> x[rd] = imm;
                    case ADDI -> x[rd] = x[rs1] + imm;
                    case SLTI -> x[rd] = IntegerOps.slt(x[rs1], imm);
                    case SLTIU -> x[rd] = IntegerOps.sltu(x[rs1], imm);
                    case XORI -> x[rd] = x[rs1] ^ imm;
                    case ORI -> x[rd] = x[rs1] | imm;
                    case ANDI -> x[rd] = x[rs1] & imm;
                    case SLLI -> x[rd] = x[rs1] << imm;
                    case SRLI -> x[rd] = x[rs1] >>> imm;
                    case SRAI -> x[rd] = x[rs1] >> imm;
                    case ADD -> x[rd] = x[rs1] + x[rs2];
                    case SUB -> x[rd] = x[rs1] - x[rs2];
                    case SLL -> x[rd] = x[rs1] << x[rs2];
                    case SLT -> x[rd] = IntegerOps.slt(x[rs1], x[rs2]);
                    case SLTU -> x[rd] = IntegerOps.sltu(x[rs1], x[rs2]);
                    case XOR -> x[rd] = x[rs1] ^ x[rs2];
                    case SRL -> x[rd] = x[rs1] >>> x[rs2];
                    case SRA -> x[rd] = x[rs1] >> x[rs2];
                    case OR -> x[rd] = x[rs1] | x[rs2];
                    case AND -> x[rd] = x[rs1] & x[rs2];
                    // a load into x0 still accesses memory (and may fault), then x0 is put back
                    case LB -> {
                        x[rd] = mem.loadByte(x[rs1] + imm);
                        x[0] = 0;
                    }
                    case LH -> {
                        x[rd] = mem.loadHalf(x[rs1] + imm);
                        x[0] = 0;
                    }
                    case LW -> {
                        x[rd] = mem.loadWord(x[rs1] + imm);
                        x[0] = 0;
                    }
                    case LBU -> {
                        x[rd] = mem.loadByteUnsigned(x[rs1] + imm);
                        x[0] = 0;
                    }
                    case LHU -> {
                        x[rd] = mem.loadHalfUnsigned(x[rs1] + imm);
                        x[0] = 0;
                    }
                    case SB -> mem.storeByte(x[rs1] + imm, x[rs2]);
                    case SH -> mem.storeHalf(x[rs1] + imm, x[rs2]);
                    case SW -> mem.storeWord(x[rs1] + imm, x[rs2]);
                    case MUL -> x[rd] = x[rs1] * x[rs2];
                    case MULH -> x[rd] = IntegerOps.mulh(x[rs1], x[rs2]);
                    case MULHSU -> x[rd] = IntegerOps.mulhsu(x[rs1], x[rs2]);
                    case MULHU -> x[rd] = IntegerOps.mulhu(x[rs1], x[rs2]);
                    case DIV -> x[rd] = IntegerOps.div(x[rs1], x[rs2]);
                    case DIVU -> x[rd] = IntegerOps.divu(x[rs1], x[rs2]);
                    case REM -> x[rd] = IntegerOps.rem(x[rs1], x[rs2]);
                    case REMU -> x[rd] = IntegerOps.remu(x[rs1], x[rs2]);
                    case SH1ADD -> x[rd] = (x[rs1] << 1) + x[rs2];
                    case SH2ADD -> x[rd] = (x[rs1] << 2) + x[rs2];
                    case SH3ADD -> x[rd] = (x[rs1] << 3) + x[rs2];
                    case ANDN -> x[rd] = x[rs1] & ~x[rs2];
                    case ORN -> x[rd] = x[rs1] | ~x[rs2];
                    case XNOR -> x[rd] = ~(x[rs1] ^ x[rs2]);
                    case CLZ -> x[rd] = Integer.numberOfLeadingZeros(x[rs1]);
                    case CTZ -> x[rd] = Integer.numberOfTrailingZeros(x[rs1]);
                    case CPOP -> x[rd] = Integer.bitCount(x[rs1]);
                    case MAX -> x[rd] = Math.max(x[rs1], x[rs2]);
                    case MAXU -> x[rd] = IntegerOps.maxu(x[rs1], x[rs2]);
                    case MIN -> x[rd] = Math.min(x[rs1], x[rs2]);
                    case MINU -> x[rd] = IntegerOps.minu(x[rs1], x[rs2]);
                    case SEXT_B -> x[rd] = (byte) x[rs1];
                    case SEXT_H -> x[rd] = (short) x[rs1];
                    case ZEXT_H -> x[rd] = x[rs1] & 0xFFFF;
                    case ROL -> x[rd] = Integer.rotateLeft(x[rs1], x[rs2]);
                    case ROR -> x[rd] = Integer.rotateRight(x[rs1], x[rs2]);
                    case RORI -> x[rd] = Integer.rotateRight(x[rs1], imm);
                    case ORC_B -> x[rd] = IntegerOps.orcb(x[rs1]);
                    case REV8 -> x[rd] = Integer.reverseBytes(x[rs1]);
                    case BCLR -> x[rd] = x[rs1] & ~(1 << x[rs2]);
                    case BCLRI -> x[rd] = x[rs1] & ~imm;
                    case BEXT -> x[rd] = (x[rs1] >>> x[rs2]) & 1;
                    case BEXTI -> x[rd] = (x[rs1] >>> imm) & 1;
                    case BINV -> x[rd] = x[rs1] ^ (1 << x[rs2]);
                    case BINVI -> x[rd] = x[rs1] ^ imm;
                    case BSET -> x[rd] = x[rs1] | (1 << x[rs2]);
                    case BSETI -> x[rd] = x[rs1] | imm;
                    case FLOAT -> {
                        FloatInstructions.execute(block.instructions[i], block.pcs[i], cpu, mem);
                        x[0] = 0;
                    }
                    default -> throw new IllegalStateException("unknown interpreter operation " + (word & 0xFF));
                }
            }
            // a block cut short: no instruction chose where to go on
            return block.end;
        } catch (GuestFault fault) {
            throw faultAt(fault, block.pcs[i], instret + i);
        }
    }

    /**
     * Runs an instruction that is a block of its own, at {@code pc} with the counter at
     * {@code instret}, and returns the pc to go on at.
     */
    private int executeOutOfLine(Instruction in, int pc, long instret) {
        final int[] x = cpu.x;
        try {
            int next = pc + in.length;
            switch (in.op) {
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
                case ILLEGAL -> throw GuestFault.of(FaultKind.ILLEGAL_INSTRUCTION, pc, in.bits);
                case LR_W, SC_W, AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W, AMOMINU_W,
                     AMOMAXU_W -> atomic(in, x);
                default -> FloatInstructions.execute(in, pc, cpu, memory);
            }
            // system calls, CSR reads into x0 and floating-point results for x0 write it
            x[0] = 0;
            return next;
        } catch (GuestFault fault) {
            throw faultAt(fault, pc, instret);
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

    /** LR.W, SC.W and the AMOs. */
    private void atomic(Instruction in, int[] x) {
        Memory mem = memory;
        int address = x[in.rs1];
        int result;
        switch (in.op) {
            case LR_W -> result = Reservation.loadReserved(cpu, mem, address);
            case SC_W -> result = Reservation.storeConditional(cpu, mem, address, x[in.rs2]);
            default -> {
                result = mem.loadWord(address);
                mem.storeWord(address, IntegerOps.atomic(in.op, result, x[in.rs2]));
            }
        }
        x[in.rd] = result;
    }
}
