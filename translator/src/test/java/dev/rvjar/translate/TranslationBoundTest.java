package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import net.jqwik.api.Example;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound the README states: any 1 MiB input translates within {@link #MAX_ALLOCATED_MIB} of
 * allocation (every thread's, the parallel emission included) and, loosely, in time; checked on
 * the worst inputs found (the most blocks, the most functions, and random code), which still run
 * exactly as the interpreter runs them.
 */
class TranslationBoundTest {
    /** What the translation of one worst input may allocate, over all threads. */
    static final long MAX_ALLOCATED_MIB = 1024;
    /** Only a gross regression fails on time: CI machines are shared and slow. */
    static final long MAX_MILLIS = 30_000;
    private static final int MIB = 1 << 20;

    @Example // a jqwik example: the random code comes from jqwik generators
    void randomCode() {
        assertBounded("random code", LargeRoms.randomCode(MIB, 42));
    }

    @Example
    void aBranchInEveryHalfword() {
        // 524,288 one-instruction blocks: the most blocks a 1 MiB ROM can have
        Random random = new Random(1);
        assertBounded("c.beqz in every halfword", everyHalfword(() -> cBeqz(random.nextInt(128) * 2 - 128)));
    }

    @Example
    void aCallInEveryHalfword() {
        // every halfword starts a function: the most regions a 1 MiB ROM can ask for
        Random random = new Random(1);
        assertBounded("c.jal in every halfword", everyHalfword(() -> cJal(random.nextInt(256) * 2 - 256)));
    }

    @Example
    void randomBytes() {
        byte[] rom = new byte[MIB];
        new Random(3).nextBytes(rom);
        assertBounded("random bytes", rom);
    }

    private static void assertBounded(String name, byte[] rom) {
        RomImage image = RomImage.flat(rom);
        Translator.translate(RomImage.flat(Arrays.copyOf(rom, 4096))); // the translator's own code loaded
        Map<Long, Long> before = allocatedByThread();
        long started = System.nanoTime();
        Translation translation = Translator.translate(image);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : allocatedByThread().entrySet()) {
            allocated += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        System.out.printf("%s: %d ms, %d MiB allocated, %s%n", name, millis, allocated / MIB, translation.statistics());
        assertTrue(allocated < MAX_ALLOCATED_MIB * MIB, name + ": " + allocated / MIB + " MiB allocated");
        assertTrue(millis < MAX_MILLIS, name + ": " + millis + " ms");
        TranslationLimitsTest.assertEveryMethodIsCompilable(translation);
        GuestRun interpreted = GuestRun.of(image, null, null, 200_000, null);
        assertNull(interpreted.difference(GuestRun.of(image, null, null, 200_000, translation)), name);
    }

    /** Bytes allocated so far by each live thread (the translator emits on the common pool too). */
    private static Map<Long, Long> allocatedByThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> allocated = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            allocated.put(ids[i], Math.max(bytes[i], 0));
        }
        return allocated;
    }

    private static byte[] everyHalfword(java.util.function.IntSupplier halfwords) {
        byte[] rom = new byte[MIB];
        for (int i = 0; i < rom.length; i += 2) {
            int halfword = halfwords.getAsInt();
            rom[i] = (byte) halfword;
            rom[i + 1] = (byte) (halfword >>> 8);
        }
        return rom;
    }

    private static int bit(int value, int bit) {
        return value >>> bit & 1;
    }

    /**
     * {@code c.jal offset} (RV32C, CJ format, "C" chapter of the unprivileged spec): funct3 001,
     * op 01, bits 12:2 = offset[11|4|9:8|10|6|7|3:1|5].
     */
    static int cJal(int offset) {
        return 0b001 << 13 | bit(offset, 11) << 12 | bit(offset, 4) << 11 | bit(offset, 9) << 10 | bit(offset, 8) << 9
                | bit(offset, 10) << 8 | bit(offset, 6) << 7 | bit(offset, 7) << 6 | bit(offset, 3) << 5
                | bit(offset, 2) << 4 | bit(offset, 1) << 3 | bit(offset, 5) << 2 | 0b01;
    }

    /**
     * {@code c.beqz x8, offset} (CB format): funct3 110, bits 12:10 = offset[8|4:3], rs1' 000
     * (x8), bits 6:2 = offset[7:6|2:1|5], op 01.
     */
    static int cBeqz(int offset) {
        return 0b110 << 13 | bit(offset, 8) << 12 | bit(offset, 4) << 11 | bit(offset, 3) << 10 | bit(offset, 7) << 6
                | bit(offset, 6) << 5 | bit(offset, 2) << 4 | bit(offset, 1) << 3 | bit(offset, 5) << 2 | 0b01;
    }
}
