package dev.rvjar.emit;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Memory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * The access methods the translator writes into region classes, called directly: each takes the
 * home words exactly for an aligned access inside RAM (decided here from the contract's map), and
 * then reads and writes what a little-endian model of those words holds; every other access goes
 * to {@link Memory}'s own accessor, faults included. The words here are a separate array, not the memory's RAM, so that a
 * test can see which way an access went.
 */
class AccessSitesTest {
    private static final int RAM = McuLayout.RAM_BASE;
    private static final int SIZE = McuLayout.REGION_SIZE;
    private static final List<String> LOADS = List.of("loadByte", "loadByteUnsigned", "loadHalf", "loadHalfUnsigned",
            "loadWord", "loadDouble");
    private static final List<String> STORES = List.of("storeByte", "storeHalf", "storeWord", "storeDouble");
    /** The size up to which C2 inlines a callee at a rarely run call site (MaxInlineSize). */
    private static final int ALWAYS_INLINED = 35;
    /**
     * Probe classes whose word loads index by the rotation, and by a shift (a region with few
     * registers), each with the JDK 17 word tests (masked for loads from RAM by the rotation,
     * branch-free otherwise) and with the biased compare (JDK 18 and later).
     */
    private static final List<Class<?>> PROBES = new java.util.ArrayList<>();
    private static int largestAccessMethod;

    @BeforeAll
    static void defineProbes() throws IllegalAccessException {
        PROBES.add(probes(false, false));
        PROBES.add(probes(true, false));
        PROBES.add(probes(false, true));
        PROBES.add(probes(true, true));
    }

    @Test
    void everyAccessMethodIsSmallEnoughToBeInlinedEverywhere() {
        assertTrue(largestAccessMethod > 20 && largestAccessMethod <= ALWAYS_INLINED, "largest: " + largestAccessMethod);
    }

    /** A class with one public static {@code probe_<accessor>} per accessor, calling its access method. */
    private static Class<?> probes(boolean loadIndexByShift, boolean biasedWordTest) throws IllegalAccessException {
        String owner = "dev/rvjar/emit/AccessSitesProbe" + (loadIndexByShift ? "Shifted" : "Rotated")
                + (biasedWordTest ? "Biased" : "BranchFree");
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, owner, null, "java/lang/Object", null);
        AccessSites sites = new AccessSites(cw, owner, loadIndexByShift, biasedWordTest);
        int pc = 0;
        for (String accessor : concat(LOADS, STORES)) {
            boolean store = accessor.startsWith("store");
            boolean wide = accessor.endsWith("Double");
            String value = wide ? "J" : "I";
            String descriptor = "([II" + (store ? value : "") + "L" + RegionMethod.MEMORY_TYPE + ";)" + (store ? "V" : value);
            MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "probe_" + accessor, descriptor, null, null);
            mv.visitCode();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitVarInsn(ALOAD, store ? (wide ? 4 : 3) : 2); // the access methods take the memory before a value
            if (store) {
                mv.visitVarInsn(wide ? LLOAD : ILOAD, 2);
            }
            sites.call(mv, accessor, pc += 4);
            mv.visitInsn(store ? RETURN : wide ? LRETURN : IRETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        cw.visitEnd();
        largestAccessMethod = Math.max(largestAccessMethod, sites.largest());
        return MethodHandles.lookup().defineClass(cw.toByteArray());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static MethodHandle probe(Class<?> probes, String accessor) throws ReflectiveOperationException {
        boolean store = accessor.startsWith("store");
        Class<?> value = accessor.endsWith("Double") ? long.class : int.class;
        MethodType type = store ? MethodType.methodType(void.class, int[].class, int.class, value, Memory.class)
                : MethodType.methodType(value, int[].class, int.class, Memory.class);
        return MethodHandles.lookup().findStatic(probes, "probe_" + accessor, type);
    }

    private static int width(String accessor) {
        return accessor.endsWith("Double") ? 8 : accessor.endsWith("Word") ? 4 : accessor.contains("Half") ? 2 : 1;
    }

    private static boolean fitsInRam(int address, String accessor) {
        long offset = Integer.toUnsignedLong(address) - RAM;
        return offset >= 0 && offset + width(accessor) <= SIZE && address % width(accessor) == 0;
    }

    /** Around both ends of RAM, inside it, and in or near every other region and far away. */
    private static int[] addresses() {
        int[] centres = {RAM, RAM + SIZE, RAM + 0x1234, 8, McuLayout.ROM_BASE + SIZE, McuLayout.IN_BASE + 16, McuLayout.OUT_BASE + SIZE,
                RAM + 0x8000_0000, -16};
        return IntStream.of(centres).flatMap(centre -> IntStream.rangeClosed(-9, 9).map(d -> centre + d)).toArray();
    }

    /** The expected value of a load from the words' model at a RAM offset. */
    private static long modelLoad(ByteBuffer model, String accessor, int offset) {
        return switch (accessor) {
            case "loadByte" -> model.get(offset);
            case "loadByteUnsigned" -> model.get(offset) & 0xFF;
            case "loadHalf" -> model.getShort(offset);
            case "loadHalfUnsigned" -> model.getShort(offset) & 0xFFFF;
            case "loadWord" -> model.getInt(offset);
            default -> model.getLong(offset);
        };
    }

    private static long memoryLoad(Memory memory, String accessor, int address) {
        return switch (accessor) {
            case "loadByte" -> memory.loadByte(address);
            case "loadByteUnsigned" -> memory.loadByteUnsigned(address);
            case "loadHalf" -> memory.loadHalf(address);
            case "loadHalfUnsigned" -> memory.loadHalfUnsigned(address);
            case "loadWord" -> memory.loadWord(address);
            default -> memory.loadDouble(address);
        };
    }

    @Test
    void loadsTakeTheWordsExactlyWhereTheyFitAndMemoryElsewhere() throws Throwable {
        Memory memory = new Memory(McuLayout.regions());
        Random random = new Random(11);
        byte[] ram = new byte[SIZE];
        random.nextBytes(ram);
        memory.region(McuLayout.RAM).write(0, ram);
        byte[] rom = new byte[SIZE];
        random.nextBytes(rom);
        memory.region(McuLayout.ROM).write(0, rom);
        int[] words = new int[SIZE / 4];
        ByteBuffer model = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextInt();
            model.putInt(4 * i, words[i]);
        }
        for (Class<?> probes : PROBES) {
            for (String accessor : LOADS) {
                checkLoads(probe(probes, accessor), accessor, memory, words, model);
            }
        }
    }

    /** A memory layout without the home region gives empty words: every load goes to the memory, RAM's addresses included. */
    @Test
    void loadsWithEmptyWordsAllGoToMemory() throws Throwable {
        Memory memory = new Memory(McuLayout.regions());
        byte[] ram = new byte[SIZE];
        new Random(13).nextBytes(ram);
        memory.region(McuLayout.RAM).write(0, ram);
        for (Class<?> probes : PROBES) {
            for (String accessor : LOADS) {
                MethodHandle load = probe(probes, accessor);
                for (int address : addresses()) {
                    String where = String.format("%s at 0x%08x", accessor, address);
                    if (memory.regionAt(address) == null || memory.regionAt(address + width(accessor) - 1) == null) {
                        assertThrows(GuestFault.class, () -> load.invoke(new int[0], address, memory), where);
                    } else {
                        assertEquals(memoryLoad(memory, accessor, address), ((Number) load.invoke(new int[0], address, memory)).longValue(), where);
                    }
                }
            }
        }
    }

    /** Every address of {@link #addresses} through {@code load}: the words' model where it fits in RAM, else what {@code memory} loads or faults. */
    private static void checkLoads(MethodHandle load, String accessor, Memory memory, int[] words, ByteBuffer model) throws Throwable {
        for (int address : addresses()) {
            String where = String.format("%s at 0x%08x", accessor, address);
            if (fitsInRam(address, accessor)) {
                assertEquals(modelLoad(model, accessor, address - RAM), ((Number) load.invoke(words, address, memory)).longValue(), where);
            } else if (memory.regionAt(address) == null || memory.regionAt(address + width(accessor) - 1) == null) {
                assertThrows(GuestFault.class, () -> load.invoke(words, address, memory), where);
            } else {
                assertEquals(memoryLoad(memory, accessor, address), ((Number) load.invoke(words, address, memory)).longValue(), where);
            }
        }
    }

    /** With the branch-free word test (probe 0) and the biased compare (probe 2). */
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void storesTakeTheWordsExactlyWhereTheyFitAndMemoryElsewhere(int probes) throws Throwable {
        Memory memory = new Memory(McuLayout.regions());
        int[] words = new int[SIZE / 4];
        ByteBuffer model = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        Memory expectedMemory = new Memory(McuLayout.regions());
        Random random = new Random(12);
        for (String accessor : STORES) {
            MethodHandle store = probe(PROBES.get(probes), accessor);
            int width = width(accessor);
            for (int address : addresses()) {
                long value = random.nextLong();
                Object argument = width == 8 ? (Object) value : (Object) (int) value;
                if (fitsInRam(address, accessor)) {
                    store.invoke(words, address, argument, memory);
                    int offset = address - RAM;
                    switch (width) {
                        case 1 -> model.put(offset, (byte) value);
                        case 2 -> model.putShort(offset, (short) value);
                        case 4 -> model.putInt(offset, (int) value);
                        default -> model.putLong(offset, value);
                    }
                } else if (expectedMemory.isWritable(address) && expectedMemory.isWritable(address + width - 1)) {
                    store.invoke(words, address, argument, memory);
                    switch (width) {
                        case 1 -> expectedMemory.storeByte(address, (int) value);
                        case 2 -> expectedMemory.storeHalf(address, (int) value);
                        case 4 -> expectedMemory.storeWord(address, (int) value);
                        default -> expectedMemory.storeDouble(address, value);
                    }
                } else {
                    assertThrows(GuestFault.class, () -> store.invoke(words, address, argument, memory),
                            String.format("%s at 0x%08x", accessor, address));
                }
            }
        }
        ByteBuffer actual = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int word : words) {
            actual.putInt(word);
        }
        assertArrayEquals(model.array(), actual.array(), "the words");
        for (String region : List.of(McuLayout.RAM, McuLayout.OUT)) {
            assertArrayEquals(expectedMemory.region(region).contents(), memory.region(region).contents(), region);
        }
    }

    /** Once the host watches RAM's stores, every store reaches Memory (and its watcher), none the words alone. */
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void aWatchSendsEveryStoreOfRamToMemory(int probes) throws Throwable {
        for (String accessor : STORES) {
            Memory memory = new Memory(McuLayout.regions());
            int[] words = memory.homeLoadWords();
            int width = width(accessor);
            int address = RAM + 0x1000;
            int[] seen = new int[2];
            memory.watchStores(RAM + 0x8000, 4, (at, stored) -> seen[0]++); // a page of RAM far from the stores
            memory.watchStores(address, width, (at, stored) -> seen[1]++);
            Object argument = width == 8 ? (Object) 0x1122_3344_5566_7788L : (Object) 0x5566_7788;
            probe(PROBES.get(probes), accessor).invoke(words, address, argument, memory);
            assertEquals(1, seen[1], accessor + " was watched");
            assertEquals(0x88, memory.loadByteUnsigned(address), accessor + " landed");
            assertEquals(0, seen[0]);
        }
    }
}
