package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.rvjar.translate.C1AllocationLimitTest.assertWithinC1Limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A function too large for C1 with every register in a local, but not too large for one method,
 * stays one region: the registers its loop uses least live in {@code cpu.x} instead, and the
 * guest sees the same registers, memory, counter and pc as in the interpreter at every stop, at a
 * fault inside the loop and in a linked callee that reads and writes those registers.
 */
class RegistersInCpuTest {
    private static final int RAM = 0x0100_0000;
    private static final int UNMAPPED = 0x7000_0000;
    private static final int STEPS = 26;
    /** Used only before and after the loop, and by the callee: the ones to leave in cpu.x. */
    private static final int[] OUTSIDE_THE_LOOP = {3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16};
    private static final int BASE = 31;
    private static final int COUNT = 30;
    private static final int ROUNDS = 29;

    /**
     * {@code main}: the registers outside the loop set to 100 + n; a loop of {@value #STEPS} steps
     * over x18-x28 (load, add, conditional skip, xor, store), each round calling {@code bump}
     * (x4 += x3) and moving the base by {@code stride}; after it a0 = the sum of the registers
     * outside the loop. {@code bump} follows the exit.
     */
    private static RomImage program(int stride) {
        Asm asm = new Asm();
        for (int r : OUTSIDE_THE_LOOP) {
            asm.addi(r, 0, 100 + r);
        }
        asm.li(BASE, RAM).li(COUNT, 0).li(ROUNDS, 3);
        int loop = asm.here();
        for (int i = 0; i < STEPS; i++) {
            int a = 18 + i % 11;
            int b = 18 + (i + 5) % 11;
            asm.lw(a, BASE, i * 4).add(b, b, a).blt(a, b, 8).xori(a, a, i).sw(a, BASE, 512 + i * 4);
        }
        int call = asm.here();
        asm.jal(1, 0); // patched below once bump's address is known
        asm.li(17, stride).add(BASE, BASE, 17);
        asm.addi(COUNT, COUNT, 1);
        asm.blt(COUNT, ROUNDS, loop - asm.here());
        asm.addi(10, 0, 0);
        for (int r : OUTSIDE_THE_LOOP) {
            asm.add(10, 10, r);
        }
        asm.exit();
        int bump = asm.here();
        asm.add(4, 4, 3).jalr(0, 1, 0);
        byte[] bytes = asm.bytes();
        byte[] jal = new Asm().jal(1, bump - call).bytes();
        System.arraycopy(jal, 0, bytes, call, 4);
        return RomImage.flat(bytes);
    }

    private static void agree(RomImage image, Translation translation, long limit) {
        GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
        GuestRun translated = GuestRun.of(image, null, null, limit, translation);
        assertNull(interpreted.difference(translated), "limit " + limit);
    }

    @Test
    void theLoopStaysOneRegionWithTheRegistersUsedOutsideItInCpuX() {
        RomImage image = program(0);
        Translation translation = Translator.translate(image);
        assertEquals(2, translation.statistics().regions(), "main and bump: " + translation.statistics());
        assertWithinC1Limit(translation);
        Set<Integer> locals = RunLocals.integerRegisters(translation.classes().get(Translator.PACKAGE + "Region_00000000"));
        for (int r : OUTSIDE_THE_LOOP) {
            assertFalse(locals.contains(r), "x" + r + " is used only outside the loop: " + locals);
        }
        assertTrue(locals.contains(BASE), "the base of every load and store: " + locals);
        assertTrue(locals.size() >= 8, locals.toString());

        GuestRun run = GuestRun.of(image, null, null, 1_000_000, translation);
        assertTrue(run.ending().startsWith("exit"), run.ending());
        int expected = 0;
        for (int r : OUTSIDE_THE_LOOP) {
            expected += 100 + r;
        }
        expected += 3 * (100 + 3); // bump added x3 to x4 in each of the 3 rounds
        assertEquals(expected, run.x()[10]);
        assertTrue(run.translatedInstructions() > 0);
    }

    @Test
    void everyStopInsideTheLoopAgreesWithTheInterpreter() {
        RomImage image = program(0);
        Translation translation = Translator.translate(image);
        for (long limit = 1; limit < 3 * (STEPS * 5 + 6) + 60; limit += 3) {
            agree(image, translation, limit);
        }
        agree(image, translation, 1_000_000);
    }

    @Test
    void aFaultInTheSecondRoundAgreesWithTheInterpreter() {
        RomImage image = program(UNMAPPED - RAM);
        Translation translation = Translator.translate(image);
        GuestRun run = GuestRun.of(image, null, null, 1_000_000, translation);
        assertTrue(run.ending().startsWith("fault"), run.ending());
        agree(image, translation, 1_000_000);
    }

    /**
     * A loop whose body branches back to its head from many places (as each case of a
     * {@code switch} in a loop does; these branches are never taken) after an inner loop over
     * x5-x7: the outer loop counts as one loop however many branches close it, so the inner loop,
     * one deeper, keeps its registers in locals in a region too large for all of them.
     */
    @Test
    void theInnerLoopOfALoopClosedFromManyPlacesKeepsItsRegistersInLocals() {
        Asm asm = new Asm().li(BASE, RAM).li(7, 5).li(COUNT, 0).li(ROUNDS, 3);
        int head = asm.here();
        asm.li(5, 0);
        int inner = asm.here();
        asm.addi(5, 5, 1).add(6, 6, 5).bne(5, 7, inner - asm.here());
        for (int i = 0; i < 3 * STEPS; i++) { // over x8-x27: more registers than the region keeps
            int a = 8 + i % 20;
            int b = 8 + (i + 7) % 20;
            asm.lw(a, BASE, i * 4).add(b, b, a).sw(b, BASE, 512 + i * 4);
            asm.blt(BASE, 0, head - asm.here()); // never taken: RAM lies below 2^31
        }
        asm.addi(COUNT, COUNT, 1).blt(COUNT, ROUNDS, head - asm.here());
        asm.add(10, 6, 0).exit();
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        assertWithinC1Limit(translation);
        Set<Integer> locals = RunLocals.integerRegisters(translation.classes().get(Translator.PACKAGE + "Region_00000000"));
        assertTrue(locals.size() < 15, "demoted: " + locals);
        assertTrue(locals.containsAll(Set.of(5, 6, 7)), "the inner loop's registers: " + locals);
        GuestRun run = GuestRun.of(image, null, null, 1_000_000, translation);
        assertEquals("exit 45", run.ending()); // 3 rounds of 1 + 2 + 3 + 4 + 5
        for (long limit = 1; limit < 3 * (3 * STEPS * 4 + 20) + 20; limit += 7) {
            agree(image, translation, limit);
        }
    }

    /** A small loop: x6 and x7 are used only before and after it, and stay in cpu.x. */
    @Test
    void registersNoLoopUsesStayInCpuXInASmallRegionToo() {
        Asm asm = new Asm().addi(6, 0, 40).addi(7, 0, 2).addi(5, 0, 0).addi(28, 0, 10);
        int loop = asm.here();
        asm.addi(5, 5, 3).addi(28, 28, -1);
        asm.bne(28, 0, loop - asm.here());
        asm.add(10, 5, 6).add(10, 10, 7).exit();
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        Set<Integer> locals = RunLocals.integerRegisters(translation.classes().get(Translator.PACKAGE + "Region_00000000"));
        assertEquals(Set.of(5, 28), locals);
        GuestRun run = GuestRun.of(image, null, null, 1_000, translation);
        assertEquals("exit 72", run.ending()); // 10 * 3 + 40 + 2
        for (long limit = 1; limit < 40; limit++) {
            agree(image, translation, limit);
        }
    }
}
