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
 *     return (units | (words.length - 1 - units)) >= 0 ? words[units] : loadWord_0000035a_rom(address, memory);
 * }
 *
 * static int loadWord_0000035a_rom(int address, Memory memory) {
 *     int[] rom = memory.romLoadWords();
 *     int units = Integer.rotateRight(address - HomeAccess.ROM, 2);
 *     return (units | (rom.length - 1 - units)) >= 0 ? rom[units] : memory.loadWord(address);
 * }
 * }</pre>
 *
 * <p>A store has one method, for RAM, with {@code memory.storeWord(address, value)} where the
 * other has its ROM method, and tests the index against {@code memory.homeStoreLength()} instead
 * of the words' length: all of RAM, or nothing while the host watches RAM's stores. Loads and
 * stores so share one array, in one local of the region method, and the watch needs nothing
 * fetched again after a call.
 *
 * <p>Why per site: with one shared method, every access of the program shares one branch profile,
 * and a program that reads ROM or IN anywhere (all of them do) makes C2 compile the fallback, a call
 * to {@code Memory}, into every loop, where HotSpot's caller-saved registers make it spill the
 * guest registers around every iteration (measured on {@code crc32}: 1.3x slower than going
 * through the page tables). Per site, a loop that only touches RAM has a fallback that was never
 * taken, which C2 turns into an uncommon trap and leaves out of the loop. Each method is at most 35
 * bytes, within the size C1 and C2 always inline (see the comment on {@link #writeStore}).
 */
final class AccessSites {
    private static final String HOME_ACCESS = "dev/rvjar/memory/HomeAccess";

    private final ClassWriter cw;
    private final String owner;
    private final Set<String> names = new HashSet<>();
    /** The bytecode size of the largest access method written so far. */
    private int largest;

    /**
     * Whether the C2 this translator runs on turns {@code x + MIN_VALUE < y + MIN_VALUE} into the
     * unsigned compare of an array's own range check (from JDK 18, JDK-8276162), so that a word's
     * test written that way and the array's check become one compare. Side by side on Temurin 25,
     * against the branch-free test: `vm` 1.39x, `sha256` 1.22x, `matmul_int` 1.1-1.26x, the rest
     * alike; on JDK 17, which lacks the transformation, the biased form made `crc32` 10% slower and
     * `matmul_int` take its slow speed every time (benchmarks/README.md). The translator writes the
     * form the JDK it runs on compiles best; a jar compiled on one and run on the other is only slower.
     */
    static final boolean BIASED_WORD_TEST = Runtime.version().feature() >= 18;

    /** Whether word loads index the words by {@code (address - base) >>> 2} rather than by the rotation their test computes. */
    private final boolean loadIndexByShift;
    /** Whether a word's test is a biased signed compare (see {@link #BIASED_WORD_TEST}) rather than branch-free. */
    private final boolean biasedWordTest;

    /**
     * For the region class {@code owner}; {@code loadIndexByShift} for a region with few registers
     * (see the comment on {@link #writeStore}, last paragraph); {@code biasedWordTest} as
     * {@link #BIASED_WORD_TEST}.
     */
    AccessSites(ClassWriter cw, String owner, boolean loadIndexByShift, boolean biasedWordTest) {
        this.cw = cw;
        this.owner = owner;
        this.loadIndexByShift = loadIndexByShift;
        this.biasedWordTest = biasedWordTest;
        // first in the constant pool, so that every ldc of them is 2 bytes, not 3: the home base and
        // the bias of word tests and of unsigned branches
        cw.newConst(HomeAccess.BASE);
        cw.newConst(Integer.MIN_VALUE);
    }

    /**
     * Calls a new access method for the {@link dev.rvjar.memory.Memory} accessor {@code accessor}
     * ({@code loadWord}, {@code storeByte}, ...) of the instruction at {@code pc}, with the home
     * words ({@code memory.homeLoadWords()}), the address, the memory (and the value) on the stack.
     */
    void call(MethodVisitor mv, String accessor, int pc) {
        boolean store = accessor.startsWith("store");
        String value = accessor.endsWith("Double") ? "J" : "I";
        String descriptor = "([IIL" + RegionMethod.MEMORY_TYPE + ";" + (store ? value + ")V" : ")" + value);
        String name = accessor + "_" + String.format("%08x", pc);
        for (int n = 2; !names.add(name); n++) {
            name = accessor + "_" + String.format("%08x", pc) + "_" + n;
        }
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
        if (store) {
            writeStore(name, descriptor, accessor);
        } else {
            writeLoad(name, descriptor, accessor);
        }
    }

    /*
     * The bytecode is written out flat and stays within 35 bytes, the size up to which C2 inlines a
     * callee at a rarely run site (MaxInlineSize): at 40-50 bytes the access methods slowed cold
     * runs by a third (vm). C1 inlines none of them whatever their size: it also limits the callee's
     * stack (C1InlineStackLimit, 5 on JDK 17 and 25: max stack + 1 + locals beyond the parameters),
     * which these exceed (7), and a form within it (the index kept on the stack, 4 slots) made the
     * cold runs slower, not faster (bintree 1.77 -> 2.06 s, geometric mean 1.10 -> 1.14 s):
     * C1 then compiled the large region methods more slowly (benchmarks/README.md). Flat, because
     * C2 counts every inlined callee's bytecode against one budget per compiled method
     * (DesiredMethodLimit, 8,000 bytes with the region method itself): with the test and the access
     * in small helper methods an access inlined about 80 bytes, and sha256's largest region ran out
     * of budget (91 accesses left as calls).
     *
     * The index of the word holding an address inside the words is (address - BASE) >>> 2. A word
     * access tests in one branch: units = rotateRight(address - BASE, 2) is that index when the
     * address is aligned and otherwise negative or at least 2^30, and (units | (length - 1 - units))
     * is negative exactly when units is no index of the words. (The two branches units >= 0 &&
     * units < length fold into one compare only when both were taken alike, which per site they
     * seldom are.) Bytes need no alignment, halves and doubles a test of their own; their index,
     * never negative, is compared with the length once. The array's own range check is C2's.
     *
     * In a region with few registers, word loads index by (address - BASE) >>> 2 and keep the
     * rotation for the test alone: where a load's address depends on the load before it (crc32's
     * table lookup by the byte just read), the rotation on the address's path made the chain
     * longer (crc32 0.24 -> 0.20 s). In regions with many registers the second value cost more
     * than it saved (sha256 0.29 -> 0.32 s, vm 0.59 -> 0.74 s): there the index is the rotation.
     */

    /**
     * {@code storeX_<pc>(int[] words, int address, Memory memory, value)}: the home words where the
     * store fits, else {@code memory.storeX(address, value)}.
     */
    private void writeStore(String name, String descriptor, String accessor) {
        boolean wide = accessor.endsWith("Double");
        MethodVisitor site = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, descriptor, null, null);
        site.visitCode();
        Label elsewhere = new Label();
        boolean indexLeft = direct(site, accessor, new Slots(0, 1, 3, -1, 2), HomeAccess.BASE, elsewhere);
        elsewhere(site, new Object[] {"[I", INTEGER, RegionMethod.MEMORY_TYPE, wide ? LONG : INTEGER}, elsewhere, indexLeft);
        site.visitVarInsn(ALOAD, 2);
        site.visitVarInsn(ILOAD, 1);
        site.visitVarInsn(wide ? LLOAD : ILOAD, 3);
        site.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, accessor, wide ? "(IJ)V" : "(II)V", false);
        site.visitInsn(RETURN);
        end(site, 5, wide ? 5 : 4);
    }

    /**
     * {@code loadX_<pc>(int[] words, int address, Memory memory)}: the home words where the load
     * fits, else {@code loadX_<pc>_rom(address, memory)}, which reads ROM's words where the load
     * fits there and calls {@code memory.loadX(address)} for everything else. Two methods, so that
     * each stays small enough to be inlined everywhere and has a branch profile of its own: a load
     * from RAM never runs the ROM test, and one from ROM pays a failed RAM test before it.
     */
    private void writeLoad(String name, String descriptor, String accessor) {
        String result = accessor.endsWith("Double") ? "J" : "I";
        int returns = result.equals("J") ? LRETURN : IRETURN;
        String romName = name + "_rom";
        String romDescriptor = "(IL" + RegionMethod.MEMORY_TYPE + ";)" + result;

        MethodVisitor site = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, descriptor, null, null);
        site.visitCode();
        Label elsewhere = new Label();
        boolean indexLeft = direct(site, accessor, new Slots(0, 1, -1, 3, 2), HomeAccess.BASE, elsewhere);
        elsewhere(site, new Object[] {"[I", INTEGER, RegionMethod.MEMORY_TYPE}, elsewhere, indexLeft);
        site.visitVarInsn(ILOAD, 1);
        site.visitVarInsn(ALOAD, 2);
        site.visitMethodInsn(INVOKESTATIC, owner, romName, romDescriptor, false);
        site.visitInsn(returns);
        end(site, 5, 4);

        MethodVisitor rom = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, romName, romDescriptor, null, null);
        rom.visitCode();
        rom.visitVarInsn(ALOAD, 1);
        rom.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, "romLoadWords", "()[I", false);
        rom.visitVarInsn(ASTORE, 2);
        Label outside = new Label();
        boolean romIndexLeft = direct(rom, accessor, new Slots(2, 0, -1, 3, 1), HomeAccess.ROM, outside);
        elsewhere(rom, new Object[] {INTEGER, RegionMethod.MEMORY_TYPE, "[I"}, outside, romIndexLeft);
        rom.visitVarInsn(ALOAD, 1);
        rom.visitVarInsn(ILOAD, 0);
        rom.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, accessor, "(I)" + result, false);
        rom.visitInsn(returns);
        // not counted in largest: where C1 leaves it a call, only loads outside RAM pay
        rom.visitMaxs(5, 4);
        rom.visitEnd();
    }

    /** The locals of an access method: the words, the address, the value (stores), a scratch int (loads) and the memory. */
    private record Slots(int words, int address, int value, int scratch, int memory) {
    }

    /**
     * Pushes how many of the words the access may reach directly: a load all of them, a store
     * {@code memory.homeStoreLength()} (none while the host watches RAM's stores), so that loads and
     * stores share one array.
     */
    private static void directLength(MethodVisitor site, boolean store, Slots slots) {
        if (store) {
            site.visitVarInsn(ALOAD, slots.memory());
            site.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, "homeStoreLength", "()I", false);
        } else {
            site.visitVarInsn(ALOAD, slots.words());
            site.visitInsn(ARRAYLENGTH);
        }
    }

    /**
     * Returns or stores the access of {@code accessor} to the words that start at guest address
     * {@code base} where it fits in them, else jumps to {@code elsewhere}; whether it jumps there
     * with the rotated word index on the stack (see {@link #elsewhere}).
     */
    private boolean direct(MethodVisitor site, String accessor, Slots slots, int base, Label elsewhere) {
        boolean store = accessor.startsWith("store");
        int alignment = alignment(accessor);
        boolean wide = alignment == 3;
        if (alignment == 2) {
            boolean indexByShift = !store && loadIndexByShift;
            WordTest test = biasedWordTest ? WordTest.BIASED
                    : !store && !indexByShift && base == HomeAccess.BASE ? WordTest.MASKED : WordTest.BRANCH_FREE;
            word(site, store, indexByShift, test, slots, base, elsewhere);
            return !indexByShift;
        }
        if (alignment > 0) { // if ((address & (width - 1)) != 0) goto elsewhere
            site.visitVarInsn(ILOAD, slots.address());
            site.visitIntInsn(BIPUSH, (1 << alignment) - 1);
            site.visitInsn(IAND);
            site.visitJumpInsn(IFNE, elsewhere);
        }
        // if ((address - base) >>> 2 >= words.length) goto elsewhere, the index kept for a load of a byte or half
        boolean narrowLoad = !store && !wide;
        offset(site, slots.address(), base);
        site.visitInsn(ICONST_2);
        site.visitInsn(IUSHR);
        if (narrowLoad) {
            site.visitInsn(DUP);
            site.visitVarInsn(ISTORE, slots.scratch());
        }
        directLength(site, store, slots);
        site.visitJumpInsn(IF_ICMPGE, elsewhere);
        if (narrowLoad) {
            site.visitVarInsn(ALOAD, slots.words());
            site.visitVarInsn(ILOAD, slots.scratch());
            site.visitInsn(IALOAD);
            extract(site, accessor, slots.address());
        } else { // HomeAccess.<accessor>(words, address[, value])
            site.visitVarInsn(ALOAD, slots.words());
            site.visitVarInsn(ILOAD, slots.address());
            String value = wide ? "J" : "I";
            if (store) {
                site.visitVarInsn(wide ? LLOAD : ILOAD, slots.value());
            }
            site.visitMethodInsn(INVOKESTATIC, HOME_ACCESS, accessor, store ? "([II" + value + ")V" : "([II)J", false);
        }
        site.visitInsn(store ? RETURN : wide ? LRETURN : IRETURN);
        return false;
    }

    /** Pushes {@code address - base}, the address's offset in the words. */
    private static void offset(MethodVisitor site, int address, int base) {
        site.visitVarInsn(ILOAD, address);
        if (base != 0) {
            site.visitLdcInsn(base);
            site.visitInsn(ISUB);
        }
    }

    /** Places {@code elsewhere} with the method's {@code parameters} as frame, dropping the index {@link #direct} left. */
    private static void elsewhere(MethodVisitor site, Object[] parameters, Label elsewhere, boolean indexLeft) {
        site.visitLabel(elsewhere);
        if (indexLeft) {
            site.visitFrame(F_NEW, parameters.length, parameters, 1, new Object[] {INTEGER});
            site.visitInsn(POP);
        } else {
            site.visitFrame(F_NEW, parameters.length, parameters, 0, null);
        }
    }

    private void end(MethodVisitor site, int maxStack, int maxLocals) {
        Label end = new Label();
        site.visitLabel(end);
        site.visitMaxs(maxStack, maxLocals);
        site.visitEnd();
        largest = Math.max(largest, end.getOffset());
    }

    /**
     * The bytecode size of the largest access method a region method calls written so far (for
     * tests: it must stay within C1's 35); a ROM method, called from one of those, may be a little
     * larger.
     */
    int largest() {
        return largest;
    }

    /**
     * How a word access tests that {@code units = rotateRight(address - base, 2)} is an index of the
     * words, so that C2 compiles it with as few compares as the JDK allows.
     */
    enum WordTest {
        /**
         * {@code (units | (length - 1 - units)) < 0}: one branch whatever the profile, and the
         * array's own range check after it.
         */
        BRANCH_FREE,
        /**
         * {@code units + MIN_VALUE >= length + MIN_VALUE}, which C2 turns into the unsigned compare
         * of the array's range check from JDK 18 (see {@link #BIASED_WORD_TEST}): one compare.
         */
        BIASED,
        /**
         * For loads from RAM, whose words are a power of two long, on JDK 17: {@code masked =
         * units & (length - 1); if (masked != units || length == 0)}, then {@code words[masked]}.
         * C2 (JDK 17 too) reduces the range check of an index masked by the length less one to
         * {@code length > 0}, so no compare of the index is left but the test's. The words are
         * empty where the memory has no home region, and then every mask passes: hence the second
         * test, a compare of a loop invariant (without it, wrong there, matmul_int ran 0.575 s).
         * Side by side on JDK 17 against the branch-free test, 4 rounds: matmul_int 0.644 ->
         * 0.627 s, sha256 0.294 -> 0.286, vm 0.607 -> 0.581, qsort 0.206 -> 0.200, the other six
         * within noise. Not for stores, whose test must also fail while the host watches RAM (it
         * would not fit in 35 bytes), nor in regions that index loads by the shift (crc32 0.18-0.20
         * -> 0.26 s: the mask lengthens the chain of a load whose address is the load before it).
         */
        MASKED
    }

    /**
     * {@code units = rotateRight(address - base, 2); if (units is no index of the words) goto elsewhere}
     * (with units on the stack, the length from {@link #directLength}, as {@code test}), else
     * {@code return words[units]} or {@code words[units] = value}; {@code indexByShift}:
     * {@code return words[(address - base) >>> 2]}, the same element, with nothing on the stack at
     * {@code elsewhere}.
     */
    private static void word(MethodVisitor site, boolean store, boolean indexByShift, WordTest test, Slots slots,
            int base, Label elsewhere) {
        offset(site, slots.address(), base);
        if (indexByShift) { // the offset kept in the scratch local, to index by its shift
            site.visitInsn(DUP);
            site.visitVarInsn(ISTORE, slots.scratch());
        }
        site.visitInsn(ICONST_2);
        site.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "rotateRight", "(II)I", false);
        if (!indexByShift) {
            site.visitInsn(DUP);
        }
        if (test == WordTest.MASKED) { // masked = units & (length - 1); if (masked != units) goto elsewhere
            directLength(site, false, slots);
            site.visitInsn(ICONST_1);
            site.visitInsn(ISUB);
            site.visitInsn(IAND);
            site.visitInsn(DUP_X1);
            site.visitJumpInsn(IF_ICMPNE, elsewhere);
            // no home region (another memory layout): the words are empty and every mask passes
            directLength(site, false, slots);
            site.visitJumpInsn(IFEQ, elsewhere);
        } else if (test == WordTest.BIASED) { // units + MIN_VALUE >= length + MIN_VALUE: units is no index of the words
            site.visitLdcInsn(Integer.MIN_VALUE);
            site.visitInsn(IADD);
            directLength(site, store, slots);
            site.visitLdcInsn(Integer.MIN_VALUE);
            site.visitInsn(IADD);
            site.visitJumpInsn(IF_ICMPGE, elsewhere);
        } else { // (units | (length - 1 - units)) < 0: the same, one branch whatever the profile
            site.visitInsn(DUP);
            directLength(site, store, slots);
            site.visitInsn(ICONST_1);
            site.visitInsn(ISUB);
            site.visitInsn(SWAP);
            site.visitInsn(ISUB);
            site.visitInsn(IOR);
            site.visitJumpInsn(IFLT, elsewhere);
        }
        site.visitVarInsn(ALOAD, slots.words());
        if (indexByShift) {
            site.visitVarInsn(ILOAD, slots.scratch());
            site.visitInsn(ICONST_2);
            site.visitInsn(IUSHR);
        } else {
            site.visitInsn(SWAP);
        }
        if (store) {
            site.visitVarInsn(ILOAD, slots.value());
            site.visitInsn(IASTORE);
            site.visitInsn(RETURN);
        } else {
            site.visitInsn(IALOAD);
            site.visitInsn(IRETURN);
        }
    }

    /** The loaded byte or half out of its word, extended as {@code accessor} does (the shift counts only its low five bits). */
    static void extract(MethodVisitor site, String accessor, int address) {
        site.visitVarInsn(ILOAD, address);
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
