package dev.rvjar.semantics;

/** The ten classes of FCLASS.S and FCLASS.D, one result bit each (RISC-V F spec, table "fclass"). */
final class Classification {
    static final int NEGATIVE_INFINITY = 1;
    static final int NEGATIVE_NORMAL = 1 << 1;
    static final int NEGATIVE_SUBNORMAL = 1 << 2;
    static final int NEGATIVE_ZERO = 1 << 3;
    static final int POSITIVE_ZERO = 1 << 4;
    static final int POSITIVE_SUBNORMAL = 1 << 5;
    static final int POSITIVE_NORMAL = 1 << 6;
    static final int POSITIVE_INFINITY = 1 << 7;
    static final int SIGNALING_NAN = 1 << 8;
    static final int QUIET_NAN = 1 << 9;

    private Classification() {
    }

    /**
     * The class bit from the fields of a raw value: its sign, whether it is an infinity or a NaN,
     * whether its quiet bit is clear, whether its exponent field is zero and whether it is a zero.
     */
    static int of(boolean negative, boolean infinite, boolean nan, boolean quietBitClear, boolean exponentZero, boolean zero) {
        if (nan) {
            return quietBitClear ? SIGNALING_NAN : QUIET_NAN;
        }
        if (infinite) {
            return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        if (zero) {
            return negative ? NEGATIVE_ZERO : POSITIVE_ZERO;
        }
        if (exponentZero) {
            return negative ? NEGATIVE_SUBNORMAL : POSITIVE_SUBNORMAL;
        }
        return negative ? NEGATIVE_NORMAL : POSITIVE_NORMAL;
    }
}
