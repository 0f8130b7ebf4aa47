package dev.rvjar.semantics;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Cpu;

/**
 * The control and status registers rvjar implements, read and written through one place. Reading a
 * counter gives the exact number of instructions retired before the reading instruction.
 */
public final class Csr {
    public static final int FFLAGS = 0x001;
    public static final int FRM = 0x002;
    public static final int FCSR = 0x003;
    public static final int CYCLE = 0xC00;
    public static final int TIME = 0xC01;
    public static final int INSTRET = 0xC02;
    public static final int CYCLEH = 0xC80;
    public static final int TIMEH = 0xC81;
    public static final int INSTRETH = 0xC82;
    public static final int MSTATUS = 0x300;
    public static final int MISA = 0x301;
    public static final int MEDELEG = 0x302;
    public static final int MIDELEG = 0x303;
    public static final int MIE = 0x304;
    public static final int MTVEC = 0x305;
    public static final int MSTATUSH = 0x310;
    public static final int MSCRATCH = 0x340;
    public static final int MEPC = 0x341;
    public static final int MCAUSE = 0x342;
    public static final int MTVAL = 0x343;
    public static final int MIP = 0x344;
    public static final int SATP = 0x180;
    public static final int MCYCLE = 0xB00;
    public static final int MINSTRET = 0xB02;
    public static final int MCYCLEH = 0xB80;
    public static final int MINSTRETH = 0xB82;
    public static final int MVENDORID = 0xF11;
    public static final int MARCHID = 0xF12;
    public static final int MIMPID = 0xF13;
    public static final int MHARTID = 0xF14;

    public static final int TSELECT = 0x7A0;
    public static final int TDATA1 = 0x7A1;
    public static final int TDATA2 = 0x7A2;
    public static final int TDATA3 = 0x7A3;
    private static final int PMP_FIRST = 0x3A0;
    private static final int PMP_LAST = 0x3EF;

    /** mstatus fields (privileged spec, "Machine Status Register"). */
    public static final int MSTATUS_MIE = 1 << 3;
    public static final int MSTATUS_MPIE = 1 << 7;
    /** MPP is read-only machine mode: rvjar has no other privilege mode. */
    public static final int MSTATUS_MPP = 3 << 11;
    public static final int MSTATUS_SD = 1 << 31;
    private static final int MSTATUS_WRITABLE = MSTATUS_MIE | MSTATUS_MPIE | Fpu.MSTATUS_FS;

    /** RV32 with I, M, A, F, D, C; machine mode only (no U, no S), so misa is read-only. */
    public static final int MISA_VALUE = 0x4000_0000 | 1 << ('I' - 'A') | 1 << ('M' - 'A') | 1 << ('A' - 'A')
            | 1 << ('F' - 'A') | 1 << ('D' - 'A') | 1 << ('C' - 'A');
    /**
     * Strict RV32E: the same extensions on the E base instead of I (privileged spec, "Machine ISA
     * Register": E is bit 4, and I and E are never both set).
     */
    public static final int MISA_RV32E_VALUE = MISA_VALUE & ~(1 << ('I' - 'A')) | 1 << ('E' - 'A');

    private Csr() {
    }

    private static GuestFault illegal(int pc, int bits) {
        return GuestFault.of(FaultKind.ILLEGAL_INSTRUCTION, pc, bits);
    }

    private static boolean isPmp(int csr) {
        return csr >= PMP_FIRST && csr <= PMP_LAST;
    }

    /** mstatus as the guest reads it: the stored fields, MPP = machine, SD when FS is Dirty. */
    public static int mstatus(Cpu cpu) {
        int value = cpu.mstatus | MSTATUS_MPP;
        return (value & Fpu.MSTATUS_FS) == Fpu.MSTATUS_FS ? value | MSTATUS_SD : value;
    }

    /**
     * Reads a CSR as an instruction at {@code pc} (encoding {@code bits}) does; counters give the
     * number of instructions retired before it. Unknown CSRs are illegal instructions.
     */
    public static int read(Cpu cpu, int csr, int pc, int bits) {
        return switch (csr) {
            case FFLAGS -> {
                Fpu.use(cpu, pc, bits);
                yield cpu.fflags;
            }
            case FRM -> {
                Fpu.use(cpu, pc, bits);
                yield cpu.frm;
            }
            case FCSR -> {
                Fpu.use(cpu, pc, bits);
                yield cpu.frm << 5 | cpu.fflags;
            }
            case CYCLE, MCYCLE -> (int) (cpu.instret + cpu.cycleOffset);
            case CYCLEH, MCYCLEH -> (int) ((cpu.instret + cpu.cycleOffset) >>> 32);
            case INSTRET, MINSTRET -> (int) (cpu.instret + cpu.instretOffset);
            case INSTRETH, MINSTRETH -> (int) ((cpu.instret + cpu.instretOffset) >>> 32);
            case TIME -> (int) cpu.instret;
            case TIMEH -> (int) (cpu.instret >>> 32);
            case MSTATUS -> mstatus(cpu);
            case MISA -> cpu.rv32e ? MISA_RV32E_VALUE : MISA_VALUE;
            case MTVEC -> cpu.mtvec;
            case MEPC -> cpu.mepc;
            case MCAUSE -> cpu.mcause;
            case MTVAL -> cpu.mtval;
            case MSCRATCH -> cpu.mscratch;
            case MIE -> cpu.mie;
            case MIP -> cpu.mip;
            case MEDELEG, MIDELEG, MSTATUSH, SATP, MVENDORID, MARCHID, MIMPID, MHARTID,
                 TSELECT, TDATA1, TDATA2, TDATA3 -> 0;
            default -> {
                if (isPmp(csr)) {
                    yield cpu.pmp[csr - PMP_FIRST];
                }
                throw illegal(pc, bits);
            }
        };
    }

    /**
     * Writes a CSR as an instruction at {@code pc} does; read-only CSRs (number bits 11:10 = 11)
     * are illegal to write. A counter written takes the new value for the next instruction.
     * Registers rvjar accepts but does not model (satp, the delegation and trigger registers) ignore
     * writes; PMP registers keep what was written.
     */
    public static void write(Cpu cpu, int csr, int value, int pc, int bits) {
        if ((csr >>> 10) == 3) {
            throw illegal(pc, bits);
        }
        switch (csr) {
            case FFLAGS -> {
                Fpu.use(cpu, pc, bits);
                cpu.fflags = value & 0x1F;
            }
            case FRM -> {
                Fpu.use(cpu, pc, bits);
                cpu.frm = value & 7;
            }
            case FCSR -> {
                Fpu.use(cpu, pc, bits);
                cpu.fflags = value & 0x1F;
                cpu.frm = (value >>> 5) & 7;
            }
            case MSTATUS -> cpu.mstatus = value & MSTATUS_WRITABLE;
            case MTVEC -> {
                // Direct mode only: vectoring applies to interrupts, which rvjar does not have.
                cpu.mtvec = value & ~3;
                cpu.mtvecWritten = true;
            }
            case MEPC -> cpu.mepc = value & ~1;
            case MCAUSE -> cpu.mcause = value;
            case MTVAL -> cpu.mtval = value;
            case MSCRATCH -> cpu.mscratch = value;
            case MIE -> cpu.mie = value;
            case MIP -> cpu.mip = value;
            case MCYCLE -> cpu.cycleOffset = counterOffset(cpu, cpu.cycleOffset, value, false);
            case MCYCLEH -> cpu.cycleOffset = counterOffset(cpu, cpu.cycleOffset, value, true);
            case MINSTRET -> cpu.instretOffset = counterOffset(cpu, cpu.instretOffset, value, false);
            case MINSTRETH -> cpu.instretOffset = counterOffset(cpu, cpu.instretOffset, value, true);
            case MISA, MEDELEG, MIDELEG, MSTATUSH, SATP, TSELECT, TDATA1, TDATA2, TDATA3 -> { }
            default -> {
                if (!isPmp(csr)) {
                    throw illegal(pc, bits);
                }
                cpu.pmp[csr - PMP_FIRST] = value;
            }
        }
    }

    /**
     * The offset that makes a counter read {@code value} in its low or high half from the next
     * instruction on (which will see {@code cpu.instret + 1} retired).
     */
    private static long counterOffset(Cpu cpu, long offset, int value, boolean high) {
        long now = cpu.instret + offset;
        long wanted = high ? (long) value << 32 | (now & 0xFFFF_FFFFL) : (now & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL);
        return wanted - (cpu.instret + 1);
    }

    /** csrrw/csrrwi: the old value is read only when rd is not x0. */
    public static int readWrite(Cpu cpu, int csr, int value, boolean readOld, int pc, int bits) {
        int old = readOld ? read(cpu, csr, pc, bits) : 0;
        write(cpu, csr, value, pc, bits);
        return old;
    }

    /** csrrs/csrrsi: the CSR is written only when the source (rs1 or uimm) field is not zero. */
    public static int readSet(Cpu cpu, int csr, int mask, boolean writeNew, int pc, int bits) {
        int old = read(cpu, csr, pc, bits);
        if (writeNew) {
            write(cpu, csr, old | mask, pc, bits);
        }
        return old;
    }

    /** csrrc/csrrci: the CSR is written only when the source (rs1 or uimm) field is not zero. */
    public static int readClear(Cpu cpu, int csr, int mask, boolean writeNew, int pc, int bits) {
        int old = read(cpu, csr, pc, bits);
        if (writeNew) {
            write(cpu, csr, old & ~mask, pc, bits);
        }
        return old;
    }
}
