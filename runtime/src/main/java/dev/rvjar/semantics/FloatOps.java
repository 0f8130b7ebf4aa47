package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;
import dev.rvjar.semantics.Rounding.Format;

/**
 * The F extension's arithmetic on raw IEEE 754 single bits ({@code int}), exactly as the RISC-V
 * spec defines it: every rounding mode ({@link Fpu#RNE} ... {@link Fpu#RMM}, already resolved from
 * {@code frm}), exception flags accrued into {@code cpu.fflags}, the canonical NaN for every NaN
 * result. Also the NaN-boxing of singles in the 64-bit floating-point registers.
 *
 * <p>Two shortcuts come first, both returning the result Java computed, rounded to nearest. A
 * sum, product or FMA that Java computed exactly is the result in every rounding mode and raises
 * no flag ({@link #exactSum}: programs that compute on small integers or binary fractions never
 * round, and would otherwise always take the long way). As in {@link DoubleOps}, a result rounded
 * to nearest that is safely normal, once NX is accrued, needs nothing more
 * ({@link #alreadyInexact}): single sums and products and {@code Math.fma} on floats round once,
 * and a quotient or square root of singles rounded to double and then to single is the correctly
 * rounded single (double has more than twice single's precision plus two bits, Figueroa 1995).
 *
 * <p>Otherwise each operation is done in double precision, where it is exact (sums, products,
 * FMAs) or its error's sign is known exactly from a residual (quotients, square roots); the double
 * result is then rounded once to single precision. Double rounding never happens: a double that
 * is not exact comes with its error, and {@link Rounding} rounds the exact value. The interpreter calls
 * these methods and translated code calls the same ones, which is why the register accessors
 * ({@link #box}, {@link #unbox}, {@link #bits}) are here too.
 */
public final class FloatOps {
    public static final int CANONICAL_NAN = 0x7FC0_0000;
    private static final int SIGN = Integer.MIN_VALUE;
    private static final int MAGNITUDE = Integer.MAX_VALUE;
    private static final int INFINITY = 0x7F80_0000;
    private static final int QUIET = 1 << 22;
    private static final long BOX = 0xFFFF_FFFF_0000_0000L;
    /** Above this magnitude a single result is normal both before and after rounding (2^-125). */
    private static final float SAFELY_NORMAL = 0x1p-125f;

    private FloatOps() {
    }

    /** A single in a floating-point register: NaN-boxed, upper 32 bits all ones. */
    public static long box(int single) {
        return BOX | (single & 0xFFFF_FFFFL);
    }

    /** The single a register holds; a value that is not properly NaN-boxed reads as the canonical NaN. */
    public static int unbox(long register) {
        return (register & BOX) == BOX ? (int) register : CANONICAL_NAN;
    }

    /**
     * The low 32 bits of a register as FSW stores them and FMV.X.W moves them: bits are copied, not
     * read as a single, so there is no NaN-box check (RISC-V F spec, "NaN Boxing of Narrower Values").
     */
    public static int bits(long register) {
        return (int) register;
    }

    private static double widen(int bits) {
        return Float.intBitsToFloat(bits);
    }

    public static boolean isNaN(int a) {
        return (a & MAGNITUDE) > INFINITY;
    }

    public static boolean isSignalingNaN(int a) {
        return isNaN(a) && (a & QUIET) == 0;
    }

    private static int propagateNaN(int a, int b, Cpu cpu) {
        if (isSignalingNaN(a) || isSignalingNaN(b)) {
            cpu.fflags |= Fpu.NV;
        }
        return CANONICAL_NAN;
    }

    private static int invalid(Cpu cpu) {
        cpu.fflags |= Fpu.NV;
        return CANONICAL_NAN;
    }

    /** The NaN result of an operation on a and b: from a NaN operand, or an invalid operation. */
    private static int nanResult(int a, int b, Cpu cpu) {
        return isNaN(a) || isNaN(b) ? propagateNaN(a, b, cpu) : invalid(cpu);
    }

    /**
     * Rounds {@code value + error} to single precision, where {@code value} is a finite or
     * infinite double (infinite only from an infinite operand, so exact) and {@code error} is its
     * exact error or, for quotients and square roots, a double with the error's sign.
     */
    private static int round(double value, double error, int rm, Cpu cpu) {
        if (error == 0) {
            float single = (float) value;
            if ((double) single == value) {
                return Float.floatToRawIntBits(single);
            }
            if (rm == Fpu.RNE && Math.abs(single) > Float.MIN_NORMAL && Float.isFinite(single)) {
                cpu.fflags |= Fpu.NX;
                return Float.floatToRawIntBits(single);
            }
        }
        return (int) Rounding.roundSum(Format.SINGLE, value, error, rm, cpu);
    }

    /** An exact zero sum: +0, or -0 when rounding down, unless both terms are zeros of one sign. */
    private static int zeroSum(double x, double y, int rm) {
        if (x == 0 && y == 0 && (Double.doubleToRawLongBits(x) ^ Double.doubleToRawLongBits(y)) >= 0) {
            return Float.floatToRawIntBits((float) x);
        }
        return rm == Fpu.RDN ? SIGN : 0;
    }

    /** Whether {@code result}, rounded to nearest, carries every flag it raises already (see {@link DoubleOps#alreadyInexact}). */
    private static boolean alreadyInexact(float result, int rm, Cpu cpu) {
        float magnitude = Math.abs(result);
        return rm == Fpu.RNE && (cpu.fflags & Fpu.NX) != 0 && magnitude >= SAFELY_NORMAL && magnitude <= Float.MAX_VALUE;
    }

    /**
     * Whether {@code sum}, the double sum of {@code x} and {@code y}, is exact: of the two
     * differences, the one that subtracts the larger term is computed exactly (the lemma behind
     * Dekker's FastTwoSum), so it gives back the other term only when nothing was rounded off.
     */
    private static boolean exactSum(double x, double y, double sum) {
        return sum - x == y && sum - y == x;
    }

    /** {@link #exactSum(double, double, double)} in single precision, where the same lemma holds. */
    private static boolean exactSum(float x, float y, float sum) {
        return sum - x == y && sum - y == x;
    }

    /**
     * Whether Java's exact sum is the result in rounding mode {@code rm} too: only a zero sum of
     * non-zero terms depends on the mode (-0 when rounding down, where Java gives +0).
     */
    private static boolean zeroSignAgrees(double sum, int rm) {
        return sum != 0 || rm != Fpu.RDN;
    }

    public static int add(int a, int b, int rm, Cpu cpu) {
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        float sum = x + y;
        if (exactSum(x, y, sum) && zeroSignAgrees(sum, rm) || alreadyInexact(sum, rm, cpu)) {
            return Float.floatToRawIntBits(sum);
        }
        return addExactly(a, b, rm, cpu);
    }

    private static int addExactly(int a, int b, int rm, Cpu cpu) {
        double x = widen(a);
        double y = widen(b);
        double sum = x + y;
        if (Double.isFinite(sum)) {
            double error = DoubleOps.sumError(x, y, sum);
            if (sum == 0 && error == 0) {
                return zeroSum(x, y, rm);
            }
            return round(sum, error, rm, cpu);
        }
        // the sum of two finite singles is finite in double precision: an operand is infinite or NaN
        return Double.isNaN(sum) ? nanResult(a, b, cpu) : Float.floatToRawIntBits((float) sum);
    }

    public static int sub(int a, int b, int rm, Cpu cpu) {
        return add(a, b ^ SIGN, rm, cpu);
    }

    /** The product of two singles is exact in double precision: when the single product equals it, nothing was rounded. */
    public static int mul(int a, int b, int rm, Cpu cpu) {
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        float product = x * y;
        if (product == (double) x * y || alreadyInexact(product, rm, cpu)) {
            return Float.floatToRawIntBits(product);
        }
        return mulExactly(a, b, rm, cpu);
    }

    private static int mulExactly(int a, int b, int rm, Cpu cpu) {
        double product = widen(a) * widen(b);
        if (Double.isNaN(product)) {
            return nanResult(a, b, cpu);
        }
        return round(product, 0, rm, cpu);
    }

    public static int div(int a, int b, int rm, Cpu cpu) {
        float quotient = (float) (widen(a) / widen(b));
        return alreadyInexact(quotient, rm, cpu) ? Float.floatToRawIntBits(quotient) : divExactly(a, b, rm, cpu);
    }

    private static int divExactly(int a, int b, int rm, Cpu cpu) {
        double x = widen(a);
        double y = widen(b);
        double quotient = x / y;
        if (Double.isNaN(quotient)) {
            return nanResult(a, b, cpu);
        }
        if (y == 0 || Double.isInfinite(quotient) || quotient == 0) {
            if (y == 0 && Double.isFinite(x)) {
                cpu.fflags |= Fpu.DZ;
            }
            return Float.floatToRawIntBits((float) quotient);
        }
        // The quotient's error has the sign of remainder / y; only the sign matters (no quotient
        // is halfway between two singles).
        double remainder = Math.fma(-quotient, y, x);
        double error = remainder == 0 ? 0 : (remainder > 0) == (y > 0) ? Double.MIN_VALUE : -Double.MIN_VALUE;
        return round(quotient, error, rm, cpu);
    }

    public static int sqrt(int a, int rm, Cpu cpu) {
        float root = (float) Math.sqrt(widen(a));
        return alreadyInexact(root, rm, cpu) ? Float.floatToRawIntBits(root) : sqrtExactly(a, rm, cpu);
    }

    private static int sqrtExactly(int a, int rm, Cpu cpu) {
        double x = widen(a);
        if (isNaN(a)) {
            return propagateNaN(a, a, cpu);
        }
        if (x < 0) {
            return invalid(cpu);
        }
        if (x == 0 || Double.isInfinite(x)) {
            return a;
        }
        double root = Math.sqrt(x);
        double remainder = Math.fma(-root, root, x);
        return round(root, remainder > 0 ? Double.MIN_VALUE : remainder < 0 ? -Double.MIN_VALUE : 0, rm, cpu);
    }

    /**
     * {@code a * b + c} with a single rounding (FMADD.S): the product of two singles is exact in
     * double precision, and TwoSum gives the exact error of adding {@code c}.
     */
    public static int fmadd(int a, int b, int c, int rm, Cpu cpu) {
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        float z = Float.intBitsToFloat(c);
        float result = Math.fma(x, y, z);
        double product = (double) x * y;
        double sum = product + z;
        if (result == sum && exactSum(product, z, sum) && zeroSignAgrees(sum, rm) || alreadyInexact(result, rm, cpu)) {
            return Float.floatToRawIntBits(result);
        }
        return fmaddExactly(a, b, c, rm, cpu);
    }

    private static int fmaddExactly(int a, int b, int c, int rm, Cpu cpu) {
        double x = widen(a);
        double y = widen(b);
        double z = widen(c);
        double product = x * y;
        // 0 * inf is invalid even when the addend is a quiet NaN (RISC-V F spec, FMA).
        if (Double.isNaN(product)) {
            return isNaN(a) || isNaN(b) || !isSignalingNaN(c) ? nanResult(a, b, cpu) : invalid(cpu);
        }
        if (isNaN(c)) {
            return propagateNaN(c, c, cpu);
        }
        double sum = product + z;
        if (Double.isNaN(sum)) {
            return invalid(cpu);
        }
        if (Double.isInfinite(sum)) {
            return Float.floatToRawIntBits((float) sum);
        }
        double error = DoubleOps.sumError(product, z, sum);
        if (sum == 0 && error == 0) {
            return zeroSum(product, z, rm);
        }
        return round(sum, error, rm, cpu);
    }

    public static int fmsub(int a, int b, int c, int rm, Cpu cpu) {
        return fmadd(a, b, c ^ SIGN, rm, cpu);
    }

    public static int fnmsub(int a, int b, int c, int rm, Cpu cpu) {
        return fmadd(a ^ SIGN, b, c, rm, cpu);
    }

    public static int fnmadd(int a, int b, int c, int rm, Cpu cpu) {
        return fmadd(a ^ SIGN, b, c ^ SIGN, rm, cpu);
    }

    public static int sgnj(int a, int b) {
        return (a & MAGNITUDE) | (b & SIGN);
    }

    public static int sgnjn(int a, int b) {
        return (a & MAGNITUDE) | (~b & SIGN);
    }

    public static int sgnjx(int a, int b) {
        return a ^ (b & SIGN);
    }

    /** FMIN.S: the smaller operand, -0 below +0; a NaN operand is ignored unless both are NaN. */
    public static int min(int a, int b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            return minMaxNaN(a, b, cpu);
        }
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        return x < y ? a : y < x ? b : a | b;
    }

    /** FMAX.S: the larger operand, +0 above -0; a NaN operand is ignored unless both are NaN. */
    public static int max(int a, int b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            return minMaxNaN(a, b, cpu);
        }
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        return x > y ? a : y > x ? b : a & b;
    }

    private static int minMaxNaN(int a, int b, Cpu cpu) {
        int nan = propagateNaN(a, b, cpu);
        return isNaN(a) ? (isNaN(b) ? nan : b) : a;
    }

    /** FEQ.S: a quiet comparison (NV only for signalling NaNs). */
    public static int eq(int a, int b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            propagateNaN(a, b, cpu);
            return 0;
        }
        return Float.intBitsToFloat(a) == Float.intBitsToFloat(b) ? 1 : 0;
    }

    /** FLT.S: a signalling comparison (NV for any NaN). */
    public static int lt(int a, int b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            invalid(cpu);
            return 0;
        }
        return Float.intBitsToFloat(a) < Float.intBitsToFloat(b) ? 1 : 0;
    }

    /** FLE.S: a signalling comparison (NV for any NaN). */
    public static int le(int a, int b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            invalid(cpu);
            return 0;
        }
        return Float.intBitsToFloat(a) <= Float.intBitsToFloat(b) ? 1 : 0;
    }

    /** FCLASS.S: one bit set out of ten, from -inf (bit 0) to quiet NaN (bit 9). */
    public static int fclass(int a) {
        return Classification.of(a < 0, (a & MAGNITUDE) == INFINITY, isNaN(a), (a & QUIET) == 0,
                (a & INFINITY) == 0, (a & MAGNITUDE) == 0);
    }

    /** FCVT.D.S: always exact; a NaN becomes the canonical NaN (NV if it was signalling). */
    public static long toDouble(int a, Cpu cpu) {
        if (isNaN(a)) {
            propagateNaN(a, a, cpu);
            return DoubleOps.CANONICAL_NAN;
        }
        return Double.doubleToRawLongBits(widen(a));
    }

    /** FCVT.W.S: rounds to a signed integer; NaN and out-of-range values saturate and raise NV. */
    public static int toInt(int a, int rm, Cpu cpu) {
        return Integers.toInt(widen(a), isNaN(a), rm, cpu);
    }

    /** FCVT.WU.S: rounds to an unsigned integer; NaN and out-of-range values saturate and raise NV. */
    public static int toUnsignedInt(int a, int rm, Cpu cpu) {
        return Integers.toUnsignedInt(widen(a), isNaN(a), rm, cpu);
    }

    /** FCVT.S.W: rounds when the integer has more than 24 significant bits. */
    public static int fromInt(int value, int rm, Cpu cpu) {
        return value == 0 ? 0 : round(value, 0, rm, cpu);
    }

    /** FCVT.S.WU: rounds when the integer has more than 24 significant bits. */
    public static int fromUnsignedInt(int value, int rm, Cpu cpu) {
        return value == 0 ? 0 : round(Integer.toUnsignedLong(value), 0, rm, cpu);
    }
}
