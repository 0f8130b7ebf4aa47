package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;

/**
 * Rounds an exactly known real number to single or double precision in any RISC-V rounding mode,
 * accruing NX, UF and OF the way the RISC-V F extension defines them (IEEE 754-2008 with tininess
 * detected after rounding). The number is given as {@code (-1)^negative * (significand + sticky) *
 * 2^exponent}, where {@code sticky} stands for "a little more, less than one unit of the
 * significand's last bit" so that inexact results (quotients, square roots) can be rounded exactly.
 *
 * <p>This is the slow, general path; {@link FloatOps} and {@link DoubleOps} take it only when
 * Java's own round-to-nearest-even arithmetic cannot give the result and its flags directly.
 */
final class Rounding {
    /** An IEEE 754 binary interchange format. */
    enum Format {
        SINGLE(24, 8), DOUBLE(53, 11);

        /** Precision in bits, hidden bit included. */
        final int precision;
        final int exponentBits;
        final int emax;
        final int emin;
        final int bias;
        final long signBit;
        final long infinity;

        Format(int precision, int exponentBits) {
            this.precision = precision;
            this.exponentBits = exponentBits;
            this.bias = (1 << (exponentBits - 1)) - 1;
            this.emax = bias;
            this.emin = 1 - bias;
            this.signBit = 1L << (precision - 1 + exponentBits);
            this.infinity = ((1L << exponentBits) - 1) << (precision - 1);
        }

        /** The largest finite magnitude. */
        long maxFinite() {
            return infinity - 1;
        }
    }

    /** Bits the significand is normalised to before rounding: enough for double plus guard bits. */
    private static final int WIDTH = 62;

    private Rounding() {
    }

    /**
     * Rounds {@code (-1)^negative * (significand + sticky) * 2^exponent} to {@code format};
     * returns the raw bits and accrues flags into {@code cpu.fflags}. {@code significand} must be
     * positive (a zero needs no rounding) and below 2^62. Normalising shifts the significand left,
     * which widens what {@code sticky} stands for; that is harmless as long as rounding drops more
     * bits than normalising added, which holds for every caller (they pass 53 or more significant
     * bits with a sticky bit, or values so small that the subnormal rounding point is higher still).
     */
    static long round(Format format, boolean negative, long significand, int exponent, boolean sticky, int rm, Cpu cpu) {
        int normalise = WIDTH - (64 - Long.numberOfLeadingZeros(significand));
        long sig = significand << normalise;
        int exp = exponent - normalise;
        int p = format.precision;
        // Exponent of the leading bit of the exact value.
        int leading = exp + WIDTH - 1;
        int unboundedShift = WIDTH - p;
        int shift = Math.max(unboundedShift, (format.emin - p + 1) - exp);

        long q = shiftRound(sig, shift, sticky, rm, negative);
        boolean inexact = sticky || droppedBits(sig, shift);
        int lsb = exp + shift;
        if (q == 1L << p) {
            q >>>= 1;
            lsb++;
        }
        long sign = negative ? format.signBit : 0;
        int flags = inexact ? Fpu.NX : 0;
        long bits;
        if (q == 0) {
            bits = 0;
        } else if (q < 1L << (p - 1)) {
            bits = q;
        } else {
            int e = lsb + p - 1;
            if (e > format.emax) {
                cpu.fflags |= Fpu.OF | Fpu.NX;
                return sign | overflowMagnitude(format, negative, rm);
            }
            bits = ((long) (e + format.bias - 1) << (p - 1)) + q;
        }
        if (inexact && leading < format.emin && tinyAfterRounding(format, sig, exp, sticky, rm, negative)) {
            flags |= Fpu.UF;
        }
        cpu.fflags |= flags;
        return sign | bits;
    }

    /**
     * Whether the value, rounded to the format's precision with an unbounded exponent range, is
     * below the smallest normal number (RISC-V detects tininess after rounding).
     */
    private static boolean tinyAfterRounding(Format format, long sig, int exp, boolean sticky, int rm, boolean negative) {
        int shift = WIDTH - format.precision;
        long q = shiftRound(sig, shift, sticky, rm, negative);
        int leading = exp + shift + format.precision - 1 + (q == 1L << format.precision ? 1 : 0);
        return leading < format.emin;
    }

    /** The magnitude an overflow rounds to: infinity, or the largest finite number when rounding towards zero. */
    static long overflowMagnitude(Format format, boolean negative, int rm) {
        boolean toInfinity = switch (rm) {
            case Fpu.RTZ -> false;
            case Fpu.RDN -> negative;
            case Fpu.RUP -> !negative;
            default -> true;
        };
        return toInfinity ? format.infinity : format.maxFinite();
    }

    /** Signals overflow and returns the rounded overflow result. */
    static long overflow(Format format, boolean negative, int rm, Cpu cpu) {
        cpu.fflags |= Fpu.OF | Fpu.NX;
        return (negative ? format.signBit : 0) | overflowMagnitude(format, negative, rm);
    }

    private static boolean droppedBits(long sig, int shift) {
        return shift >= 64 ? sig != 0 : (sig & ((1L << shift) - 1)) != 0;
    }

    /** {@code sig >> shift}, rounded by {@code rm}; {@code sig} has its top bit at position 61. */
    private static long shiftRound(long sig, int shift, boolean sticky, int rm, boolean negative) {
        long q;
        int half; // compare of the dropped part with one half: -1 below, 0 exactly, 1 above
        boolean inexact;
        if (shift >= WIDTH + 1) {
            q = 0;
            half = -1;
            inexact = true;
        } else {
            q = sig >>> shift;
            long rest = sig & ((1L << shift) - 1);
            long halfUnit = 1L << (shift - 1);
            half = rest > halfUnit || rest == halfUnit && sticky ? 1 : rest == halfUnit ? 0 : -1;
            inexact = rest != 0 || sticky;
        }
        boolean up = switch (rm) {
            case Fpu.RNE -> half > 0 || half == 0 && (q & 1) != 0;
            case Fpu.RMM -> half >= 0;
            case Fpu.RDN -> negative && inexact;
            case Fpu.RUP -> !negative && inexact;
            default -> false;
        };
        return up ? q + 1 : q;
    }

    /**
     * Rounds the exact value {@code value + error} to {@code format}, where {@code value} is a
     * finite, non-zero double and {@code error} is either the exact error of a computation that
     * gave {@code value} (Java's round-to-nearest result) or, where ties cannot occur (quotients,
     * square roots), any double with the sign of the error and a magnitude below an eighth of an
     * ulp of {@code value}.
     */
    static long roundSum(Format format, double value, double error, int rm, Cpu cpu) {
        long bits = Double.doubleToRawLongBits(value);
        boolean negative = bits < 0;
        int biased = (int) (bits >>> 52) & 0x7FF;
        long significand = bits & 0xF_FFFF_FFFF_FFFFL;
        int exponent;
        if (biased == 0) {
            exponent = -1074;
        } else {
            significand |= 1L << 52;
            exponent = biased - 1075;
        }
        // Eighths of the last unit of value, towards the error: exact, since |error| <= ulp / 2.
        double towards = negative ? -error : error;
        double eighths = Math.scalb(towards, 3 - exponent);
        if (eighths == 0 && towards != 0) {
            // The error is too small to scale: only its sign matters.
            eighths = Math.copySign(Double.MIN_VALUE, towards);
        }
        double whole = Math.floor(eighths);
        return round(format, negative, (significand << 3) + (long) whole, exponent - 3, eighths != whole, rm, cpu);
    }
}
