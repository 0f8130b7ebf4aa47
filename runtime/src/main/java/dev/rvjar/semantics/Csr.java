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

    /** RV32 with I, M, A, F, D, C. */
    public static final int MISA_VALUE = 0x4000_0000 | 1 << ('I' - 'A') | 1 << ('M' - 'A') | 1 << ('A' - 'A')
            | 1 << ('F' - 'A') | 1 << ('D' - 'A') | 1 << ('C' - 'A');

    private Csr() {
    }

    private static GuestFault illegal(int pc, int bits) {
        return GuestFault.of(FaultKind.ILLEGAL_INSTRUCTION, pc, bits);
    }

    private static boolean isPmp(int csr) {
        return csr >= 0x3A0 && csr <= 0x3EF;
    }

    public static int read(Cpu cpu, int csr, int pc, int bits) {
        return switch (csr) {
            case FFLAGS -> cpu.fflags;
            case FRM -> cpu.frm;
            case FCSR -> cpu.frm << 5 | cpu.fflags;
            case CYCLE, TIME, INSTRET, MCYCLE, MINSTRET -> (int) cpu.instret;
            case CYCLEH, TIMEH, INSTRETH, MCYCLEH, MINSTRETH -> (int) (cpu.instret >>> 32);
            case MSTATUS -> cpu.mstatus;
            case MISA -> MISA_VALUE;
            case MTVEC -> cpu.mtvec;
            case MEPC -> cpu.mepc;
            case MCAUSE -> cpu.mcause;
            case MTVAL -> cpu.mtval;
            case MSCRATCH -> cpu.mscratch;
            case MIE -> cpu.mie;
            case MIP -> cpu.mip;
            case MEDELEG, MIDELEG, MSTATUSH, SATP, MVENDORID, MARCHID, MIMPID, MHARTID -> 0;
            default -> {
                if (isPmp(csr)) {
                    yield 0;
                }
                throw illegal(pc, bits);
            }
        };
    }

    /** Writes a CSR; read-only CSRs (number bits 11:10 = 11) are illegal to write. */
    public static void write(Cpu cpu, int csr, int value, int pc, int bits) {
        if ((csr >>> 10) == 3) {
            throw illegal(pc, bits);
        }
        switch (csr) {
            case FFLAGS -> cpu.fflags = value & 0x1F;
            case FRM -> cpu.frm = value & 7;
            case FCSR -> {
                cpu.fflags = value & 0x1F;
                cpu.frm = (value >>> 5) & 7;
            }
            case MSTATUS -> cpu.mstatus = value;
            case MTVEC -> cpu.mtvec = value & ~2;
            case MEPC -> cpu.mepc = value & ~1;
            case MCAUSE -> cpu.mcause = value;
            case MTVAL -> cpu.mtval = value;
            case MSCRATCH -> cpu.mscratch = value;
            case MIE -> cpu.mie = value;
            case MIP -> cpu.mip = value;
            case MISA, MEDELEG, MIDELEG, MSTATUSH, SATP, MCYCLE, MINSTRET, MCYCLEH, MINSTRETH -> { }
            default -> {
                if (!isPmp(csr)) {
                    throw illegal(pc, bits);
                }
            }
        }
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
