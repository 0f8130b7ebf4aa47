package dev.rvjar.emit;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.util.List;

import static dev.rvjar.emit.RegionMethod.MACHINE_TYPE;
import static org.objectweb.asm.Opcodes.*;

/**
 * Generates the class that enters regions by number:
 *
 * <pre>{@code
 * public boolean run(int region, Machine machine) {
 *     switch (region >>> 7) { case g: return group_g(region, machine); ... }
 * }
 * static boolean group_g(int region, Machine machine) {
 *     switch (region) { case r: return Region_r.run(machine, 0); ... }   // at most 128 cases
 * }
 * public RegionEntry entry(int region) { ... the same two levels: case r: return Region_r::run; }
 * }</pre>
 *
 * Two levels of {@code tableswitch} keep every method small enough for the JIT however many regions
 * there are, and every call is a static call the JIT can bind directly.
 */
public final class DispatcherEmitter {
    private static final String INTERFACE = "dev/rvjar/translated/RegionDispatcher";
    private static final String ENTRY = "dev/rvjar/translated/RegionEntry";
    private static final Handle LAMBDA_METAFACTORY = new Handle(H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory",
            "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final int GROUP = 128;
    private static final int GROUP_BITS = 7;

    private DispatcherEmitter() {
    }

    public static byte[] emit(String internalName, List<String> regionClasses) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, "java/lang/Object", new String[] {INTERFACE});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        String runDescriptor = "(IL" + MACHINE_TYPE + ";)Z";
        switchOverRegions(cw, internalName, regionClasses, "run", runDescriptor, "group", (group, regionClass) -> {
            group.visitVarInsn(ALOAD, 1);
            group.visitInsn(ICONST_0); // not inside a linked call
            group.visitMethodInsn(INVOKESTATIC, regionClass, RegionEmitter.METHOD, RegionEmitter.DESCRIPTOR, false);
            group.visitInsn(IRETURN);
        });
        // Region_r::run, as javac compiles a method reference: each case's call site links once
        switchOverRegions(cw, internalName, regionClasses, "entry", "(I)L" + ENTRY + ";", "entries", (group, regionClass) -> {
            Type runType = Type.getType(RegionEmitter.DESCRIPTOR);
            group.visitInvokeDynamicInsn("run", "()L" + ENTRY + ";", LAMBDA_METAFACTORY,
                    runType, new Handle(H_INVOKESTATIC, regionClass, RegionEmitter.METHOD, RegionEmitter.DESCRIPTOR, false), runType);
            group.visitInsn(ARETURN);
        });
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** What one case of a group method does with its region's class (the method's arguments: region number, then the rest). */
    private interface CaseBody {
        void emit(MethodVisitor group, String regionClass);
    }

    /**
     * The public instance method {@code name(int region, ...)}, a switch on {@code region >>> 7}
     * that calls the static group method {@code prefix + g} with the same arguments, which
     * switches on the region and does {@code body} for it.
     */
    private static void switchOverRegions(ClassWriter cw, String internalName, List<String> regionClasses, String name,
            String descriptor, String prefix, CaseBody body) {
        int groups = (regionClasses.size() + GROUP - 1) / GROUP;
        Type[] arguments = Type.getArgumentTypes(descriptor);
        Type result = Type.getReturnType(descriptor);
        MethodVisitor run = cw.visitMethod(ACC_PUBLIC, name, descriptor, null, null);
        run.visitCode();
        Label unknown = new Label();
        Label[] groupLabels = labels(groups);
        run.visitVarInsn(ILOAD, 1);
        run.visitIntInsn(BIPUSH, GROUP_BITS);
        run.visitInsn(IUSHR);
        run.visitTableSwitchInsn(0, Math.max(0, groups - 1), unknown, groups == 0 ? new Label[] {unknown} : groupLabels);
        for (int g = 0; g < groups; g++) {
            run.visitLabel(groupLabels[g]);
            for (int i = 0; i < arguments.length; i++) {
                run.visitVarInsn(arguments[i].getOpcode(ILOAD), i + 1);
            }
            run.visitMethodInsn(INVOKESTATIC, internalName, prefix + g, descriptor, false);
            run.visitInsn(result.getOpcode(IRETURN));
        }
        run.visitLabel(unknown);
        throwNoSuchRegion(run);
        run.visitMaxs(0, 0);
        run.visitEnd();

        for (int g = 0; g < groups; g++) {
            int first = g * GROUP;
            int last = Math.min(regionClasses.size(), first + GROUP) - 1;
            MethodVisitor group = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, prefix + g, descriptor, null, null);
            group.visitCode();
            Label none = new Label();
            Label[] cases = labels(last - first + 1);
            group.visitVarInsn(ILOAD, 0);
            group.visitTableSwitchInsn(first, last, none, cases);
            for (int r = first; r <= last; r++) {
                group.visitLabel(cases[r - first]);
                body.emit(group, regionClasses.get(r));
            }
            group.visitLabel(none);
            throwNoSuchRegion(group);
            group.visitMaxs(0, 0);
            group.visitEnd();
        }
    }

    private static Label[] labels(int count) {
        Label[] labels = new Label[count];
        for (int i = 0; i < count; i++) {
            labels[i] = new Label();
        }
        return labels;
    }

    private static void throwNoSuchRegion(MethodVisitor mv) {
        mv.visitTypeInsn(NEW, "java/lang/IllegalArgumentException");
        mv.visitInsn(DUP);
        mv.visitLdcInsn("no such region");
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalArgumentException", "<init>", "(Ljava/lang/String;)V", false);
        mv.visitInsn(ATHROW);
    }
}
