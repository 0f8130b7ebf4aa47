package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;

/**
 * Floating-point to integer conversions (FCVT.W[U].S, FCVT.W[U].D): round to an integral value in
 * the given mode, then saturate. NaN converts to the largest value; an out-of-range value
 * saturates; both raise NV and not NX. An in-range value that was rounded raises NX.
 */
final class Integers {
    private static final double TWO_POW_31 = 0x1p31;
    private static final double TWO_POW_32 = 0x1p32;

    private Integers() {
    }

    static int toInt(double x, boolean nan, int rm, Cpu cpu) {
        if (nan) {
            cpu.fflags |= Fpu.NV;
            return Integer.MAX_VALUE;
        }
        double integral = roundToIntegral(x, rm);
        if (integral >= TWO_POW_31 || integral < -TWO_POW_31) {
            cpu.fflags |= Fpu.NV;
            return integral < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        if (integral != x) {
            cpu.fflags |= Fpu.NX;
        }
        return (int) integral;
    }

    static int toUnsignedInt(double x, boolean nan, int rm, Cpu cpu) {
        if (nan) {
            cpu.fflags |= Fpu.NV;
            return -1;
        }
        double integral = roundToIntegral(x, rm);
        if (integral >= TWO_POW_32 || integral < 0) {
            cpu.fflags |= Fpu.NV;
            return integral < 0 ? 0 : -1;
        }
        if (integral != x) {
            cpu.fflags |= Fpu.NX;
        }
        return (int) (long) integral;
    }

    /** {@code x} rounded to an integral value in mode {@code rm} (exact: every step is). */
    static double roundToIntegral(double x, int rm) {
        return switch (rm) {
            case Fpu.RTZ -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case Fpu.RDN -> Math.floor(x);
            case Fpu.RUP -> Math.ceil(x);
            case Fpu.RMM -> {
                double truncated = x < 0 ? Math.ceil(x) : Math.floor(x);
                yield Math.abs(x - truncated) >= 0.5 ? truncated + Math.signum(x) : truncated;
            }
            default -> Math.rint(x);
        };
    }
}
