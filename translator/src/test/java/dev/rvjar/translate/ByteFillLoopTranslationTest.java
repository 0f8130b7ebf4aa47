package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Environment;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A byte-store loop ({@code sb; addi count, -1; addi pointer, 1; bnez count}), whose turns
 * translated code runs in bulk where it may (see {@code ByteFillIdiom}): the same bytes, registers,
 * counter, pc and faults as the interpreter, at the end and at every instruction limit, into RAM
 * at any alignment, across RAM's end into unmapped memory (a fault), into OUT and into watched RAM
 * (no bulk there), with a count of 0 (2^32 turns) and with the two additions in either order.
 */
class ByteFillLoopTranslationTest {
    private static final int RAM = McuLayout.RAM_BASE;

    /** s0 = pointer, a2 = count, a1 = value; the loop; exit(0). */
    private static RomImage program(int pointer, int count, boolean pointerFirst, int pointerStep) {
        Asm asm = new Asm().li(8, pointer).li(12, count).li(11, 0x3C7);
        int loop = asm.here();
        asm.sb(11, 8, 0);
        if (pointerFirst) {
            asm.addi(8, 8, pointerStep).addi(12, 12, -1);
        } else {
            asm.addi(12, 12, -1).addi(8, 8, pointerStep);
        }
        asm.bne(12, 0, loop - asm.here());
        asm.li(10, 0).exit();
        return RomImage.flat(asm.bytes());
    }

    /** Watches 64 bytes of RAM where {@code watch}, counting the watcher's calls in {@code calls[0]}. */
    private static Consumer<Machine> watching(boolean watch, int[] calls) {
        return machine -> {
            if (watch) {
                machine.memory().watchStores(RAM + 0x1000, 64, (at, width) -> calls[0]++);
            }
        };
    }

    private static GuestRun run(RomImage image, long limit, Translation translation, boolean watch, int[] calls) {
        return GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, watching(watch, calls), null, null, limit,
                translation);
    }

    private static GuestRun run(RomImage image, long limit, Translation translation, boolean watch) {
        return run(image, limit, translation, watch, new int[1]);
    }

    @ParameterizedTest(name = "{2} bytes at 0x{0}+{1}, pointer first {3}, watched {4}")
    @CsvSource({
        "01000000, 259, 37, false, false",
        "01000000, 3, 1, false, false",
        "01000000, 0, 9, true, false",
        "01000000, 1048526, 0, false, false", // 2^32 turns: RAM's last 50 bytes, then a fault
        "08100000, 2, 20, false, false",      // OUT: no bulk, the same stores
        "01000000, 4094, 40, false, true",    // watched RAM: no bulk, the watcher sees every store
    })
    void runsAsTheInterpreterDoesAtEveryLimit(String base, int offset, int count, boolean pointerFirst, boolean watch) {
        RomImage image = program(Integer.parseUnsignedInt(base, 16) + offset, count, pointerFirst, 1);
        Translation translation = Translator.translate(image);
        assertTrue(callsByteFillLoop(translation.classes().get("dev/rvjar/guest/Region_00000000")));
        int[] interpretedCalls = new int[1];
        GuestRun interpreted = run(image, 10_000_000, null, watch, interpretedCalls);
        int[] translatedCalls = new int[1];
        GuestRun translated = run(image, 10_000_000, translation, watch, translatedCalls);
        assertNull(interpreted.difference(translated));
        assertEquals(interpretedCalls[0], translatedCalls[0]);
        assertTrue(translated.translatedInstructions() > 0);
        long total = interpreted.instret();
        for (long limit = 1; limit <= Math.min(total, 400); limit++) {
            assertNull(run(image, limit, null, watch).difference(run(image, limit, translation, watch)), "limit " + limit);
        }
    }

    @Test
    void endsWithTheBytesStoredAndTheRegistersStepped() {
        RomImage image = program(RAM + 5, 1000, false, 1);
        GuestRun translated = run(image, 10_000_000, Translator.translate(image), false);
        assertEquals("exit 0", translated.ending());
        assertEquals(RAM + 1005, translated.x()[8]);
        assertEquals(0, translated.x()[12]);
        for (int i = 0; i < 1010; i++) {
            assertEquals(i >= 5 && i < 1005 ? (byte) 0xC7 : 0, translated.ram()[i], "byte " + i);
        }
    }

    @Test
    void aLoopThatStepsByTwoIsNoByteFill() {
        assertFalse(callsByteFillLoop(Translator.translate(program(RAM, 8, false, 2)).classes().get("dev/rvjar/guest/Region_00000000")));
    }

    private static boolean callsByteFillLoop(byte[] regionClass) {
        return RuntimeCalls.calls(regionClass, "dev/rvjar/translated/ByteFillLoop");
    }
}
