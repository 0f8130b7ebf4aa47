package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;
import dev.rvjar.semantics.Rounding.Format;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast paths of {@link DoubleOps} (Java arithmetic plus error-free transformations) against
 * exact big-integer arithmetic rounded once, on random operands in every rounding mode and with
 * NX accrued or not: results and flags must agree bit for bit.
 */
class FastPathsMatchExactArithmeticTest {
    private static final int ROUNDS = 20_000;
    private final Random random = new Random(20260101);
    private final Cpu fast = new Cpu();
    private final Cpu exact = new Cpu();

    /** A random finite non-zero double, with significands that make ties and cancellation likely. */
    private double operand() {
        long significand = switch (random.nextInt(4)) {
            case 0 -> random.nextLong() & 0xF_FFFF_FFFF_FFFFL;
            case 1 -> (random.nextLong() & 0xF_FFFF_FFFF_FFFFL) & (-1L << random.nextInt(52));
            case 2 -> 0xF_FFFF_FFFF_FFFFL ^ (1L << random.nextInt(52));
            default -> 1L << random.nextInt(52);
        };
        // Mostly near 1, so that sums cancel; sometimes anywhere, down to subnormals and up to overflow.
        long exponent = random.nextInt(4) == 0 ? random.nextInt(2047) : 1023 + random.nextInt(64) - 32;
        double value = Double.longBitsToDouble(exponent << 52 | significand);
        return random.nextBoolean() ? -value : value;
    }

    /**
     * The flags accrued before an operation: none, or NX with any others (after the first rounding
     * of a program, NX stays raised, and the commonest results then take the shortest path).
     */
    private int accrued() {
        return random.nextBoolean() ? 0 : Fpu.NX | random.nextInt(32);
    }

    /**
     * Runs one operation fast and exactly from the same random accrued flags and compares results
     * and flags; returns whether it raised no flag from none.
     */
    private boolean check(String what, LongSupplier fastOperation, LongSupplier exactOperation) {
        fast.fflags = exact.fflags = accrued();
        boolean noFlagBefore = exact.fflags == 0;
        long fastBits = fastOperation.getAsLong();
        long exactBits = exactOperation.getAsLong();
        assertEquals(Long.toHexString(exactBits) + " flags " + exact.fflags,
                Long.toHexString(fastBits) + " flags " + fast.fflags, what);
        return noFlagBefore && exact.fflags == 0;
    }

    @Test
    void addMultiplyDivideSqrtAndFma() {
        for (int i = 0; i < ROUNDS; i++) {
            double x = operand();
            double y = operand();
            double z = operand();
            long a = Double.doubleToRawLongBits(x);
            long b = Double.doubleToRawLongBits(y);
            long c = Double.doubleToRawLongBits(z);
            int rm = random.nextInt(5);
            String operands = x + ", " + y + ", " + z + " rm " + rm;

            check("add " + operands, () -> DoubleOps.add(a, b, rm, fast), () -> ExactArithmetic.add(x, y, Format.DOUBLE, rm, exact));
            check("mul " + operands, () -> DoubleOps.mul(a, b, rm, fast),
                    () -> ExactArithmetic.multiply(x, y, Format.DOUBLE, rm, exact));
            check("div " + operands, () -> DoubleOps.div(a, b, rm, fast), () -> ExactArithmetic.divide(x, y, Format.DOUBLE, rm, exact));
            check("sqrt " + operands, () -> DoubleOps.sqrt(a & Long.MAX_VALUE, rm, fast),
                    () -> ExactArithmetic.squareRoot(Math.abs(x), Format.DOUBLE, rm, exact));
            check("fma " + operands, () -> DoubleOps.fmadd(a, b, c, rm, fast),
                    () -> ExactArithmetic.fusedMultiplyAdd(x, y, z, Format.DOUBLE, rm, exact));
            // Cancelling FMAs: the addend is minus the rounded product, so the result is its error.
            double p = -(x * y);
            if (!Double.isFinite(p) || p == 0) {
                continue;
            }
            check("fma cancel " + operands, () -> DoubleOps.fmadd(a, b, Double.doubleToRawLongBits(p), rm, fast),
                    () -> ExactArithmetic.fusedMultiplyAdd(x, y, p, Format.DOUBLE, rm, exact));
        }
    }

    /**
     * A random single with few significant bits (a small integer times a power of two), so that
     * sums, products and FMAs of such operands are often exact, cancel to zero, or are exact in
     * double precision but not in single; exponents sometimes far apart, where a double sum rounds.
     */
    private float coarseOperand() {
        int integer = random.nextInt(64) + 1;
        int exponent = random.nextInt(8) == 0 ? random.nextInt(250) - 140 : random.nextInt(40) - 20;
        float value = Math.scalb((float) integer, exponent);
        return random.nextBoolean() ? -value : value;
    }

    /** {@link #check} for an operation on singles: the fast result's 32 bits. */
    private boolean checkSingle(String what, IntSupplier fastOperation, LongSupplier exactOperation) {
        return check(what, () -> fastOperation.getAsInt() & 0xFFFF_FFFFL, exactOperation);
    }

    /**
     * Every single-precision operation of {@code x}, {@code y} and {@code z} (finite, non-zero) in a
     * random rounding mode, fast against exact; returns whether the sum raised no flag from none.
     */
    private boolean checkSingleOperations(float x, float y, float z) {
        int a = Float.floatToRawIntBits(x);
        int b = Float.floatToRawIntBits(y);
        int c = Float.floatToRawIntBits(z);
        int rm = random.nextInt(5);
        String operands = x + ", " + y + ", " + z + " rm " + rm;
        boolean exactSum = checkSingle("add " + operands, () -> FloatOps.add(a, b, rm, fast),
                () -> ExactArithmetic.add(x, y, Format.SINGLE, rm, exact));
        checkSingle("sub " + operands, () -> FloatOps.sub(a, b, rm, fast), () -> ExactArithmetic.add(x, -y, Format.SINGLE, rm, exact));
        checkSingle("mul " + operands, () -> FloatOps.mul(a, b, rm, fast),
                () -> ExactArithmetic.multiply(x, y, Format.SINGLE, rm, exact));
        checkSingle("div " + operands, () -> FloatOps.div(a, b, rm, fast), () -> ExactArithmetic.divide(x, y, Format.SINGLE, rm, exact));
        checkSingle("sqrt " + operands, () -> FloatOps.sqrt(a & Integer.MAX_VALUE, rm, fast),
                () -> ExactArithmetic.squareRoot(Math.abs(x), Format.SINGLE, rm, exact));
        checkSingle("fma " + operands, () -> FloatOps.fmadd(a, b, c, rm, fast),
                () -> ExactArithmetic.fusedMultiplyAdd(x, y, z, Format.SINGLE, rm, exact));
        return exactSum;
    }

    @Test
    void singleOperationsAgreeWithExactArithmeticRoundedToSingle() {
        for (int i = 0; i < ROUNDS; i++) {
            float x = (float) operand();
            float y = (float) operand();
            float z = (float) operand();
            if (!Float.isFinite(x * 0 + y * 0 + z * 0) || x == 0 || y == 0 || z == 0) {
                continue; // the narrowing overflowed or underflowed: exact arithmetic takes finite non-zero operands
            }
            checkSingleOperations(x, y, z);
        }
    }

    @Test
    void exactSingleResultsTakeNoFlagInEveryRoundingMode() {
        int exactSums = 0;
        for (int i = 0; i < ROUNDS; i++) {
            float x = coarseOperand();
            float y = random.nextInt(8) == 0 ? -x : coarseOperand();
            float z = random.nextInt(8) == 0 ? -(x * y) : coarseOperand();
            if (x == 0 || y == 0 || z == 0 || !Float.isFinite(x * y)) {
                continue; // underflowed or overflowed: exact arithmetic takes finite non-zero operands
            }
            exactSums += checkSingleOperations(x, y, z) ? 1 : 0;
        }
        // the operands are meant to make exact sums common; without them the fast path went untested
        assertTrue(exactSums > ROUNDS / 8, exactSums + " exact sums");
    }
}
