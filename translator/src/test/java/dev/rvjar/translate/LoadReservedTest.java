package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lr.w} and {@code sc.w} in translated code and in the interpreter: each program runs both
 * ways, the two runs must agree on everything observable, and the results are checked against the A
 * extension (sc.w writes 0 to rd when it stores, nonzero when it does not; it ends the hart's
 * reservation either way; it pairs with the most recent lr.w, and fails for another address). Where
 * the spec leaves a choice (the hart's own store between the two), the test pins rvjar's, which
 * {@link dev.rvjar.semantics.Reservation} documents.
 */
class LoadReservedTest {
    private static final int S0 = 8;
    private static final int T0 = 5;
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int A2 = 12;
    private static final int A3 = 13;
    private static final int A4 = 14;
    private static final int WORD = 0x0100_0100; // in RAM
    private static final int INITIAL = 0x1234_5678;
    private static final int STORED = 0x0BAD_F00D;

    private static int lr(int rd, int rs1) {
        return 0x02 << 27 | rs1 << 15 | 2 << 12 | rd << 7 | 0x2F;
    }

    private static int sc(int rd, int rs2, int rs1) {
        return 0x03 << 27 | rs2 << 20 | rs1 << 15 | 2 << 12 | rd << 7 | 0x2F;
    }

    /**
     * Runs {@code body} after s0 = WORD, mem[WORD] = INITIAL, mem[WORD + 4] = 0, a2 = STORED, then
     * exits with status 0; checks that both engines agree and returns the interpreter's run.
     */
    private static GuestRun run(Consumer<Asm> body) {
        Asm asm = new Asm().li(S0, WORD).li(T0, INITIAL).sw(T0, S0, 0).sw(0, S0, 4).li(A2, STORED);
        body.accept(asm);
        asm.li(A0, 0).exit();
        RomImage image = RomImage.flat(asm.bytes());
        GuestRun interpreted = GuestRun.of(image, null, null, 10_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 10_000, Translator.translate(image));
        assertNull(interpreted.difference(translated));
        return interpreted;
    }

    private static int word(GuestRun run, int address) {
        return ByteBuffer.wrap(run.ram()).order(ByteOrder.LITTLE_ENDIAN).getInt(address - 0x0100_0000);
    }

    @Test
    void scAfterLrToTheSameWordStoresAndWritesZero() {
        GuestRun run = run(asm -> asm.word(lr(A0, S0)).word(sc(A1, A2, S0)).addi(A3, A0, 0));
        assertEquals("exit 0", run.ending());
        assertEquals(INITIAL, run.x()[A3], "lr.w reads the word");
        assertEquals(0, run.x()[A1]);
        assertEquals(STORED, word(run, WORD));
    }

    @Test
    void scWithoutLrFailsAndStoresNothing() {
        GuestRun run = run(asm -> asm.word(sc(A1, A2, S0)));
        assertTrue(run.x()[A1] != 0);
        assertEquals(INITIAL, word(run, WORD));
    }

    @Test
    void aSecondScFailsBecauseTheFirstEndedTheReservation() {
        GuestRun run = run(asm -> asm.word(lr(A0, S0)).word(sc(A1, A2, S0)).addi(A2, A2, 1).word(sc(A3, A2, S0)));
        assertEquals(0, run.x()[A1]);
        assertTrue(run.x()[A3] != 0);
        assertEquals(STORED, word(run, WORD));
    }

    @Test
    void scToAnotherAddressFailsAndEndsTheReservation() {
        GuestRun run = run(asm -> asm.word(lr(A0, S0)).addi(T0, S0, 4).word(sc(A1, A2, T0)).word(sc(A3, A2, S0)));
        assertTrue(run.x()[A1] != 0, "not the reserved word");
        assertTrue(run.x()[A3] != 0, "the failed sc.w ended the reservation");
        assertEquals(INITIAL, word(run, WORD));
        assertEquals(0, word(run, WORD + 4));
    }

    @Test
    void scPairsWithTheMostRecentLr() {
        GuestRun run = run(asm -> asm.word(lr(A0, S0)).addi(T0, S0, 4).word(lr(A4, T0)).word(sc(A1, A2, S0)));
        assertTrue(run.x()[A1] != 0);
        assertEquals(INITIAL, word(run, WORD));
    }

    @Test
    void theHartsOwnStoreBetweenLrAndScLeavesTheReservation() {
        GuestRun run = run(asm -> asm.word(lr(A0, S0)).sw(0, S0, 0).addi(T0, 0, 7).sw(T0, S0, 4).word(sc(A1, A2, S0)));
        assertEquals(0, run.x()[A1]);
        assertEquals(STORED, word(run, WORD));
    }

    @Test
    void lrAndScIntoX0StillReserveAndStore() {
        GuestRun run = run(asm -> asm.word(lr(0, S0)).word(sc(0, A2, S0)).word(sc(A1, A2, S0)));
        assertEquals(STORED, word(run, WORD), "sc.w x0 stored");
        assertTrue(run.x()[A1] != 0, "and ended the reservation");
        assertEquals(0, run.x()[0]);
    }

    @Test
    void theReservationHoldsAcrossTheInterpreterAndTranslatedCode() {
        // wfi is left to the interpreter: lr.w runs translated before it, sc.w translated after it
        GuestRun run = run(asm -> asm.word(lr(A0, S0)).word(0x1050_0073).word(sc(A1, A2, S0)));
        assertEquals(0, run.x()[A1]);
        assertEquals(STORED, word(run, WORD));
    }

    @Test
    void anAtomicIncrementLoopRunsWhollyTranslated() {
        // again: lr.w a0, (s0); addi a0, a0, 1; sc.w a1, a0, (s0); bnez a1, again; 100 times
        Asm asm = new Asm().li(S0, WORD).sw(0, S0, 0).li(A3, 100);
        asm.word(lr(A0, S0)).addi(A0, A0, 1).word(sc(A1, A0, S0)).bne(A1, 0, -12);
        asm.addi(A3, A3, -1).bne(A3, 0, -20);
        asm.lw(A0, S0, 0).exit();
        RomImage image = RomImage.flat(asm.bytes());
        GuestRun interpreted = GuestRun.of(image, null, null, 10_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 10_000, Translator.translate(image));
        assertEquals("exit 100", interpreted.ending());
        assertNull(interpreted.difference(translated));
        assertEquals(interpreted.instret(), translated.translatedInstructions(), "no instruction left to the interpreter");
    }

    @Test
    void aFaultingLrOrScFaultsAlikeAndAnUnreservedScToRomDoesNot() {
        GuestRun unmapped = run(asm -> asm.li(T0, 0x2000_0000).word(lr(A0, T0)));
        assertTrue(unmapped.ending().startsWith("fault "), unmapped.ending());
        GuestRun romStore = run(asm -> asm.li(T0, 0x100).word(lr(A0, T0)).word(sc(A1, A2, T0)));
        assertTrue(romStore.ending().startsWith("fault "), romStore.ending());
        GuestRun unreserved = run(asm -> asm.li(T0, 0x100).word(sc(A1, A2, T0)));
        assertEquals("exit 0", unreserved.ending(), "rvjar's choice: a failing sc.w accesses no memory, so it cannot fault");
        assertTrue(unreserved.x()[A1] != 0);
    }
}
