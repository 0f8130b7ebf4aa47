package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;
import dev.rvjar.semantics.Rounding.Format;

/**
 * The D extension's arithmetic on raw IEEE 754 double bits, exactly as the RISC-V spec defines it:
 * every rounding mode ({@link Fpu#RNE} ... {@link Fpu#RMM}, already resolved from {@code frm}),
 * exception flags accrued into {@code cpu.fflags}, the canonical NaN for every NaN result.
 *
 * <p>The common case runs on Java's own arithmetic, which rounds to nearest even: an error-free
 * transformation (TwoSum, an FMA residual) tells whether the result was exact, and only inexact
 * results in other rounding modes go through {@link Rounding}. Results near the underflow
 * threshold, where those residuals stop being exact, are computed by {@link ExactArithmetic}. The
 * interpreter calls these methods and translated code calls the same ones. The common case of each
 * operation is kept small and the special cases ({@code ...Special}) out of line, so that the JIT
 * can inline the common case into large translated methods, whose inlining budget is small.
 *
 * <p>Commonest of all, once a program has rounded anything (NX accrues and nothing but a CSR write
 * clears it), is a result rounded to nearest that is neither tiny nor infinite: it can raise no
 * flag but NX, so it is returned as Java computed it, with no error-free transformation at all
 * ({@link #alreadyInexact}). The rest ({@code ...Exactly}) is the full computation.
 *
 * <p>The arithmetic operations also take and return the doubles themselves, for translated code
 * that holds registers as doubles: their raw bits are the register's, NaNs' included (HotSpot
 * moves doubles without touching their bits), and the methods on raw bits are those same ones.
 */
public final class DoubleOps {
    public static final long CANONICAL_NAN = 0x7FF8_0000_0000_0000L;
    static final long SIGN = Long.MIN_VALUE;
    private static final long MAGNITUDE = Long.MAX_VALUE;
    private static final long INFINITY = 0x7FF0_0000_0000_0000L;
    private static final long QUIET = 1L << 51;
    /** Below this magnitude a product's rounding error may not be representable (2^-969). */
    static final double RESIDUAL_EXACT = 0x1p-969;
    /** Above this magnitude a result is normal both before and after rounding (2^-1021). */
    private static final double SAFELY_NORMAL = 0x1p-1021;

    private DoubleOps() {
    }

    // The public operations' fast paths call Double's conversions themselves, not these: C2 counts
    // every byte it inlines against the region method's budget (8,000 bytes with the method), and
    // the conversions are intrinsics it does not count; these two would add 15 bytes to each
    // operation inlined, about a seventh (nbody's advance has 33 of them in one method).
    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    public static boolean isNaN(long a) {
        return (a & MAGNITUDE) > INFINITY;
    }

    public static boolean isSignalingNaN(long a) {
        return isNaN(a) && (a & QUIET) == 0;
    }

    /** The canonical NaN, raising NV when any operand is a signalling NaN. */
    private static long propagateNaN(long a, long b, Cpu cpu) {
        if (isSignalingNaN(a) || isSignalingNaN(b)) {
            cpu.fflags |= Fpu.NV;
        }
        return CANONICAL_NAN;
    }

    /** The canonical NaN of an invalid operation (inf - inf, 0 * inf, ...), raising NV. */
    static long invalid(Cpu cpu) {
        cpu.fflags |= Fpu.NV;
        return CANONICAL_NAN;
    }

    private static long inexact(double value, Cpu cpu) {
        cpu.fflags |= Fpu.NX;
        return bits(value);
    }

    /** TwoSum (Knuth): the exact error of {@code sum = x + y}, for finite x, y and sum. */
    static double sumError(double x, double y, double sum) {
        double yPart = sum - x;
        return (x - (sum - yPart)) + (y - yPart);
    }

    /**
     * The result {@code value} of rounding to nearest, whose exact error is {@code error}, in
     * rounding mode {@code rm}.
     */
    private static long finish(double value, double error, int rm, Cpu cpu) {
        if (error == 0) {
            return bits(value);
        }
        return rm == Fpu.RNE ? inexact(value, cpu) : Rounding.roundSum(Format.DOUBLE, value, error, rm, cpu);
    }

    /** An exact zero sum: +0, or -0 when rounding down, unless both terms are zeros of one sign. */
    private static long zeroSum(long x, long y, int rm) {
        boolean sameSignZeros = ((x | y) & MAGNITUDE) == 0 && (x ^ y) >= 0;
        return sameSignZeros ? x : rm == Fpu.RDN ? SIGN : 0;
    }

    /**
     * Whether {@code result}, the operation's value rounded to nearest by Java, is its result with
     * every flag it raises already raised: the rounding mode is RNE, NX is accrued already, and
     * the result is finite and safely normal. Such a result cannot be invalid (a NaN operand or an
     * invalid operation gives a NaN), divide by zero (an infinity) or overflow or underflow, and
     * exact or not it sets nothing new.
     */
    static boolean alreadyInexact(double result, int rm, Cpu cpu) {
        double magnitude = Math.abs(result);
        return rm == Fpu.RNE && (cpu.fflags & Fpu.NX) != 0 && magnitude >= SAFELY_NORMAL && magnitude <= Double.MAX_VALUE;
    }

    public static long add(long a, long b, int rm, Cpu cpu) {
        return Double.doubleToRawLongBits(add(Double.longBitsToDouble(a), Double.longBitsToDouble(b), rm, cpu));
    }

    /** {@link #add(long, long, int, Cpu)} on the doubles themselves (raw bits kept: a NaN's too). */
    public static double add(double x, double y, int rm, Cpu cpu) {
        double sum = x + y;
        return alreadyInexact(sum, rm, cpu) ? sum
                : Double.longBitsToDouble(addExactly(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y), rm, cpu));
    }

    private static long addExactly(long a, long b, int rm, Cpu cpu) {
        double x = d(a);
        double y = d(b);
        double sum = x + y;
        if (Double.isFinite(sum)) {
            double error = sumError(x, y, sum);
            if (sum == 0 && error == 0) {
                return zeroSum(a, b, rm);
            }
            return finish(sum, error, rm, cpu);
        }
        return addSpecial(a, b, sum, rm, cpu);
    }

    /** {@link #add} when the rounded sum is infinite or NaN. */
    private static long addSpecial(long a, long b, double sum, int rm, Cpu cpu) {
        double x = d(a);
        double y = d(b);
        if (isNaN(a) || isNaN(b)) {
            return propagateNaN(a, b, cpu);
        }
        if (Double.isNaN(sum)) {
            return invalid(cpu);
        }
        if (Double.isFinite(x) && Double.isFinite(y)) {
            return Rounding.overflow(Format.DOUBLE, sum < 0, rm, cpu);
        }
        return bits(sum);
    }

    public static long sub(long a, long b, int rm, Cpu cpu) {
        return Double.doubleToRawLongBits(sub(Double.longBitsToDouble(a), Double.longBitsToDouble(b), rm, cpu));
    }

    /** {@code x + -y}, which IEEE 754 defines {@code x - y} to be. */
    public static double sub(double x, double y, int rm, Cpu cpu) {
        double difference = x - y;
        return alreadyInexact(difference, rm, cpu) ? difference
                : Double.longBitsToDouble(addExactly(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y) ^ SIGN, rm, cpu));
    }

    public static long mul(long a, long b, int rm, Cpu cpu) {
        return Double.doubleToRawLongBits(mul(Double.longBitsToDouble(a), Double.longBitsToDouble(b), rm, cpu));
    }

    public static double mul(double x, double y, int rm, Cpu cpu) {
        double product = x * y;
        return alreadyInexact(product, rm, cpu) ? product
                : Double.longBitsToDouble(mulExactly(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y), rm, cpu));
    }

    private static long mulExactly(long a, long b, int rm, Cpu cpu) {
        double x = d(a);
        double y = d(b);
        double product = x * y;
        if (Double.isFinite(product) && (Math.abs(product) >= RESIDUAL_EXACT || x == 0 || y == 0)) {
            return finish(product, Math.fma(x, y, -product), rm, cpu);
        }
        return mulSpecial(a, b, product, rm, cpu);
    }

    /** {@link #mul} when the product is infinite, NaN or near underflow. */
    private static long mulSpecial(long a, long b, double product, int rm, Cpu cpu) {
        double x = d(a);
        double y = d(b);
        if (Double.isNaN(product)) {
            return isNaN(a) || isNaN(b) ? propagateNaN(a, b, cpu) : invalid(cpu);
        }
        if (Double.isInfinite(product)) {
            return Double.isFinite(x) && Double.isFinite(y) ? Rounding.overflow(Format.DOUBLE, product < 0, rm, cpu) : bits(product);
        }
        return ExactArithmetic.multiply(x, y, Format.DOUBLE, rm, cpu);
    }

    public static long div(long a, long b, int rm, Cpu cpu) {
        return Double.doubleToRawLongBits(div(Double.longBitsToDouble(a), Double.longBitsToDouble(b), rm, cpu));
    }

    public static double div(double x, double y, int rm, Cpu cpu) {
        double quotient = x / y;
        return alreadyInexact(quotient, rm, cpu) ? quotient
                : Double.longBitsToDouble(divExactly(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y), rm, cpu));
    }

    private static long divExactly(long a, long b, int rm, Cpu cpu) {
        double x = d(a);
        double y = d(b);
        double quotient = x / y;
        double magnitude = Math.abs(quotient);
        if (magnitude >= SAFELY_NORMAL && magnitude <= Double.MAX_VALUE && Math.abs(x) >= RESIDUAL_EXACT) {
            double remainder = Math.fma(-quotient, y, x);
            // The quotient's error has the sign of remainder / y; only its sign matters, as no
            // quotient is ever exactly halfway between two doubles.
            double error = remainder == 0 ? 0 : (remainder > 0) == (y > 0) ? Double.MIN_VALUE : -Double.MIN_VALUE;
            return finish(quotient, error, rm, cpu);
        }
        return divSpecial(a, b, quotient, rm, cpu);
    }

    /** {@link #div} when the quotient or the dividend is not safely normal (zero, infinite, NaN, tiny). */
    private static long divSpecial(long a, long b, double quotient, int rm, Cpu cpu) {
        double x = d(a);
        double y = d(b);
        if (Double.isNaN(quotient)) {
            return isNaN(a) || isNaN(b) ? propagateNaN(a, b, cpu) : invalid(cpu);
        }
        if (y == 0) {
            if (Double.isFinite(x)) {
                cpu.fflags |= Fpu.DZ;
            }
            return bits(quotient);
        }
        if (x == 0 || Double.isInfinite(x) || Double.isInfinite(y)) {
            return bits(quotient);
        }
        if (Double.isInfinite(quotient)) {
            return Rounding.overflow(Format.DOUBLE, quotient < 0, rm, cpu);
        }
        return ExactArithmetic.divide(x, y, Format.DOUBLE, rm, cpu);
    }

    public static long sqrt(long a, int rm, Cpu cpu) {
        return Double.doubleToRawLongBits(sqrt(Double.longBitsToDouble(a), rm, cpu));
    }

    public static double sqrt(double x, int rm, Cpu cpu) {
        double root = Math.sqrt(x);
        return alreadyInexact(root, rm, cpu) ? root : Double.longBitsToDouble(sqrtExactly(Double.doubleToRawLongBits(x), rm, cpu));
    }

    private static long sqrtExactly(long a, int rm, Cpu cpu) {
        double x = d(a);
        if (x >= RESIDUAL_EXACT && x <= Double.MAX_VALUE) {
            double root = Math.sqrt(x);
            double remainder = Math.fma(-root, root, x);
            // Only the error's sign matters: no square root is ever halfway between two doubles.
            return finish(root, remainder > 0 ? Double.MIN_VALUE : remainder < 0 ? -Double.MIN_VALUE : 0, rm, cpu);
        }
        return sqrtSpecial(a, rm, cpu);
    }

    /** {@link #sqrt} of a NaN, a negative number, a zero, an infinity or a tiny number. */
    private static long sqrtSpecial(long a, int rm, Cpu cpu) {
        double x = d(a);
        if (isNaN(a)) {
            return propagateNaN(a, a, cpu);
        }
        if (x < 0) {
            return invalid(cpu);
        }
        if (x == 0 || Double.isInfinite(x)) {
            return a;
        }
        return ExactArithmetic.squareRoot(x, Format.DOUBLE, rm, cpu);
    }

    /**
     * {@code a * b + c} with a single rounding (FMADD.D). FMSUB, FNMSUB and FNMADD are this with
     * the signs of the product and addend flipped, as the spec defines them.
     */
    public static long fmadd(long a, long b, long c, int rm, Cpu cpu) {
        return Double.doubleToRawLongBits(fmadd(Double.longBitsToDouble(a), Double.longBitsToDouble(b),
                Double.longBitsToDouble(c), rm, cpu));
    }

    public static double fmadd(double x, double y, double z, int rm, Cpu cpu) {
        double result = Math.fma(x, y, z);
        return alreadyInexact(result, rm, cpu) ? result : Double.longBitsToDouble(fmaddExactly(Double.doubleToRawLongBits(x),
                Double.doubleToRawLongBits(y), Double.doubleToRawLongBits(z), rm, cpu));
    }

    private static long fmaddExactly(long a, long b, long c, int rm, Cpu cpu) {
        double x = d(a);
        double y = d(b);
        double z = d(c);
        double result = Math.fma(x, y, z);
        if (!Double.isFinite(result)) {
            return fusedSpecial(a, b, c, result, rm, cpu);
        }
        if (x == 0 || y == 0) {
            long product = (a ^ b) & SIGN;
            return z == 0 ? zeroSum(product, c, rm) : c;
        }
        double product = x * y;
        double magnitude = Math.abs(product);
        if (magnitude >= RESIDUAL_EXACT && magnitude <= Double.MAX_VALUE && Math.abs(result) >= SAFELY_NORMAL) {
            double error = fusedError(x, y, z, product, result);
            if (Double.isFinite(error)) {
                return finish(result, error, rm, cpu);
            }
        }
        // Near underflow or overflow the error-free transformations are not exact.
        return ExactArithmetic.fusedMultiplyAdd(x, y, z, Format.DOUBLE, rm, cpu);
    }

    /**
     * The error {@code x*y + z - result} of an FMA rounded to nearest, as one double that is the
     * exact error or, when that needs two doubles, lies strictly between the rounded error and its
     * neighbour on the side of the exact error (so that sign, ties and stickiness all come out right): ErrFmaNearest (Boldo and
     * Muller, "Exact and approximated error of the FMA", IEEE TC 2011), finite and not near underflow.
     */
    private static double fusedError(double x, double y, double z, double product, double result) {
        double productError = Math.fma(x, y, -product);
        double alpha1 = z + productError;
        double alpha2 = sumError(z, productError, alpha1);
        double beta1 = product + alpha1;
        double beta2 = sumError(product, alpha1, beta1);
        double gamma = (beta1 - result) + beta2;
        double error = gamma + alpha2;
        double rest = sumError(gamma, alpha2, error);
        return rest == 0 ? error : rest > 0 ? Math.nextUp(error) : Math.nextDown(error);
    }

    private static long fusedSpecial(long a, long b, long c, double result, int rm, Cpu cpu) {
        double x = d(a);
        double y = d(b);
        // 0 * inf is invalid even when the addend is a quiet NaN (RISC-V F spec, FMA).
        if (x == 0 && Double.isInfinite(y) || y == 0 && Double.isInfinite(x)) {
            return invalid(cpu);
        }
        if (isNaN(a) || isNaN(b) || isNaN(c)) {
            return isSignalingNaN(c) ? invalid(cpu) : propagateNaN(a, b, cpu);
        }
        if (Double.isNaN(result)) {
            return invalid(cpu);
        }
        if (Double.isInfinite(x) || Double.isInfinite(y) || Double.isInfinite(d(c))) {
            return bits(result);
        }
        return Rounding.overflow(Format.DOUBLE, result < 0, rm, cpu);
    }

    public static long fmsub(long a, long b, long c, int rm, Cpu cpu) {
        return fmadd(a, b, c ^ SIGN, rm, cpu);
    }

    public static long fnmsub(long a, long b, long c, int rm, Cpu cpu) {
        return fmadd(a ^ SIGN, b, c, rm, cpu);
    }

    public static long fnmadd(long a, long b, long c, int rm, Cpu cpu) {
        return fmadd(a ^ SIGN, b, c ^ SIGN, rm, cpu);
    }

    public static long sgnj(long a, long b) {
        return (a & MAGNITUDE) | (b & SIGN);
    }

    public static long sgnjn(long a, long b) {
        return (a & MAGNITUDE) | (~b & SIGN);
    }

    public static long sgnjx(long a, long b) {
        return a ^ (b & SIGN);
    }

    /** FMIN.D: the smaller operand, -0 below +0; a NaN operand is ignored unless both are NaN. */
    public static long min(long a, long b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            return minMaxNaN(a, b, cpu);
        }
        double x = d(a);
        double y = d(b);
        return x < y ? a : y < x ? b : a | b;
    }

    /** FMAX.D: the larger operand, +0 above -0; a NaN operand is ignored unless both are NaN. */
    public static long max(long a, long b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            return minMaxNaN(a, b, cpu);
        }
        double x = d(a);
        double y = d(b);
        return x > y ? a : y > x ? b : a & b;
    }

    private static long minMaxNaN(long a, long b, Cpu cpu) {
        long nan = propagateNaN(a, b, cpu);
        return isNaN(a) ? (isNaN(b) ? nan : b) : a;
    }

    /** FEQ.D: a quiet comparison (NV only for signalling NaNs). */
    public static int eq(long a, long b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            propagateNaN(a, b, cpu);
            return 0;
        }
        return d(a) == d(b) ? 1 : 0;
    }

    /** FLT.D: a signalling comparison (NV for any NaN). */
    public static int lt(long a, long b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            invalid(cpu);
            return 0;
        }
        return d(a) < d(b) ? 1 : 0;
    }

    /** FLE.D: a signalling comparison (NV for any NaN). */
    public static int le(long a, long b, Cpu cpu) {
        if (isNaN(a) || isNaN(b)) {
            invalid(cpu);
            return 0;
        }
        return d(a) <= d(b) ? 1 : 0;
    }

    /** FCLASS.D: one bit set out of ten, from -inf (bit 0) to quiet NaN (bit 9). */
    public static int fclass(long a) {
        return Classification.of(a < 0, (a & MAGNITUDE) == INFINITY, isNaN(a), (a & QUIET) == 0,
                (a & INFINITY) == 0, (a & MAGNITUDE) == 0);
    }

    /** FCVT.S.D: rounds to single precision; returns the raw single bits (not yet NaN-boxed). */
    public static int toSingle(long a, int rm, Cpu cpu) {
        double x = d(a);
        if (isNaN(a)) {
            propagateNaN(a, a, cpu);
            return FloatOps.CANONICAL_NAN;
        }
        if (x == 0 || Double.isInfinite(x)) {
            return Float.floatToRawIntBits((float) x);
        }
        return (int) Rounding.roundSum(Format.SINGLE, x, 0, rm, cpu);
    }

    /** FCVT.W.D: rounds to a signed integer; NaN and out-of-range values saturate and raise NV. */
    public static int toInt(long a, int rm, Cpu cpu) {
        return Integers.toInt(d(a), isNaN(a), rm, cpu);
    }

    /** FCVT.WU.D: rounds to an unsigned integer; NaN and out-of-range values saturate and raise NV. */
    public static int toUnsignedInt(long a, int rm, Cpu cpu) {
        return Integers.toUnsignedInt(d(a), isNaN(a), rm, cpu);
    }

    /** FCVT.D.W: always exact. */
    public static long fromInt(int value) {
        return bits(value);
    }

    /** FCVT.D.WU: always exact. */
    public static long fromUnsignedInt(int value) {
        return bits(Integer.toUnsignedLong(value));
    }
}
