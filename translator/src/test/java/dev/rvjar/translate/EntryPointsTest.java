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
 * A region method is entered only at its entries (see EntryPoints); control that arrives at any
 * other block is run by the interpreter up to the next entry. Each program here runs interpreted
 * and translated, and the translated run must agree in every register, the counter, the pc and
 * memory; where the interpreter's share is known, it is checked to the instruction.
 */
class EntryPointsTest {
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int T2 = 7;
    private static final int T3 = 28;
    private static final int T4 = 29;
    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int RA = 1;
    /** No region of the contract's memory map is here. */
    private static final int UNMAPPED = 0x4000_0000;

    /** Addresses in {@link #computedJump}. */
    private static final int LOOP = 24;
    private static final int NOT_TAKEN = 36;
    private static final int SKIP = 40;

    /**
     * A loop of 20 iterations (a0 += 8 each, from an even a0) entered by a {@code jalr} whose target is computed (doubled at run
     * time, so that Discovery cannot see it): at the loop head, at the block after a forward branch,
     * or at that branch's target. With {@code fault}, the branch's target loads from unmapped memory.
     */
    private static RomImage computedJump(int target, boolean fault) {
        Asm asm = new Asm();
        asm.addi(A0, 0, 0);                    // 0
        asm.addi(T0, 0, 20);                   // 4
        asm.lui(T4, UNMAPPED >>> 12);          // 8
        asm.addi(T1, 0, target / 2);           // 12
        asm.add(T1, T1, T1);                   // 16
        asm.jalr(0, T1, 0);                    // 20
        assertEquals(LOOP, asm.here());
        asm.addi(A0, A0, 3);                   // 24
        asm.andi(T2, A0, 1);                   // 28
        asm.beq(T2, 0, SKIP - asm.here());     // 32
        assertEquals(NOT_TAKEN, asm.here());
        asm.addi(A0, A0, 5);                   // 36
        assertEquals(SKIP, asm.here());
        if (fault) {
            asm.lw(T3, T4, 0);
        } else {
            asm.addi(T3, T3, 1);
        }
        asm.addi(T0, T0, -1);
        asm.bne(T0, 0, LOOP - asm.here());
        asm.exit();
        return RomImage.flat(asm.bytes());
    }

    private static void assertAgree(RomImage image, long limit, long expectedInterpreted, String expectedEnding) {
        Translation translation = Translator.translate(image);
        GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
        GuestRun translated = GuestRun.of(image, null, null, limit, translation);
        assertEquals(expectedEnding, interpreted.ending());
        assertNull(interpreted.difference(translated));
        assertEquals(expectedInterpreted, translated.instret() - translated.translatedInstructions());
    }

    @Test
    void onlyTheFirstBlockTheLoopHeadAndReturnPointsAreEntries() {
        Translation translation = Translator.translate(computedJump(LOOP, false));
        assertNotEquals(-1, translation.codeMap().regionAt(0));
        assertNotEquals(-1, translation.codeMap().regionAt(LOOP));
        assertEquals(-1, translation.codeMap().regionAt(NOT_TAKEN));
        assertEquals(-1, translation.codeMap().regionAt(SKIP));
    }

    @Test
    void aComputedJumpToTheLoopHeadRunsTranslated() {
        assertAgree(computedJump(LOOP, false), 1_000_000, 0, "exit 160");
    }

    /**
     * Landing in the loop's middle: the interpreter runs to the loop head (three or four
     * instructions), then translated code. At SKIP the first round adds nothing (19 rounds of 8);
     * at NOT_TAKEN it adds 5, and the next 3 (19 rounds, the first of 3, the rest of 8).
     */
    @Test
    void aComputedJumpIntoTheMiddleOfALoopIsInterpretedUpToTheLoopHead() {
        assertAgree(computedJump(SKIP, false), 1_000_000, 3, "exit 152");
        assertAgree(computedJump(NOT_TAKEN, false), 1_000_000, 4, "exit 152");
    }

    @Test
    void aFaultRightAfterAComputedJumpIntoTheMiddleIsPrecise() {
        Translation translation = Translator.translate(computedJump(SKIP, true));
        GuestRun interpreted = GuestRun.of(computedJump(SKIP, true), null, null, 1_000_000, null);
        GuestRun translated = GuestRun.of(computedJump(SKIP, true), null, null, 1_000_000, translation);
        assertTrue(interpreted.ending().startsWith("fault"), interpreted.ending());
        assertEquals(SKIP, interpreted.pc());
        assertNull(interpreted.difference(translated));
    }

    /** The fault two blocks after the landing, and in translated code when the jump is to the loop head. */
    @ParameterizedTest
    @ValueSource(ints = {LOOP, NOT_TAKEN})
    void aFaultLaterOnIsPrecise(int target) {
        RomImage image = computedJump(target, true);
        GuestRun interpreted = GuestRun.of(image, null, null, 1_000_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 1_000_000, Translator.translate(image));
        assertEquals(SKIP, interpreted.pc());
        assertNull(interpreted.difference(translated));
    }

    /** Every instruction limit stops both engines at the same pc and count, wherever the interpreter took over. */
    @ParameterizedTest
    @ValueSource(ints = {LOOP, NOT_TAKEN, SKIP})
    void everyLimitStopsWhereTheInterpreterStops(int target) {
        RomImage image = computedJump(target, false);
        Translation translation = Translator.translate(image);
        for (long limit = 1; limit < 150; limit++) {
            GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
            GuestRun translated = GuestRun.of(image, null, null, limit, translation);
            assertNull(interpreted.difference(translated), "limit " + limit);
        }
    }

    /**
     * A switch through a table of absolute addresses (at 4, jumped over): Discovery finds the
     * cases through the table's words, so they are entries and nothing is interpreted. 40 rounds
     * of case i % 4: +1, +10, +100, doubling.
     */
    @Test
    void jumpTableTargetsAreEntries() {
        int table = 4;
        int loop = table + 16 + 12;
        int cases = loop + 24;
        int next = cases + 4 * 8;
        Asm asm = new Asm();
        asm.jal(0, table + 16);
        for (int c = 0; c < 4; c++) {
            asm.word(cases + 8 * c);
        }
        asm.addi(A0, 0, 0).addi(S0, 0, 40).addi(S1, 0, 0);
        assertEquals(loop, asm.here());
        asm.andi(T0, S1, 3).slli(T0, T0, 2).addi(T1, 0, table).add(T1, T1, T0).lw(T1, T1, 0).jalr(0, T1, 0);
        assertEquals(cases, asm.here());
        asm.addi(A0, A0, 1).jal(0, next - asm.here());
        asm.addi(A0, A0, 10).jal(0, next - asm.here());
        asm.addi(A0, A0, 100).jal(0, next - asm.here());
        asm.slli(A0, A0, 1).jal(0, next - asm.here());
        asm.addi(S1, S1, 1).bne(S1, S0, loop - asm.here());
        asm.exit();
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        for (int c = 0; c < 4; c++) {
            assertNotEquals(-1, translation.codeMap().regionAt(cases + 8 * c));
        }
        int a0 = 0;
        for (int i = 0; i < 40; i++) {
            a0 = switch (i % 4) {
                case 0 -> a0 + 1;
                case 1 -> a0 + 10;
                case 2 -> a0 + 100;
                default -> a0 * 2;
            };
        }
        assertAgree(image, 1_000_000, 0, "exit " + a0);
    }

    /**
     * A callee (another region, a linked call) that returns one instruction past its return
     * address, into the middle of the caller's block: ten times the interpreter runs the rest of
     * that block (three instructions) up to the loop head, and the last time on through the exit
     * after the loop (two more: the block after a branch is no entry).
     */
    @Test
    void aReturnIntoTheMiddleOfABlockIsInterpretedUpToTheNextEntry() {
        // near enough that the caller, nops up to the callee included, is one region: cut into pieces,
        // its loop would be a piece of its own and the block after the loop an entry
        int callee = 0x100;
        Asm asm = new Asm().addi(A0, 0, 0).addi(S0, 0, 10);
        int loop = asm.here();
        asm.jal(RA, callee - asm.here());
        asm.addi(A0, A0, 100);      // skipped: the callee returns past it
        asm.addi(A0, A0, 1);
        asm.addi(S0, S0, -1);
        asm.bne(S0, 0, loop - asm.here());
        asm.exit();
        while (asm.here() < callee) {
            asm.addi(0, 0, 0);
        }
        asm.addi(RA, RA, 4).jalr(0, RA, 0);
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        assertNotEquals(translation.codeMap().regionAt(0), translation.codeMap().regionAt(callee));
        assertAgree(image, 1_000_000, 32, "exit 10");
    }

    /**
     * main calls f, a function of another region, twice in a loop of 10: through {@code jal} (a
     * linked call that goes on at its return block by a jump) and through {@code jalr} (its return
     * comes back through the switch). f calls itself once, with t0 as link (a call inside its own
     * region is a jump, its return would come through the switch) and returns to main from there.
     * Then main calls h, which calls f through a pointer (h's method is left for the dispatch loop
     * there, and returns through it). a0: 10 rounds of 2 + 1 + 2, 2 for f's call of itself, 2 for
     * h's call.
     */
    private static RomImage callsInALoop() {
        int h = 0x2000;
        int f = 0x3000; // last: the padding before it falls through into f, not out of it
        Asm asm = new Asm().addi(A0, 0, 0).addi(S0, 0, 10).lui(T4, f >>> 12).addi(A1, 0, 1);
        int loop = asm.here();
        asm.jal(RA, f - asm.here());             // a linked call
        asm.addi(A0, A0, 1);
        asm.jalr(RA, T4, 0);                     // a call through a pointer
        asm.addi(S0, S0, -1);
        asm.bne(S0, 0, loop - asm.here());
        asm.jal(RA, h - asm.here());             // h calls through a pointer
        asm.exit();
        while (asm.here() < h) {
            asm.addi(0, 0, 0);
        }
        asm.addi(T1, RA, 0).jalr(RA, T4, 0).jalr(0, T1, 0);
        while (asm.here() < f) {
            asm.addi(0, 0, 0);
        }
        asm.addi(A0, A0, 2);
        asm.beq(A1, 0, 16);
        asm.addi(A1, A1, -1);
        asm.jal(T0, f - asm.here());             // a call within f's region
        asm.addi(A0, A0, 0);
        asm.jalr(0, RA, 0);
        return RomImage.flat(asm.bytes());
    }

    @Test
    void callsOfEveryKindInALoopRunTranslated() {
        assertAgree(callsInALoop(), 1_000_000, 0, "exit 54");
    }

    /**
     * Every instruction limit, stops inside the callees included: resumed there, each returns
     * through the dispatch loop.
     */
    @Test
    void everyLimitAroundALinkedCallStopsAndResumesLikeTheInterpreter() {
        RomImage image = callsInALoop();
        Translation translation = Translator.translate(image);
        for (long limit = 1; limit < 120; limit++) {
            GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
            GuestRun translated = GuestRun.of(image, null, null, limit, translation);
            assertNull(interpreted.difference(translated), "limit " + limit);
        }
    }

    /** {@code wfi}, left to the interpreter, hands back right after it: one interpreted instruction per round. */
    @Test
    void afterAnInstructionLeftToTheInterpreterTranslatedCodeTakesOver() {
        Asm asm = new Asm().addi(A0, 0, 0).addi(S0, 0, 25);
        int loop = asm.here();
        asm.addi(A0, A0, 2);
        asm.word(0x10500073); // wfi
        asm.addi(S0, S0, -1);
        asm.bne(S0, 0, loop - asm.here());
        asm.exit();
        assertAgree(RomImage.flat(asm.bytes()), 1_000_000, 25, "exit 50");
    }
}
