package dev.rvjar.machine;

/**
 * The hart's architectural state: integer and floating-point registers, pc, the floating-point
 * control bits and the retired-instruction counter. Fields are public because the interpreter and
 * translated code read and write them directly; everything that needs more than a field access
 * goes through {@link Machine}.
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

    /** Machine-mode trap state (only ROMs that install a trap vector see these change). */
    public int mstatus;
    public int mtvec;
    public int mepc;
    public int mcause;
    public int mtval;
    public int mscratch;
    public int mie;
    public int mip;

    /** Back to the state of a microcontroller reset: everything zero. */
    public void reset() {
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(f, 0);
        pc = 0;
        fflags = 0;
        frm = 0;
        instret = 0;
        limit = 0;
        mstatus = 0;
        mtvec = 0;
        mepc = 0;
        mcause = 0;
        mtval = 0;
        mscratch = 0;
        mie = 0;
        mip = 0;
    }
}
