package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The contract's "a jump to its own address ends the call with status a0", for each kind of jump,
 * in the interpreter and translated code alike. A {@code jalr} whose rd is its own rs1 (not x0) is
 * the exception: it changes its own target, so reaching itself is no endless loop and never ends
 * the call (it runs again, and goes wherever the new rs1 + imm points).
 */
class JumpToItselfTest {
    private static final int T0 = 5;
    private static final int RA = 1;
    private static final int A0 = 10;
    private static final int A1 = 11;

    /**
     * a0 = 42, then {@code jump}, whose address is in ra and 4 bytes further in t0; returns the
     * interpreter's run, after checking that translated code ran the same.
     */
    private static GuestRun run(Consumer<Asm> jump, long limit) {
        Asm asm = new Asm().addi(A0, 0, 42);
        int at = asm.here() + 8; // after the two li, one addi each
        asm.li(T0, at + 4).li(RA, at);
        assertEquals(at, asm.here());
        jump.accept(asm);
        asm.addi(A1, 0, 1).addi(A0, 0, 7).exit(); // reached when the jump does not end the call
        RomImage image = RomImage.flat(asm.bytes());
        GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
        GuestRun translated = GuestRun.of(image, null, null, limit, Translator.translate(image));
        assertNull(interpreted.difference(translated));
        return interpreted;
    }

    @Test
    void jalBeqAndJalrToThemselvesEndTheCallWithA0() {
        assertEquals("exit 42", run(asm -> asm.jal(0, 0), 1000).ending());
        assertEquals("exit 42", run(asm -> asm.beq(0, 0, 0), 1000).ending());
        assertEquals("exit 42", run(asm -> asm.jalr(0, T0, -4), 1000).ending(), "jr -4(t0)");
        GuestRun linking = run(asm -> asm.jalr(RA, T0, -4), 1000);
        assertEquals("exit 42", linking.ending(), "jalr ra, -4(t0): rd is not rs1");
        assertEquals(16, linking.x()[RA], "the link register is written before the call ends");
        assertEquals(12, linking.pc());
    }

    @Test
    void jalrRaZeroOfRaToItselfRunsOnceMoreThenFallsThrough() {
        // the first jalr ra, 0(ra) lands on itself with ra = 16; the second goes to 16, the next instruction
        GuestRun run = run(asm -> asm.jalr(RA, RA, 0), 1000);
        assertEquals("exit 7", run.ending());
        assertEquals(1, run.x()[A1]);
        assertEquals(16, run.x()[RA]);
    }

    @Test
    void jalrThatKeepsLandingOnItselfThroughItsOwnBaseRegisterRunsToTheLimit() {
        // jalr t0, -4(t0) with t0 = pc + 4: every round writes t0 = pc + 4 and lands on pc again
        GuestRun run = run(asm -> asm.jalr(T0, T0, -4), 1000);
        assertEquals("limit", run.ending());
    }
}
