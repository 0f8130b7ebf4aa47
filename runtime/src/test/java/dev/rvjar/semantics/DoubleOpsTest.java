package dev.rvjar.semantics;

import dev.rvjar.machine.Cpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.LongSupplier;

import static dev.rvjar.semantics.Fpu.DZ;
import static dev.rvjar.semantics.Fpu.NV;
import static dev.rvjar.semantics.Fpu.NX;
import static dev.rvjar.semantics.Fpu.OF;
import static dev.rvjar.semantics.Fpu.RDN;
import static dev.rvjar.semantics.Fpu.RNE;
import static dev.rvjar.semantics.Fpu.RTZ;
import static dev.rvjar.semantics.Fpu.RUP;
import static dev.rvjar.semantics.Fpu.UF;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Double-precision results and flags worked out by hand from IEEE 754-2008 and the RISC-V D chapter. */
class DoubleOpsTest {
    static final long ONE = 0x3ff0_0000_0000_0000L;
    static final long MINUS_ONE = 0xbff0_0000_0000_0000L;
    static final long TWO_POW_M53 = 0x3ca0_0000_0000_0000L;
    static final long MAX = 0x7fef_ffff_ffff_ffffL;
    static final long INF = 0x7ff0_0000_0000_0000L;
    static final long SNAN = 0x7ff0_0000_0000_0001L;
    static final long QNAN = 0x7ff8_0000_0000_0001L;
    static final long CANONICAL = 0x7ff8_0000_0000_0000L;
    static final long SIGN_BIT = Long.MIN_VALUE;

    private final Cpu cpu = new Cpu();

    private void check(long expected, int expectedFlags, LongSupplier op) {
        cpu.fflags = 0;
        long result = op.getAsLong();
        assertEquals(Long.toHexString(expected) + " flags " + expectedFlags, Long.toHexString(result) + " flags " + cpu.fflags);
    }

    private static long hex(String bits) {
        return Long.parseUnsignedLong(bits, 16);
    }

    @ParameterizedTest(name = "1 + 2^-53 (a tie) in mode {0} is {1}")
    @CsvSource({"0, 3ff0000000000000", "1, 3ff0000000000000", "2, 3ff0000000000000",
        "3, 3ff0000000000001", "4, 3ff0000000000001"})
    void addRoundsATieInEveryMode(int rm, String expected) {
        check(hex(expected), NX, () -> DoubleOps.add(ONE, TWO_POW_M53, rm, cpu));
    }

    @ParameterizedTest(name = "0.1 + 0.2 in mode {0} is {1}")
    @CsvSource({"0, 3fd3333333333334", "1, 3fd3333333333333", "2, 3fd3333333333333",
        "3, 3fd3333333333334", "4, 3fd3333333333334"})
    void addRoundsAnInexactSumByMode(int rm, String expected) {
        check(hex(expected), NX, () -> DoubleOps.add(0x3fb9_9999_9999_999aL, 0x3fc9_9999_9999_999aL, rm, cpu));
    }

    @ParameterizedTest(name = "MAX * 2 in mode {0} is {1}")
    @CsvSource({"0, 7ff0000000000000", "1, 7fefffffffffffff", "2, 7fefffffffffffff",
        "3, 7ff0000000000000", "4, 7ff0000000000000"})
    void overflowByMode(int rm, String expected) {
        check(hex(expected), OF | NX, () -> DoubleOps.mul(MAX, 0x4000_0000_0000_0000L, rm, cpu));
    }

    @Test
    void roundingUpPastTheLargestFiniteNumberOverflows() {
        // MAX + 1 is exact-less than half an ulp above MAX: nearest gives MAX, upwards overflows.
        check(MAX, NX, () -> DoubleOps.add(MAX, ONE, RNE, cpu));
        check(INF, OF | NX, () -> DoubleOps.add(MAX, ONE, RUP, cpu));
    }

    @Test
    void tininessIsDetectedAfterRounding() {
        // (1 + 2^-27)(1 - 2^-27) 2^-1022 = 2^-1022 (1 - 2^-54): not tiny after rounding to nearest.
        long a = 0x200L << 52 | 1L << 25;
        long b = 0x1ffL << 52 | ((1L << 26) - 1) << 26;
        check(0x0010_0000_0000_0000L, NX, () -> DoubleOps.mul(a, b, RNE, cpu));
        check(0x000f_ffff_ffff_ffffL, UF | NX, () -> DoubleOps.mul(a, b, RTZ, cpu));
    }

    @Test
    void subnormalResults() {
        check(0x0000_0000_0000_0001L, 0, () -> DoubleOps.mul(0x0000_0000_0000_0002L, 0x3fe0_0000_0000_0000L, RNE, cpu));
        // 2^-1074 / 2 is a tie between 0 and the smallest subnormal.
        check(0, UF | NX, () -> DoubleOps.mul(0x0000_0000_0000_0001L, 0x3fe0_0000_0000_0000L, RNE, cpu));
        check(1, UF | NX, () -> DoubleOps.mul(0x0000_0000_0000_0001L, 0x3fe0_0000_0000_0000L, RUP, cpu));
        check(0x8000_0000_0000_0001L, UF | NX, () -> DoubleOps.div(0x8000_0000_0000_0001L, 0x4000_0000_0000_0000L, RDN, cpu));
    }

    @ParameterizedTest(name = "1 / 3 in mode {0} is {1}")
    @CsvSource({"0, 3fd5555555555555", "1, 3fd5555555555555", "2, 3fd5555555555555",
        "3, 3fd5555555555556", "4, 3fd5555555555555"})
    void divideRoundsByMode(int rm, String expected) {
        check(hex(expected), NX, () -> DoubleOps.div(ONE, 0x4008_0000_0000_0000L, rm, cpu));
    }

    @Test
    void divisionSpecialCases() {
        check(INF, DZ, () -> DoubleOps.div(ONE, 0, RNE, cpu));
        check(CANONICAL, NV, () -> DoubleOps.div(0, 0, RNE, cpu));
        check(0x8000_0000_0000_0000L, 0, () -> DoubleOps.div(MINUS_ONE, INF, RNE, cpu));
        check(CANONICAL, NV, () -> DoubleOps.div(SNAN, ONE, RNE, cpu));
    }

    @ParameterizedTest(name = "sqrt 2 in mode {0} is {1}")
    @CsvSource({"0, 3ff6a09e667f3bcd", "1, 3ff6a09e667f3bcc", "2, 3ff6a09e667f3bcc",
        "3, 3ff6a09e667f3bcd", "4, 3ff6a09e667f3bcd"})
    void squareRootRoundsByMode(int rm, String expected) {
        check(hex(expected), NX, () -> DoubleOps.sqrt(0x4000_0000_0000_0000L, rm, cpu));
    }

    @Test
    void squareRootOfTinyAndNegativeValues() {
        check(0x1e60_0000_0000_0000L, 0, () -> DoubleOps.sqrt(0x0000_0000_0000_0001L, RNE, cpu));
        check(CANONICAL, NV, () -> DoubleOps.sqrt(MINUS_ONE, RNE, cpu));
        check(0x8000_0000_0000_0000L, 0, () -> DoubleOps.sqrt(0x8000_0000_0000_0000L, RNE, cpu));
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        // (1 + 2^-27)^2 - 1 = 2^-26 + 2^-54 exactly.
        long a = 0x3ff0_0000_0200_0000L;
        check(0x3e50_0000_0100_0000L, 0, () -> DoubleOps.fmadd(a, a, MINUS_ONE, RNE, cpu));
        // (1 + 2^-52)^2 + 1: exact 2 + 2^-51 + 2^-104 rounds up to 2 + 2^-51 + ... in RUP only.
        long b = 0x3ff0_0000_0000_0001L;
        check(0x4000_0000_0000_0001L, NX, () -> DoubleOps.fmadd(b, b, ONE, RNE, cpu));
        check(0x4000_0000_0000_0002L, NX, () -> DoubleOps.fmadd(b, b, ONE, RUP, cpu));
        check(0x4000_0000_0000_0001L, NX, () -> DoubleOps.fmadd(b, b, ONE, RTZ, cpu));
    }

    @Test
    void fusedSpecialCases() {
        check(CANONICAL, NV, () -> DoubleOps.fmadd(0, INF, QNAN, RNE, cpu));
        check(CANONICAL, NV, () -> DoubleOps.fmsub(INF, ONE, INF, RNE, cpu));
        check(0x8000_0000_0000_0000L, 0, () -> DoubleOps.fmadd(ONE, MINUS_ONE, ONE, RDN, cpu));
        check(0, 0, () -> DoubleOps.fmadd(ONE, MINUS_ONE, ONE, RNE, cpu));
        check(0x8000_0000_0000_0000L, 0, () -> DoubleOps.fnmadd(0, ONE, 0, RNE, cpu));
        check(INF, OF | NX, () -> DoubleOps.fmadd(MAX, 0x4000_0000_0000_0000L, 0, RNE, cpu));
        // 2 MAX - MAX is exactly MAX: the product overflows, the fused result does not.
        check(MAX, 0, () -> DoubleOps.fmadd(MAX, 0x4000_0000_0000_0000L, MAX | SIGN_BIT, RNE, cpu));
    }

    @Test
    void narrowsToSingleByMode() {
        cpu.fflags = 0;
        assertEquals(0x3dcc_cccd, DoubleOps.toSingle(0x3fb9_9999_9999_999aL, RNE, cpu));
        assertEquals(NX, cpu.fflags);
        assertEquals(0x3dcc_cccc, DoubleOps.toSingle(0x3fb9_9999_9999_999aL, RTZ, cpu));
        cpu.fflags = 0;
        assertEquals(0x7f80_0000, DoubleOps.toSingle(0x7e37_e43c_8800_759cL, RNE, cpu));
        assertEquals(OF | NX, cpu.fflags);
        assertEquals(0x7f7f_ffff, DoubleOps.toSingle(0x7e37_e43c_8800_759cL, RTZ, cpu));
        cpu.fflags = 0;
        assertEquals(0, DoubleOps.toSingle(0x01a5_6e1f_c2f8_f359L, RNE, cpu));
        assertEquals(UF | NX, cpu.fflags);
        assertEquals(1, DoubleOps.toSingle(0x01a5_6e1f_c2f8_f359L, RUP, cpu));
        cpu.fflags = 0;
        assertEquals(0x7fc0_0000, DoubleOps.toSingle(SNAN, RNE, cpu));
        assertEquals(NV, cpu.fflags);
    }

    @Test
    void integerConversions() {
        long minusTwoPow31MinusHalf = 0xc1e0_0000_0010_0000L;
        cpu.fflags = 0;
        assertEquals(Integer.MIN_VALUE, DoubleOps.toInt(minusTwoPow31MinusHalf, RTZ, cpu));
        assertEquals(NX, cpu.fflags);
        cpu.fflags = 0;
        assertEquals(Integer.MIN_VALUE, DoubleOps.toInt(minusTwoPow31MinusHalf, RDN, cpu));
        assertEquals(NV, cpu.fflags);
        cpu.fflags = 0;
        assertEquals(-1, DoubleOps.toUnsignedInt(0x41ef_ffff_ffe0_0000L, RNE, cpu));
        assertEquals(0, cpu.fflags);
        assertEquals(Integer.MAX_VALUE, DoubleOps.toInt(CANONICAL, RNE, cpu));
        assertEquals(0xc1e0_0000_0000_0000L, DoubleOps.fromInt(Integer.MIN_VALUE));
        assertEquals(0x41ef_ffff_ffe0_0000L, DoubleOps.fromUnsignedInt(-1));
    }

    @Test
    void minMaxCompareAndClassify() {
        check(0x8000_0000_0000_0000L, 0, () -> DoubleOps.min(0, 0x8000_0000_0000_0000L, cpu));
        check(0, 0, () -> DoubleOps.max(0x8000_0000_0000_0000L, 0, cpu));
        check(ONE, NV, () -> DoubleOps.min(SNAN, ONE, cpu));
        check(CANONICAL, 0, () -> DoubleOps.max(QNAN, QNAN, cpu));
        check(0, 0, () -> DoubleOps.eq(QNAN, QNAN, cpu));
        check(0, NV, () -> DoubleOps.lt(QNAN, ONE, cpu));
        check(1, 0, () -> DoubleOps.le(MINUS_ONE, ONE, cpu));
        assertEquals(1 << 2, DoubleOps.fclass(0x800f_ffff_ffff_ffffL));
        assertEquals(1 << 8, DoubleOps.fclass(SNAN));
        assertEquals(1 << 9, DoubleOps.fclass(CANONICAL));
        assertEquals(1 << 7, DoubleOps.fclass(INF));
    }
}
