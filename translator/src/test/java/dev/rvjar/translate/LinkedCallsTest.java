package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls between regions become JVM calls (linked calls, see RegionEmitter). Two functions far
 * apart, so that they land in different regions, recurse into each other: depth n gives a0 = n.
 */
class LinkedCallsTest {
    private static final int G = 0x100;
    private static final int F = 0x4000;
    private static final int SP = 0x0110_0000; // the top of RAM

    /** main: a0 = n; g(a0); exit(a0). g and f: {@code x(n) = n == 0 ? 0 : y(n - 1) + 1}, each calling the other. */
    private static RomImage mutualRecursion(int n) {
        Asm asm = new Asm().li(2, SP).li(10, n);
        asm.jal(1, G - asm.here());
        asm.exit();
        padTo(asm, G);
        recursiveStep(asm, F);
        // straight-line code between the two, more than one region can hold, so g and f are apart
        while (asm.here() < F - 0x100) {
            asm.addi(5, 5, 1);
        }
        asm.jalr(0, 1, 0);
        padTo(asm, F);
        recursiveStep(asm, G);
        return RomImage.flat(asm.bytes());
    }

    private static void recursiveStep(Asm asm, int callee) {
        int start = asm.here();
        asm.beq(10, 0, 32);           // +0: n == 0: return 0
        asm.addi(2, 2, -16);          // +4
        asm.sw(1, 2, 12);             // +8
        asm.addi(10, 10, -1);         // +12
        asm.jal(1, callee - (start + 16)); // +16
        asm.addi(10, 10, 1);          // +20
        asm.lw(1, 2, 12);             // +24
        asm.addi(2, 2, 16);           // +28
        asm.jalr(0, 1, 0);            // +32
    }

    private static void padTo(Asm asm, int address) {
        while (asm.here() < address) {
            asm.addi(0, 0, 0);
        }
    }

    @Test
    void theTwoFunctionsAreInDifferentRegions() {
        Translation translation = Translator.translate(mutualRecursion(3));
        assertNotEquals(translation.codeMap().regionAt(G), translation.codeMap().regionAt(F));
        assertNotEquals(-1, translation.codeMap().regionAt(G));
        assertNotEquals(-1, translation.codeMap().regionAt(F));
    }

    /** Below, at and far beyond the depth where linked calls stop nesting and leave the region instead. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 57, 199, 200, 201, 1000, 20_000})
    void mutualRecursionAcrossRegionsReturnsItsDepthLikeTheInterpreter(int n) {
        RomImage image = mutualRecursion(n);
        Translation translation = Translator.translate(image);
        GuestRun interpreted = GuestRun.of(image, null, null, 10_000_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 10_000_000, translation);
        assertEquals("exit " + n, interpreted.ending());
        assertNull(interpreted.difference(translated));
        assertEquals(interpreted.instret(), translated.translatedInstructions());
    }

    /** An instruction limit reached deep inside linked calls stops both engines at the same pc and count. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 100, 1_001, 2_222, 4_801, 9_999, 30_103})
    void aLimitInsideLinkedCallsStopsWhereTheInterpreterStops(long limit) {
        RomImage image = mutualRecursion(5000); // about 45,000 instructions
        GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
        GuestRun translated = GuestRun.of(image, null, null, limit, Translator.translate(image));
        assertEquals("limit", interpreted.ending());
        assertNull(interpreted.difference(translated));
    }

    /** {@code amoadd.w rd, rs2, (rs1)}: much bytecode per instruction (two accesses, each with its handler). */
    private static int amoaddW(int rd, int rs1, int rs2) {
        return rs2 << 20 | rs1 << 15 | 2 << 12 | rd << 7 | 0x2F;
    }

    /**
     * A block too large for any method is left to the interpreter; a call into it must not be linked
     * to a class that was never made (the call goes through the dispatch loop instead).
     */
    @Test
    void aCallIntoABlockTooLargeToTranslateRunsItInTheInterpreter() {
        Asm asm = new Asm().li(10, 5).li(8, SP - 64);
        asm.jal(1, G - asm.here());
        asm.exit();
        padTo(asm, G);
        for (int i = 0; i < 199; i++) {
            asm.word(amoaddW(11 + i % 7, 8, 18 + i % 5));
        }
        asm.addi(10, 10, 1).jalr(0, 1, 0);
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        assertNotEquals(0, translation.statistics().droppedBlocks(), translation.statistics().toString());
        GuestRun interpreted = GuestRun.of(image, null, null, 100_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 100_000, translation);
        assertEquals("exit 6", interpreted.ending());
        assertNull(interpreted.difference(translated));
    }

    /**
     * A register changed two linked calls deep is seen by the caller when the calls return: main
     * calls g, g calls f, f sets t3, g sets t4; main adds them.
     */
    @Test
    void registersChangedTwoCallsDeepAreSeenByTheCaller() {
        Asm asm = new Asm().li(2, SP);
        asm.jal(1, G - asm.here());
        asm.add(10, 28, 29);          // a0 = t3 + t4
        asm.exit();
        padTo(asm, G);
        asm.addi(2, 2, -16).sw(1, 2, 12);
        asm.jal(1, F - asm.here());
        asm.addi(29, 0, 30);          // t4 = 30
        asm.lw(1, 2, 12).addi(2, 2, 16).jalr(0, 1, 0);
        while (asm.here() < F - 0x100) {
            asm.addi(5, 5, 1);
        }
        asm.jalr(0, 1, 0);
        padTo(asm, F);
        asm.addi(28, 0, 12).jalr(0, 1, 0); // t3 = 12
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        assertNotEquals(translation.codeMap().regionAt(G), translation.codeMap().regionAt(F));
        GuestRun interpreted = GuestRun.of(image, null, null, 100_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 100_000, translation);
        assertEquals("exit 42", interpreted.ending());
        assertNull(interpreted.difference(translated));
        assertEquals(interpreted.instret(), translated.translatedInstructions());
    }

    /**
     * main calls big, a function too large for one method: a loop of 30 rounds over 1,200
     * additions (cut into blocks every 40 by a branch never taken) and a store and load, with a
     * forward branch over half of it in round 15; the loop and that branch span the pieces big is
     * split into.
     */
    private static RomImage largeFunction() {
        Asm asm = new Asm().li(2, SP).li(10, 0).li(8, SP - 256);
        asm.jal(1, G - asm.here());
        asm.exit();
        padTo(asm, G);
        asm.addi(5, 0, 30).addi(7, 0, 15);
        int loop = asm.here();
        int skipFrom = asm.here();
        int skip = 4 * (1 + 600 + 16); // the beq, 600 additions and 16 branches
        asm.beq(5, 7, skip);
        for (int i = 0; i < 1200; i++) {
            if (i % 40 == 0) {
                asm.blt(5, 0, 8);
            }
            if (i == 600) {
                assertEquals(skipFrom + skip, asm.here());
                asm.sw(10, 8, 0).lw(11, 8, 0).add(12, 12, 11);
            }
            asm.addi(10, 10, 1);
        }
        asm.addi(5, 5, -1);
        asm.beq(5, 0, 8); // too far back for a branch: a jump, as compilers make it
        asm.jal(0, loop - asm.here());
        asm.jalr(0, 1, 0);
        return RomImage.flat(asm.bytes());
    }

    @Test
    void loopsAndBranchesAcrossThePiecesOfALargeFunctionAgreeWithTheInterpreter() {
        RomImage image = largeFunction();
        Translation translation = Translator.translate(image);
        assertTrue(translation.statistics().regions() >= 3, translation.statistics().toString());
        GuestRun interpreted = GuestRun.of(image, null, null, 10_000_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 10_000_000, translation);
        assertEquals("exit " + (30 * 1200 - 600), interpreted.ending());
        assertNull(interpreted.difference(translated));
        assertEquals(interpreted.instret(), translated.translatedInstructions());
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 700, 1_250, 19_001, 23_456})
    void aLimitInsideALargeFunctionStopsWhereTheInterpreterStops(long limit) {
        RomImage image = largeFunction();
        GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
        GuestRun translated = GuestRun.of(image, null, null, limit, Translator.translate(image));
        assertEquals("limit", interpreted.ending());
        assertNull(interpreted.difference(translated));
    }
}
