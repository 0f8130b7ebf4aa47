package dev.rvjar.machine;

import java.util.Arrays;

/**
 * The hart's architectural state: integer and floating-point registers, pc, the floating-point
 * control bits, the retired-instruction counter and the machine-mode CSRs. Fields are public
 * because the interpreter and translated code read and write them directly; everything that needs
 * more than a field access goes through {@link Machine} or {@link dev.rvjar.semantics.Csr}.
 */
public final class Cpu {
    /** Integer registers; x[0] is kept zero by every engine. */
    public final int[] x = new int[32];
    /** Floating-point registers as raw IEEE bits; singles are NaN-boxed (upper 32 bits all ones). */
    public final long[] f = new long[32];
    public int pc;
    /** Accrued exception flags (NV DZ OF UF NX, bits 4..0 of fcsr). */
    public int fflags;
    /** Dynamic rounding mode (bits 7..5 of fcsr). */
    public int frm;
    /** Instructions retired since reset; exact at every exit, fault and stop. */
    public long instret;
    /**
     * The counter value at which execution stops; checked after every instruction that ends a basic
     * block (branches, jumps, SYSTEM instructions).
     */
    public long limit;

    /**
     * The writable fields of mstatus (MIE, MPIE, FS); MPP always reads as machine mode and SD is
     * derived from FS, see {@link dev.rvjar.semantics.Csr}.
     */
    public int mstatus;
    public int mtvec;
    /** Whether the guest has written mtvec: in the MCU environment, traps are taken only then. */
    public boolean mtvecWritten;
    public int mepc;
    public int mcause;
    public int mtval;
    public int mscratch;
    public int mie;
    public int mip;
    /** What a guest write to mcycle and minstret added to the counter it reads (the limit never sees this). */
    public long cycleOffset;
    public long instretOffset;
    /** pmpcfg0-15 then pmpaddr0-63: stored so the guest reads back what it wrote, otherwise ignored. */
    public final int[] pmp = new int[16 + 64];
    /** Whether an {@code lr.w} reservation is held, and of which address: see {@link dev.rvjar.semantics.Reservation}. */
    public boolean reserved;
    public int reservedAddress;
    /** Whether the hart is strict RV32E (16 registers): a property of the machine, kept across resets. */
    public boolean rv32e;

    /** Back to the state of a microcontroller reset: everything zero. */
    public void reset() {
        Arrays.fill(x, 0);
        Arrays.fill(f, 0);
        Arrays.fill(pmp, 0);
        pc = 0;
        fflags = 0;
        frm = 0;
        instret = 0;
        limit = 0;
        mstatus = 0;
        mtvec = 0;
        mtvecWritten = false;
        mepc = 0;
        mcause = 0;
        mtval = 0;
        mscratch = 0;
        mie = 0;
        mip = 0;
        cycleOffset = 0;
        instretOffset = 0;
        reserved = false;
        reservedAddress = 0;
    }

    /** Makes this hart's state a copy of {@code other}'s: every register, counter and CSR. */
    public void copyFrom(Cpu other) {
        System.arraycopy(other.x, 0, x, 0, x.length);
        System.arraycopy(other.f, 0, f, 0, f.length);
        System.arraycopy(other.pmp, 0, pmp, 0, pmp.length);
        pc = other.pc;
        fflags = other.fflags;
        frm = other.frm;
        instret = other.instret;
        limit = other.limit;
        mstatus = other.mstatus;
        mtvec = other.mtvec;
        mtvecWritten = other.mtvecWritten;
        mepc = other.mepc;
        mcause = other.mcause;
        mtval = other.mtval;
        mscratch = other.mscratch;
        mie = other.mie;
        mip = other.mip;
        cycleOffset = other.cycleOffset;
        instretOffset = other.instretOffset;
        reserved = other.reserved;
        reservedAddress = other.reservedAddress;
    }
}
