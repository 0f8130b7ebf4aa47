package dev.rvjar.translate;

import dev.rvjar.emit.RegionEmitter;
import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import net.jqwik.api.Example;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every generated method stays under HotSpot's HugeMethodLimit (8,000 bytes of bytecode), so the
 * JIT compiles all of it with no JVM flag; large inputs are split into more regions, never into
 * larger methods; and translating a 1 MiB ROM takes well under the 2 s target.
 */
class TranslationLimitsTest {
    /** The bytecode size of every method in {@code classes}, by "class.method". */
    static Map<String, Integer> methodSizes(Map<String, byte[]> classes) {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            CodeLengths.of(entry.getValue()).forEach((method, length) -> sizes.put(entry.getKey() + "." + method, length));
        }
        return sizes;
    }

    static void assertEveryMethodIsCompilable(Translation translation) {
        methodSizes(translation.classes()).forEach((method, size) ->
                assertTrue(size < RegionEmitter.HUGE_METHOD_LIMIT, method + " has " + size + " bytes of bytecode"));
    }

    @Test
    void everyMethodOfEveryTestRomIsUnderTheHugeMethodLimit() throws IOException {
        for (Path rom : TestRomsDifferentialTest.roms()) {
            assertEveryMethodIsCompilable(Translator.translate(RomImage.read(rom)));
        }
    }

    @Test
    void aLongRunOfMemoryAccessesIsSplitIntoSeveralCompilableMethods() {
        Asm asm = new Asm().li(8, 0x0100_0000);
        for (int i = 0; i < 3000; i++) {
            asm.sw(i % 31 + 1, 8, (i * 4) % 2048).lw(i % 30 + 2, 8, (i * 8) % 2048);
        }
        asm.exit();
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        assertEveryMethodIsCompilable(translation);
        assertTrue(translation.statistics().regions() > 5, translation.statistics().toString());
        assertEquals(0, translation.statistics().droppedBlocks());
        GuestRun interpreted = GuestRun.of(image, null, null, 100_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 100_000, translation);
        assertNull(interpreted.difference(translated));
        assertEquals(interpreted.instret(), translated.translatedInstructions());
    }

    @Example // a jqwik example: the random programs come from jqwik generators
    void aOneMebibyteRomTranslatesInUnderTwoSecondsIntoCompilableMethods() {
        RomImage image = RomImage.flat(LargeRoms.randomCode(1 << 20, 42));
        Translator.translate(RomImage.flat(LargeRoms.randomCode(64 << 10, 7))); // warm up the translator's own code
        long started = System.nanoTime();
        Translation translation = Translator.translate(image);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Translation.Statistics s = translation.statistics();
        System.out.printf("1 MiB ROM: %d ms, %d blocks, %d instructions, %d regions, %d class bytes%n", millis,
                s.blocks(), s.instructions(), s.regions(),
                translation.classes().values().stream().mapToInt(b -> b.length).sum());
        assertEveryMethodIsCompilable(translation);
        assertTrue(s.instructions() > 200_000, s.toString());
        // the target is 2 s; CI machines are shared and slow, so only a gross regression fails here
        assertTrue(millis < 10_000, millis + " ms");
    }

    @Test
    void aRomWithACallToEveryHalfwordTranslatesIntoAtMostMaxRegions() {
        // c.jal +2 (RV32C: funct3 001, quadrant 01, imm[1] in bit 3) in every halfword: each one
        // starts a function, so each block would be a region of its own
        byte[] rom = new byte[2 * (Translator.MAX_REGIONS + 8_000)];
        for (int i = 0; i < rom.length; i += 2) {
            rom[i] = 0x09;
            rom[i + 1] = 0x20;
        }
        RomImage image = RomImage.flat(rom);
        Translation translation = Translator.translate(image);
        // the bytecode budget (Translator.MAX_BYTECODE) ends the plan first: the rest is interpreted
        int regions = translation.statistics().regions();
        assertTrue(regions <= Translator.MAX_REGIONS && regions < rom.length / 2, regions + " regions");
        assertEveryMethodIsCompilable(translation);
        GuestRun interpreted = GuestRun.of(image, null, null, 30_000, null);
        assertNull(interpreted.difference(GuestRun.of(image, null, null, 30_000, translation)));
    }
}
