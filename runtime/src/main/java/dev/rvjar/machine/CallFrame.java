package dev.rvjar.machine;

import dev.rvjar.memory.Memory;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Sets a function call up the way the RISC-V psABI's integer calling convention (ilp32, ilp32e)
 * and hardware floating-point conventions (ilp32f, ilp32d) say, for non-variadic functions:
 * integer-sized arguments in a0-a7 (a0-a5 on RV32E), then on the stack; a {@code long} (or a
 * double the convention does not give an f register) in two registers, low word first, split
 * between a7 and the stack when only a7 is left; floating-point arguments in fa0-fa7 while they
 * last and the convention allows, then like integers. Strings (UTF-8, NUL-terminated), byte
 * arrays and records of primitives (laid out as a C struct with natural alignment) are copied onto
 * the guest stack below its current stack pointer, and the call receives their address.
 */
final class CallFrame {
    static final int RA = 1;
    static final int SP = 2;
    static final int A0 = 10;
    static final int FA0 = 10;
    /** What the upper half of an f register holds for a single (NaN-boxing). */
    static final long NAN_BOX = 0xFFFF_FFFF_0000_0000L;
    /** The stack pointer's alignment at a call. */
    private static final int STACK_ALIGN = 16;

    private CallFrame() {
    }

    /** Sets registers, stack and pc so that running the machine calls {@code address} and then returns to {@code returnAddress}. */
    static void setUp(Machine machine, int address, int returnAddress, Object[] args) {
        Cpu cpu = machine.cpu();
        Memory memory = machine.memory();
        int intRegisters = machine.rv32e() ? 6 : 8;
        int floatBits = machine.image() == null ? 0 : machine.image().floatArgumentBits();
        int sp = cpu.x[SP] & -STACK_ALIGN;
        int[] pointers = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            byte[] pointee = pointee(args[i]);
            if (pointee != null) {
                sp = (sp - pointee.length) & -STACK_ALIGN;
                memory.write(sp, pointee);
                pointers[i] = sp;
            }
        }
        int[] stack = new int[2 * args.length];
        int stackWords = 0;
        int ints = 0;
        int floats = 0;
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Float value && floatBits >= 32 && floats < 8) {
                cpu.f[FA0 + floats++] = NAN_BOX | Float.floatToRawIntBits(value) & 0xFFFF_FFFFL;
            } else if (arg instanceof Double value && floatBits >= 64 && floats < 8) {
                cpu.f[FA0 + floats++] = Double.doubleToRawLongBits(value);
            } else if (arg instanceof Long || arg instanceof Double) {
                long value = arg instanceof Long l ? l : Double.doubleToRawLongBits((Double) arg);
                if (ints + 2 <= intRegisters) {
                    cpu.x[A0 + ints++] = (int) value;
                    cpu.x[A0 + ints++] = (int) (value >>> 32);
                } else if (ints < intRegisters) {
                    cpu.x[A0 + ints++] = (int) value;
                    stack[stackWords++] = (int) (value >>> 32);
                } else {
                    // on the stack, a 64-bit scalar is 8-byte aligned (4-byte on RV32E, whose stack is)
                    stackWords += machine.rv32e() ? 0 : stackWords & 1;
                    stack[stackWords++] = (int) value;
                    stack[stackWords++] = (int) (value >>> 32);
                }
            } else {
                int value = word(arg, pointers[i]);
                if (ints < intRegisters) {
                    cpu.x[A0 + ints++] = value;
                } else {
                    stack[stackWords++] = value;
                }
            }
        }
        sp = (sp - 4 * stackWords) & -STACK_ALIGN;
        for (int i = 0; i < stackWords; i++) {
            memory.storeWord(sp + 4 * i, stack[i]);
        }
        cpu.x[SP] = sp;
        cpu.x[RA] = returnAddress;
        cpu.pc = address;
    }

    /** {@link #setUp} for at most two {@code int} arguments, in a0 and a1: no arrays, no boxes. */
    static void setUpIntegers(Machine machine, int address, int returnAddress, int a0, int a1) {
        Cpu cpu = machine.cpu();
        cpu.x[SP] &= -STACK_ALIGN;
        cpu.x[A0] = a0;
        cpu.x[A0 + 1] = a1;
        cpu.x[RA] = returnAddress;
        cpu.pc = address;
    }

    /** The bytes an argument passed by pointer stands for, or null for an argument passed by value. */
    private static byte[] pointee(Object arg) {
        if (arg instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[utf8.length + 1];
            System.arraycopy(utf8, 0, bytes, 0, utf8.length);
            return bytes;
        }
        if (arg instanceof byte[] bytes) {
            return bytes;
        }
        if (arg instanceof Record record) {
            return struct(record);
        }
        return null;
    }

    private static int word(Object arg, int pointer) {
        if (arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
            return ((Number) arg).intValue();
        }
        if (arg instanceof Character c) {
            return c;
        }
        if (arg instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (arg instanceof Float f) {
            return Float.floatToRawIntBits(f);
        }
        if (arg instanceof GuestFunction function) {
            return function.address();
        }
        if (arg instanceof String || arg instanceof byte[] || arg instanceof Record) {
            return pointer;
        }
        throw new IllegalArgumentException("cannot pass " + (arg == null ? "null" : arg.getClass().getName()) + " to the guest");
    }

    /** A record of primitives laid out as the C struct with the same members in the same order (little-endian). */
    static byte[] struct(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer field = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        int alignment = 1;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                component.getAccessor().setAccessible(true);
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + component, e);
            }
            field.clear();
            if (value instanceof Byte b) {
                field.put(b);
            } else if (value instanceof Boolean b) {
                field.put((byte) (b ? 1 : 0));
            } else if (value instanceof Short sh) {
                field.putShort(sh);
            } else if (value instanceof Character c) {
                field.putChar(c);
            } else if (value instanceof Integer i) {
                field.putInt(i);
            } else if (value instanceof Float f) {
                field.putFloat(f);
            } else if (value instanceof Long l) {
                field.putLong(l);
            } else if (value instanceof Double d) {
                field.putDouble(d);
            } else {
                throw new IllegalArgumentException("record component " + component.getName() + " is not primitive");
            }
            int size = field.position();
            alignment = Math.max(alignment, size);
            while (out.size() % size != 0) {
                out.write(0);
            }
            out.write(field.array(), 0, size);
        }
        while (out.size() % alignment != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }
}
