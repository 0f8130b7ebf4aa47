package dev.rvjar.translate;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Which runtime classes a generated class calls: how a test sees that an idiom was compiled in. */
final class RuntimeCalls {
    private RuntimeCalls() {
    }

    /** Whether any method of {@code classFile} calls a method of {@code owner} (an internal name). */
    static boolean calls(byte[] classFile, String owner) {
        boolean[] seen = new boolean[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String callee, String method, String desc, boolean itf) {
                        seen[0] |= callee.equals(owner);
                    }
                };
            }
        }, 0);
        return seen[0];
    }
}
