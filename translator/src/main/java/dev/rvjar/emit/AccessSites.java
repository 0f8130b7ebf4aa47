package dev.rvjar.emit;

import dev.rvjar.memory.HomeAccess;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.util.HashSet;
import java.util.Set;

import static org.objectweb.asm.Opcodes.*;

/**
 * One small static method in the region class for each load and store of guest memory (integer
 * and floating point), so that each access has a profile of its own. A word load, as Java:
 *
 * <pre>{@code
 * static int loadWord_0000035a(int[] words, int address, Memory memory) {
 *     int units = Integer.rotateRight(address - HomeAccess.BASE, 2);
 *     return (units | (words.length - 1 - units)) >= 0 ? words[units] : memory.loadWord(address);
 * }
 * }</pre>
 *
 * <p>Why per site: with one shared method, every access of the program shares one branch profile,
 * and a program that reads ROM or IN anywhere (all of them do) makes C2 compile the fallback, a call
 * to {@code Memory}, into every loop, where HotSpot's caller-saved registers make it spill the
 * guest registers around every iteration (measured on {@code crc32}: 1.3x slower than going
 * through the page tables). Per site, a loop that only touches RAM has a fallback that was never
 * taken, which C2 turns into an uncommon trap and leaves out of the loop. Each method is at most 35
 * bytes, within the size C1 and C2 always inline (see {@link #write}).
 */
final class AccessSites {
    private static final String HOME_ACCESS = "dev/rvjar/memory/HomeAccess";

    private final ClassWriter cw;
    private final String owner;
    private final Set<String> names = new HashSet<>();
    /** The bytecode size of the largest access method written so far. */
    private int largest;

    AccessSites(ClassWriter cw, String owner) {
        this.cw = cw;
        this.owner = owner;
        cw.newConst(HomeAccess.BASE); // first in the constant pool, so that every ldc of it is 2 bytes, not 3
    }

    /**
     * Calls a new access method for the {@link dev.rvjar.memory.Memory} accessor {@code accessor}
     * ({@code loadWord}, {@code storeByte}, ...) of the instruction at {@code pc}, with the home
     * words ({@code memory.homeLoadWords()} or {@code homeStoreWords()}), the address (and the
     * value) and the memory on the stack.
     */
    void call(MethodVisitor mv, String accessor, int pc) {
        boolean store = accessor.startsWith("store");
        String value = accessor.endsWith("Double") ? "J" : "I";
        String descriptor = "([II" + (store ? value : "") + "L" + RegionMethod.MEMORY_TYPE + ";)" + (store ? "V" : value);
        String name = accessor + "_" + String.format("%08x", pc);
        for (int n = 2; !names.add(name); n++) {
            name = accessor + "_" + String.format("%08x", pc) + "_" + n;
        }
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
        write(name, descriptor, accessor, store);
    }

    /*
     * The bytecode is written out flat and stays within 35 bytes, the size up to which C1 (and C2
     * at a rarely run site) always inlines a callee: as calls, the access methods slowed cold runs
     * by a third (vm) while C1 compiled region methods. Flat, because C2 counts every inlined
     * callee's bytecode against one budget per compiled method (DesiredMethodLimit, 8,000 bytes with
     * the region method itself): with the test and the access in small helper methods an access
     * inlined about 80 bytes, and sha256's largest region ran out of budget (91 accesses left as
     * calls).
     *
     * The index of the word holding an address inside the words is (address - BASE) >>> 2. A word
     * access tests in one branch: units = rotateRight(address - BASE, 2) is that index when the
     * address is aligned and otherwise negative or at least 2^30, and (units | (length - 1 - units))
     * is negative exactly when units is no index of the words. (The two branches units >= 0 &&
     * units < length fold into one compare only when both were taken alike, which per site they
     * seldom are.) Bytes need no alignment, halves and doubles a test of their own; their index,
     * never negative, is compared with the length once. The array's own range check is C2's.
     */
    private void write(String name, String descriptor, String accessor, boolean store) {
        int alignment = alignment(accessor);
        boolean wide = alignment == 3;
        MethodVisitor site = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, descriptor, null, null);
        site.visitCode();
        Label elsewhere = new Label();
        if (alignment == 2) {
            word(site, store, elsewhere);
        } else {
            if (alignment > 0) { // if ((address & (width - 1)) != 0) goto elsewhere
                site.visitVarInsn(ILOAD, 1);
                site.visitIntInsn(BIPUSH, (1 << alignment) - 1);
                site.visitInsn(IAND);
                site.visitJumpInsn(IFNE, elsewhere);
            }
            // if ((address - BASE) >>> 2 >= words.length) goto elsewhere, the index kept for a load of a byte or half
            boolean narrowLoad = !store && !wide;
            site.visitVarInsn(ILOAD, 1);
            site.visitLdcInsn(HomeAccess.BASE);
            site.visitInsn(ISUB);
            site.visitInsn(ICONST_2);
            site.visitInsn(IUSHR);
            if (narrowLoad) {
                site.visitInsn(DUP);
                site.visitVarInsn(ISTORE, 3);
            }
            site.visitVarInsn(ALOAD, 0);
            site.visitInsn(ARRAYLENGTH);
            site.visitJumpInsn(IF_ICMPGE, elsewhere);
            if (narrowLoad) {
                site.visitVarInsn(ALOAD, 0);
                site.visitVarInsn(ILOAD, 3);
                site.visitInsn(IALOAD);
                extract(site, accessor);
            } else { // HomeAccess.<accessor>(words, address[, value])
                site.visitVarInsn(ALOAD, 0);
                site.visitVarInsn(ILOAD, 1);
                if (store) {
                    site.visitVarInsn(wide ? LLOAD : ILOAD, 2);
                }
                site.visitMethodInsn(INVOKESTATIC, HOME_ACCESS, accessor,
                        descriptor.replace("L" + RegionMethod.MEMORY_TYPE + ";", ""), false);
            }
            site.visitInsn(store ? RETURN : wide ? LRETURN : IRETURN);
        }
        site.visitLabel(elsewhere);
        Object[] parameters = store ? new Object[] {"[I", INTEGER, wide ? LONG : INTEGER, RegionMethod.MEMORY_TYPE}
                : new Object[] {"[I", INTEGER, RegionMethod.MEMORY_TYPE};
        if (alignment == 2) { // the word test leaves its index on the stack
            site.visitFrame(F_NEW, parameters.length, parameters, 1, new Object[] {INTEGER});
            site.visitInsn(POP);
        } else {
            site.visitFrame(F_NEW, parameters.length, parameters, 0, null);
        }
        site.visitVarInsn(ALOAD, store ? (wide ? 4 : 3) : 2);
        site.visitVarInsn(ILOAD, 1);
        if (store) {
            site.visitVarInsn(wide ? LLOAD : ILOAD, 2);
        }
        site.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, accessor,
                descriptor.replace("[I", "").replace("L" + RegionMethod.MEMORY_TYPE + ";", ""), false);
        site.visitInsn(store ? RETURN : wide ? LRETURN : IRETURN);
        Label end = new Label();
        site.visitLabel(end);
        site.visitMaxs(5, parameters.length + (store && wide ? 2 : 1));
        site.visitEnd();
        largest = Math.max(largest, end.getOffset());
    }

    /** The bytecode size of the largest access method written so far (for tests: it must stay within C1's 35). */
    int largest() {
        return largest;
    }

    /**
     * {@code units = rotateRight(address - BASE, 2); if ((units | (words.length - 1 - units)) < 0) goto elsewhere}
     * (with units on the stack), else {@code return words[units]} or {@code words[units] = value}.
     */
    private static void word(MethodVisitor site, boolean store, Label elsewhere) {
        site.visitVarInsn(ILOAD, 1);
        site.visitLdcInsn(HomeAccess.BASE);
        site.visitInsn(ISUB);
        site.visitInsn(ICONST_2);
        site.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "rotateRight", "(II)I", false);
        site.visitInsn(DUP);
        site.visitInsn(DUP);
        site.visitVarInsn(ALOAD, 0);
        site.visitInsn(ARRAYLENGTH);
        site.visitInsn(ICONST_1);
        site.visitInsn(ISUB);
        site.visitInsn(SWAP);
        site.visitInsn(ISUB);
        site.visitInsn(IOR);
        site.visitJumpInsn(IFLT, elsewhere);
        site.visitVarInsn(ALOAD, 0);
        site.visitInsn(SWAP);
        if (store) {
            site.visitVarInsn(ILOAD, 2);
            site.visitInsn(IASTORE);
            site.visitInsn(RETURN);
        } else {
            site.visitInsn(IALOAD);
            site.visitInsn(IRETURN);
        }
    }

    /** The loaded byte or half out of its word, extended as {@code accessor} does (the shift counts only its low five bits). */
    private static void extract(MethodVisitor site, String accessor) {
        if (accessor.equals("loadWord")) {
            return;
        }
        site.visitVarInsn(ILOAD, 1);
        site.visitInsn(ICONST_3);
        site.visitInsn(ISHL);
        site.visitInsn(IUSHR);
        switch (accessor) {
            case "loadByte" -> site.visitInsn(I2B);
            case "loadByteUnsigned" -> {
                site.visitIntInsn(SIPUSH, 0xFF);
                site.visitInsn(IAND);
            }
            case "loadHalf" -> site.visitInsn(I2S);
            case "loadHalfUnsigned" -> site.visitInsn(I2C);
            default -> throw new IllegalArgumentException(accessor);
        }
    }

    /** log2 of the width of the access: doubles 3, words 2, halves 1, bytes 0. */
    private static int alignment(String accessor) {
        return accessor.endsWith("Double") ? 3 : accessor.endsWith("Word") ? 2 : accessor.contains("Half") ? 1 : 0;
    }
}
