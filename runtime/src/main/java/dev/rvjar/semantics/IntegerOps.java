package dev.rvjar.semantics;

/**
 * Integer semantics that take more than one bytecode, defined once: the interpreter calls these and
 * translated code emits calls to the same methods (small enough for the JIT to inline).
 */
public final class IntegerOps {
    private IntegerOps() {
    }

    public static int mulh(int a, int b) {
        return (int) (((long) a * (long) b) >> 32);
    }

    public static int mulhsu(int a, int b) {
        return (int) (((long) a * Integer.toUnsignedLong(b)) >> 32);
    }

    public static int mulhu(int a, int b) {
        return (int) ((Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)) >>> 32);
    }

    /** Signed division: by zero gives -1, and the overflow case -2^31 / -1 gives -2^31 (spec 13.2). */
    public static int div(int a, int b) {
        if (b == 0) {
            return -1;
        }
        if (b == -1) {
            return -a;
        }
        return a / b;
    }

    public static int divu(int a, int b) {
        return b == 0 ? -1 : Integer.divideUnsigned(a, b);
    }

    /** Signed remainder: by zero gives the dividend, -2^31 % -1 gives 0. */
    public static int rem(int a, int b) {
        if (b == 0) {
            return a;
        }
        if (b == -1) {
            return 0;
        }
        return a % b;
    }

    public static int remu(int a, int b) {
        return b == 0 ? a : Integer.remainderUnsigned(a, b);
    }

    public static int slt(int a, int b) {
        return a < b ? 1 : 0;
    }

    public static int sltu(int a, int b) {
        return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
    }

    /** Zbb orc.b: each byte becomes 0xff when any of its bits is set, else 0x00. */
    public static int orcb(int a) {
        int result = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            if (((a >>> shift) & 0xFF) != 0) {
                result |= 0xFF << shift;
            }
        }
        return result;
    }

    public static int minu(int a, int b) {
        return Integer.compareUnsigned(a, b) <= 0 ? a : b;
    }

    public static int maxu(int a, int b) {
        return Integer.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** The value an AMO*.W instruction stores, given the old memory value and rs2. */
    public static int atomic(dev.rvjar.decode.Opcode op, int old, int operand) {
        return switch (op) {
            case AMOSWAP_W -> operand;
            case AMOADD_W -> old + operand;
            case AMOXOR_W -> old ^ operand;
            case AMOAND_W -> old & operand;
            case AMOOR_W -> old | operand;
            case AMOMIN_W -> Math.min(old, operand);
            case AMOMAX_W -> Math.max(old, operand);
            case AMOMINU_W -> minu(old, operand);
            case AMOMAXU_W -> maxu(old, operand);
            default -> throw new IllegalArgumentException("not an AMO: " + op);
        };
    }
}
