package dev.rvjar.semantics;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Cpu;

/**
 * Floating-point control shared by {@link FloatOps} and {@link DoubleOps}: the rounding-mode
 * encodings and exception flags of the {@code fcsr} (RISC-V unprivileged spec, chapter "F"),
 * resolution of the dynamic rounding mode, and the {@code mstatus.FS} gate.
 */
public final class Fpu {
    /** Round to nearest, ties to even. */
    public static final int RNE = 0;
    /** Round towards zero. */
    public static final int RTZ = 1;
    /** Round down (towards negative infinity). */
    public static final int RDN = 2;
    /** Round up (towards positive infinity). */
    public static final int RUP = 3;
    /** Round to nearest, ties to max magnitude. */
    public static final int RMM = 4;
    /** The {@code rm} field value that selects the mode in {@code frm}. */
    public static final int DYN = 7;

    /** Inexact. */
    public static final int NX = 1;
    /** Underflow (tiny after rounding, and inexact). */
    public static final int UF = 2;
    /** Overflow. */
    public static final int OF = 4;
    /** Divide by zero. */
    public static final int DZ = 8;
    /** Invalid operation. */
    public static final int NV = 16;

    /** mstatus.FS: the floating-point unit's state, Off (0) makes every F/D instruction illegal. */
    public static final int MSTATUS_FS = 3 << 13;

    private Fpu() {
    }

    /**
     * The rounding mode an instruction uses: its static {@code rm}, or {@code frm} for
     * {@link #DYN}. A dynamic mode with {@code frm} holding a reserved value (5, 6, 7) makes the
     * instruction illegal.
     */
    public static int roundingMode(Cpu cpu, int rm, int pc, int bits) {
        if (rm != DYN) {
            return rm;
        }
        int frm = cpu.frm;
        if (frm > RMM) {
            throw GuestFault.of(FaultKind.ILLEGAL_INSTRUCTION, pc, bits);
        }
        return frm;
    }

    /**
     * Checks that the floating-point unit is on before an F or D instruction (or an access to
     * fflags, frm, fcsr) and marks its state Dirty, as the privileged spec requires of anything that
     * may change it (rvjar reports Dirty conservatively, which the spec allows).
     */
    public static void use(Cpu cpu, int pc, int bits) {
        int fs = cpu.mstatus & MSTATUS_FS;
        if (fs != MSTATUS_FS) {
            if (fs == 0) {
                throw GuestFault.of(FaultKind.ILLEGAL_INSTRUCTION, pc, bits);
            }
            cpu.mstatus |= MSTATUS_FS;
        }
    }
}
