package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;
import dev.rvjar.semantics.Rounding.Format;

import java.math.BigInteger;

/**
 * Double-precision arithmetic done exactly with {@link BigInteger}s and rounded once by
 * {@link Rounding}. Slow, allocating and obviously right: {@link DoubleOps} uses it only where the
 * error-free transformations of its fast paths break down (results near or below the smallest
 * normal number), and the tests use it as the reference for those fast paths.
 *
 * <p>Every operand is finite and non-zero unless a method says otherwise.
 */
final class ExactArithmetic {
    /** Bits kept before the final rounding: more than double precision plus guard bits. */
    private static final int KEEP = 60;

    private ExactArithmetic() {
    }

    /** {@code (-1)^negative * significand * 2^exponent}, exactly. */
    private record Exact(boolean negative, BigInteger significand, int exponent) {
        static Exact of(double x) {
            long bits = Double.doubleToRawLongBits(x);
            int biased = (int) (bits >>> 52) & 0x7FF;
            long significand = bits & 0xF_FFFF_FFFF_FFFFL;
            int exponent = biased == 0 ? -1074 : biased - 1075;
            if (biased != 0) {
                significand |= 1L << 52;
            }
            return new Exact(bits < 0, BigInteger.valueOf(significand), exponent);
        }

        BigInteger signed() {
            return negative ? significand.negate() : significand;
        }
    }

    static long add(double x, double y, Format format, int rm, Cpu cpu) {
        return sum(Exact.of(x), Exact.of(y), format, rm, cpu);
    }

    static long multiply(double x, double y, Format format, int rm, Cpu cpu) {
        Exact a = Exact.of(x);
        Exact b = Exact.of(y);
        return round(a.negative != b.negative, a.significand.multiply(b.significand), a.exponent + b.exponent,
                false, format, rm, cpu);
    }

    /** {@code x * y + z}; {@code z} may be zero. */
    static long fusedMultiplyAdd(double x, double y, double z, Format format, int rm, Cpu cpu) {
        Exact a = Exact.of(x);
        Exact b = Exact.of(y);
        Exact product = new Exact(a.negative != b.negative, a.significand.multiply(b.significand), a.exponent + b.exponent);
        if (z == 0) {
            return round(product.negative, product.significand, product.exponent, false, format, rm, cpu);
        }
        return sum(product, Exact.of(z), format, rm, cpu);
    }

    static long divide(double x, double y, Format format, int rm, Cpu cpu) {
        Exact a = Exact.of(x);
        Exact b = Exact.of(y);
        int shift = Math.max(0, KEEP + 2 + b.significand.bitLength() - a.significand.bitLength());
        BigInteger[] quotient = a.significand.shiftLeft(shift).divideAndRemainder(b.significand);
        return round(a.negative != b.negative, quotient[0], a.exponent - shift - b.exponent,
                quotient[1].signum() != 0, format, rm, cpu);
    }

    /** The square root of a positive {@code x}. */
    static long squareRoot(double x, Format format, int rm, Cpu cpu) {
        Exact a = Exact.of(x);
        BigInteger significand = a.significand;
        int exponent = a.exponent;
        if ((exponent & 1) != 0) {
            significand = significand.shiftLeft(1);
            exponent--;
        }
        int shift = Math.max(0, 2 * (KEEP + 2) - significand.bitLength()) & ~1;
        BigInteger radicand = significand.shiftLeft(shift);
        BigInteger root = radicand.sqrt();
        return round(false, root, (exponent - shift) / 2, !root.multiply(root).equals(radicand), format, rm, cpu);
    }

    private static long sum(Exact a, Exact b, Format format, int rm, Cpu cpu) {
        int exponent = Math.min(a.exponent, b.exponent);
        BigInteger total = a.signed().shiftLeft(a.exponent - exponent).add(b.signed().shiftLeft(b.exponent - exponent));
        if (total.signum() == 0) {
            // An exact zero sum of non-zero terms is +0, or -0 when rounding down (IEEE 754 6.3).
            return rm == Fpu.RDN ? format.signBit : 0;
        }
        return round(total.signum() < 0, total.abs(), exponent, false, format, rm, cpu);
    }

    private static long round(boolean negative, BigInteger significand, int exponent, boolean sticky,
                              Format format, int rm, Cpu cpu) {
        int excess = significand.bitLength() - KEEP;
        if (excess > 0) {
            sticky |= significand.getLowestSetBit() < excess;
            significand = significand.shiftRight(excess);
            exponent += excess;
        }
        return Rounding.round(format, negative, significand.longValueExact(), exponent, sticky, rm, cpu);
    }
}
