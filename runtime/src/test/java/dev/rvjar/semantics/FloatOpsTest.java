package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.rvjar.semantics.Fpu.DZ;
import static dev.rvjar.semantics.Fpu.NV;
import static dev.rvjar.semantics.Fpu.NX;
import static dev.rvjar.semantics.Fpu.OF;
import static dev.rvjar.semantics.Fpu.RDN;
import static dev.rvjar.semantics.Fpu.RMM;
import static dev.rvjar.semantics.Fpu.RNE;
import static dev.rvjar.semantics.Fpu.RTZ;
import static dev.rvjar.semantics.Fpu.RUP;
import static dev.rvjar.semantics.Fpu.UF;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Single-precision results and flags worked out by hand from IEEE 754-2008 and the RISC-V F
 * chapter (tininess after rounding, canonical NaN, NaN boxing). Values are raw bits.
 */
class FloatOpsTest {
    static final int ONE = 0x3f80_0000;
    static final int MINUS_ONE = 0xbf80_0000;
    static final int TWO_POW_M24 = 0x3380_0000;
    static final int MAX = 0x7f7f_ffff;
    static final int INF = 0x7f80_0000;
    static final int QNAN = 0x7fc0_0001;
    static final int SNAN = 0x7f80_0001;
    static final int CANONICAL = 0x7fc0_0000;

    private final Cpu cpu = new Cpu();

    /** Runs op with fresh flags and checks result and flags together. */
    private void check(int expected, int expectedFlags, java.util.function.IntSupplier op) {
        cpu.fflags = 0;
        int result = op.getAsInt();
        assertEquals(Integer.toHexString(expected) + " flags " + expectedFlags,
                Integer.toHexString(result) + " flags " + cpu.fflags);
    }

    @ParameterizedTest(name = "1 + 2^-24 (a tie) in mode {0} is {1}")
    @CsvSource({"0, 3f800000", "1, 3f800000", "2, 3f800000", "3, 3f800001", "4, 3f800001"})
    void addRoundsATieInEveryMode(int rm, String expected) {
        check(Integer.parseUnsignedInt(expected, 16), NX, () -> FloatOps.add(ONE, TWO_POW_M24, rm, cpu));
    }

    @ParameterizedTest(name = "-1 - 2^-24 in mode {0} is {1}")
    @CsvSource({"0, bf800000", "1, bf800000", "2, bf800001", "3, bf800000", "4, bf800001"})
    void negativeTieRoundsByMagnitudeOrDirection(int rm, String expected) {
        check(Integer.parseUnsignedInt(expected, 16), NX, () -> FloatOps.sub(MINUS_ONE, TWO_POW_M24, rm, cpu));
    }

    @ParameterizedTest(name = "MAX + MAX in mode {0} is {1}")
    @CsvSource({"0, 7f800000", "1, 7f7fffff", "2, 7f7fffff", "3, 7f800000", "4, 7f800000"})
    void overflowGivesInfinityOrMaxByMode(int rm, String expected) {
        check(Integer.parseUnsignedInt(expected, 16), OF | NX, () -> FloatOps.add(MAX, MAX, rm, cpu));
    }

    @ParameterizedTest(name = "-MAX - MAX in mode {0} is {1}")
    @CsvSource({"0, ff800000", "1, ff7fffff", "2, ff800000", "3, ff7fffff", "4, ff800000"})
    void negativeOverflowGivesInfinityOrMaxByMode(int rm, String expected) {
        check(Integer.parseUnsignedInt(expected, 16), OF | NX, () -> FloatOps.add(MAX | 0x8000_0000, MAX | 0x8000_0000, rm, cpu));
    }

    @Test
    void exactSubnormalResultRaisesNothing() {
        check(0x0040_0000, 0, () -> FloatOps.mul(0x0080_0000, 0x3f00_0000, RNE, cpu));
    }

    @Test
    void inexactSubnormalResultUnderflows() {
        // (2^-126 + 2^-149) / 2 lies halfway between two subnormals: even one in RNE, upper in RUP.
        check(0x0040_0000, UF | NX, () -> FloatOps.mul(0x0080_0001, 0x3f00_0000, RNE, cpu));
        check(0x0040_0001, UF | NX, () -> FloatOps.mul(0x0080_0001, 0x3f00_0000, RUP, cpu));
    }

    @Test
    void tininessIsDetectedAfterRounding() {
        // (1 + 2^-13)(1 - 2^-13) 2^-126 = 2^-126 (1 - 2^-26): rounds to the smallest normal even
        // with an unbounded exponent, so it is not tiny: NX only. Towards zero it is tiny.
        int a = 0x2000_0400;
        int b = 0x1fff_f800;
        check(0x0080_0000, NX, () -> FloatOps.mul(a, b, RNE, cpu));
        check(0x007f_ffff, UF | NX, () -> FloatOps.mul(a, b, RTZ, cpu));
        // (1 + 2^-12)(1 - 2^-12) 2^-126 = 2^-126 - 2^-150: tiny with an unbounded exponent, but
        // rounds to the smallest normal: UF and NX.
        check(0x0080_0000, UF | NX, () -> FloatOps.mul(0x2000_0800, 0x1fff_f000, RNE, cpu));
    }

    @ParameterizedTest(name = "1 / 3 in mode {0} is {1}")
    @CsvSource({"0, 3eaaaaab", "1, 3eaaaaaa", "2, 3eaaaaaa", "3, 3eaaaaab", "4, 3eaaaaab"})
    void divideRoundsByMode(int rm, String expected) {
        check(Integer.parseUnsignedInt(expected, 16), NX, () -> FloatOps.div(ONE, 0x4040_0000, rm, cpu));
    }

    @Test
    void divisionByZeroAndInvalidDivisions() {
        check(INF, DZ, () -> FloatOps.div(ONE, 0, RNE, cpu));
        check(0xff80_0000, DZ, () -> FloatOps.div(MINUS_ONE, 0, RNE, cpu));
        check(CANONICAL, NV, () -> FloatOps.div(0, 0, RNE, cpu));
        check(CANONICAL, NV, () -> FloatOps.div(INF, INF, RNE, cpu));
        check(0, 0, () -> FloatOps.div(ONE, INF, RNE, cpu));
    }

    @ParameterizedTest(name = "sqrt 2 in mode {0} is {1}")
    @CsvSource({"0, 3fb504f3", "1, 3fb504f3", "2, 3fb504f3", "3, 3fb504f4", "4, 3fb504f3"})
    void squareRootRoundsByMode(int rm, String expected) {
        check(Integer.parseUnsignedInt(expected, 16), NX, () -> FloatOps.sqrt(0x4000_0000, rm, cpu));
    }

    @Test
    void squareRootSpecialCases() {
        check(CANONICAL, NV, () -> FloatOps.sqrt(MINUS_ONE, RNE, cpu));
        check(0x8000_0000, 0, () -> FloatOps.sqrt(0x8000_0000, RNE, cpu));
        check(0x4080_0000, 0, () -> FloatOps.sqrt(0x4180_0000, RNE, cpu));
        check(CANONICAL, NV, () -> FloatOps.sqrt(SNAN, RNE, cpu));
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        // (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24 exactly; rounding the product first would lose 2^-24.
        check(0x3a00_0400, 0, () -> FloatOps.fmadd(0x3f80_0800, 0x3f80_0800, MINUS_ONE, RNE, cpu));
        check(0xba00_0400, 0, () -> FloatOps.fnmadd(0x3f80_0800, 0x3f80_0800, MINUS_ONE, RNE, cpu));
        check(0x3a00_0400, 0, () -> FloatOps.fmsub(0x3f80_0800, 0x3f80_0800, ONE, RNE, cpu));
        check(0xba00_0400, 0, () -> FloatOps.fnmsub(0x3f80_0800, 0x3f80_0800, ONE, RNE, cpu));
    }

    @Test
    void zeroTimesInfinityIsInvalidEvenWithAQuietNaNAddend() {
        check(CANONICAL, NV, () -> FloatOps.fmadd(0, INF, QNAN, RNE, cpu));
        check(CANONICAL, 0, () -> FloatOps.fmadd(ONE, ONE, QNAN, RNE, cpu));
        check(CANONICAL, NV, () -> FloatOps.fmadd(ONE, ONE, SNAN, RNE, cpu));
        check(CANONICAL, NV, () -> FloatOps.fmadd(INF, ONE, INF | 0x8000_0000, RNE, cpu));
    }

    @Test
    void exactZeroSumIsNegativeOnlyWhenRoundingDown() {
        check(0, 0, () -> FloatOps.add(ONE, MINUS_ONE, RNE, cpu));
        check(0x8000_0000, 0, () -> FloatOps.add(ONE, MINUS_ONE, RDN, cpu));
        check(0x8000_0000, 0, () -> FloatOps.add(0x8000_0000, 0x8000_0000, RNE, cpu));
        check(0, 0, () -> FloatOps.add(0, 0x8000_0000, RUP, cpu));
        check(0x8000_0000, 0, () -> FloatOps.add(0, 0x8000_0000, RDN, cpu));
        check(0x8000_0000, 0, () -> FloatOps.fmadd(ONE, ONE, MINUS_ONE, RDN, cpu));
    }

    @Test
    void nanInputsGiveTheCanonicalNaN() {
        check(CANONICAL, 0, () -> FloatOps.add(QNAN, ONE, RNE, cpu));
        check(CANONICAL, NV, () -> FloatOps.mul(SNAN, ONE, RNE, cpu));
        check(CANONICAL, NV, () -> FloatOps.sub(INF, INF, RNE, cpu));
        check(CANONICAL, NV, () -> FloatOps.mul(0, INF, RNE, cpu));
    }

    @Test
    void minAndMaxOrderZerosAndSkipOneNaN() {
        check(0x8000_0000, 0, () -> FloatOps.min(0, 0x8000_0000, cpu));
        check(0, 0, () -> FloatOps.max(0x8000_0000, 0, cpu));
        check(ONE, 0, () -> FloatOps.min(QNAN, ONE, cpu));
        check(ONE, NV, () -> FloatOps.max(ONE, SNAN, cpu));
        check(CANONICAL, 0, () -> FloatOps.min(QNAN, QNAN, cpu));
        check(MINUS_ONE, 0, () -> FloatOps.min(ONE, MINUS_ONE, cpu));
    }

    @Test
    void equalityIsQuietAndOrderingSignals() {
        check(0, 0, () -> FloatOps.eq(QNAN, ONE, cpu));
        check(0, NV, () -> FloatOps.eq(SNAN, ONE, cpu));
        check(0, NV, () -> FloatOps.lt(QNAN, ONE, cpu));
        check(0, NV, () -> FloatOps.le(ONE, QNAN, cpu));
        check(1, 0, () -> FloatOps.eq(0, 0x8000_0000, cpu));
        check(1, 0, () -> FloatOps.le(0x8000_0000, 0, cpu));
        check(0, 0, () -> FloatOps.lt(0x8000_0000, 0, cpu));
    }

    @ParameterizedTest(name = "fclass {0} = {1}")
    @CsvSource({"ff800000, 1", "bf800000, 2", "807fffff, 4", "80000000, 8", "00000000, 16",
        "00000001, 32", "3f800000, 64", "7f800000, 128", "7f800001, 256", "7fc00000, 512"})
    void classifiesEveryKindOfValue(String value, int expected) {
        assertEquals(expected, FloatOps.fclass(Integer.parseUnsignedInt(value, 16)));
    }

    @ParameterizedTest(name = "fcvt.w.s {0} in mode {1} = {2}")
    @CsvSource({"40200000, 0, 2", "40200000, 1, 2", "40200000, 2, 2", "40200000, 3, 3", "40200000, 4, 3",
        "c0200000, 0, -2", "c0200000, 1, -2", "c0200000, 2, -3", "c0200000, 3, -2", "c0200000, 4, -3"})
    void convertsToIntegerByMode(String value, int rm, int expected) {
        check(expected, NX, () -> FloatOps.toInt(Integer.parseUnsignedInt(value, 16), rm, cpu));
    }

    @Test
    void integerConversionsSaturate() {
        check(Integer.MAX_VALUE, NV, () -> FloatOps.toInt(QNAN, RNE, cpu));
        check(Integer.MAX_VALUE, NV, () -> FloatOps.toInt(0x4f00_0000, RNE, cpu));
        check(Integer.MIN_VALUE, 0, () -> FloatOps.toInt(0xcf00_0000, RNE, cpu));
        check(Integer.MIN_VALUE, NV, () -> FloatOps.toInt(0xff80_0000, RNE, cpu));
        check(0x8000_0000, 0, () -> FloatOps.toUnsignedInt(0x4f00_0000, RNE, cpu));
        check(0, NV, () -> FloatOps.toUnsignedInt(MINUS_ONE, RNE, cpu));
        check(0, NX, () -> FloatOps.toUnsignedInt(0xbf00_0000, RTZ, cpu));
        check(-1, NV, () -> FloatOps.toUnsignedInt(SNAN, RNE, cpu));
        check(-1, NV, () -> FloatOps.toUnsignedInt(INF, RNE, cpu));
    }

    @Test
    void integerToSingleRoundsBeyondTwentyFourBits() {
        check(0x4b80_0000, NX, () -> FloatOps.fromInt((1 << 24) + 1, RNE, cpu));
        check(0x4b80_0001, NX, () -> FloatOps.fromInt((1 << 24) + 1, RUP, cpu));
        check(0xcf00_0000, 0, () -> FloatOps.fromInt(Integer.MIN_VALUE, RNE, cpu));
        check(0x4f80_0000, NX, () -> FloatOps.fromUnsignedInt(-1, RNE, cpu));
        check(0x4f7f_ffff, NX, () -> FloatOps.fromUnsignedInt(-1, RTZ, cpu));
        check(0, 0, () -> FloatOps.fromInt(0, RDN, cpu));
    }

    @Test
    void singlesAreNaNBoxedInDoubleRegisters() {
        assertEquals(0xffff_ffff_3f80_0000L, FloatOps.box(ONE));
        assertEquals(ONE, FloatOps.unbox(0xffff_ffff_3f80_0000L));
        assertEquals(CANONICAL, FloatOps.unbox(0x0000_0000_3f80_0000L));
        assertEquals(CANONICAL, FloatOps.unbox(0xffff_fffe_3f80_0000L));
    }

    @Test
    void signInjection() {
        assertEquals(MINUS_ONE, FloatOps.sgnj(ONE, 0x8000_0000));
        assertEquals(MINUS_ONE, FloatOps.sgnjn(ONE, 0));
        assertEquals(ONE, FloatOps.sgnjx(MINUS_ONE, 0x8000_0000));
    }

    @Test
    void widensExactlyAndCanonicalisesNaNs() {
        cpu.fflags = 0;
        assertEquals(0x3ff0_0000_0000_0000L, FloatOps.toDouble(ONE, cpu));
        assertEquals(0x36a0_0000_0000_0000L, FloatOps.toDouble(1, cpu));
        assertEquals(0, cpu.fflags);
        assertEquals(0x7ff8_0000_0000_0000L, FloatOps.toDouble(SNAN, cpu));
        assertEquals(NV, cpu.fflags);
    }
}
