package dev.rvjar.translate;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashSet;
import java.util.Set;

/**
 * The guest registers a region class's {@code run} keeps in locals, read from its bytecode (the
 * slots of {@code RegionMethod}): integer registers from x1 at slot 14, doubles from f0 at slot 45,
 * two slots each. Only {@code run}: a strided loop's bulk method uses the same slots.
 */
final class RunLocals {
    private static final int FIRST_REGISTER_SLOT = 14;
    private static final int FIRST_DOUBLE_SLOT = 45;

    private RunLocals() {
    }

    /** The integer registers {@code run} loads or stores as ints. */
    static Set<Integer> integerRegisters(byte[] classFile) {
        Set<Integer> registers = new HashSet<>();
        for (int slot : slots(classFile, Opcodes.ILOAD, Opcodes.ISTORE)) {
            if (slot >= FIRST_REGISTER_SLOT && slot < FIRST_DOUBLE_SLOT) {
                registers.add(slot - FIRST_REGISTER_SLOT + 1);
            }
        }
        return registers;
    }

    /** The floating-point registers {@code run} holds as doubles. */
    static Set<Integer> doubleRegisters(byte[] classFile) {
        Set<Integer> registers = new HashSet<>();
        for (int slot : slots(classFile, Opcodes.DLOAD, Opcodes.DSTORE)) {
            registers.add((slot - FIRST_DOUBLE_SLOT) / 2);
        }
        return registers;
    }

    private static Set<Integer> slots(byte[] classFile, int load, int store) {
        Set<Integer> slots = new HashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return !name.equals("run") ? null : new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitVarInsn(int opcode, int slot) {
                        if (opcode == load || opcode == store) {
                            slots.add(slot);
                        }
                    }
                };
            }
        }, 0);
        return slots;
    }
}
