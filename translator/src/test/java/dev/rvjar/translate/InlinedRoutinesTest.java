package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Short routines in other regions run as copies in their callers. A function that saves and
 * restores its registers through routines of the shape GCC's
 * {@code -msave-restore} calls ({@code jal t0, save}: stores ra, s0 and s1 below sp and returns by
 * {@code jr t0}; {@code j restore}: loads them back and returns from the function by {@code ret})
 * runs copies of them as its own blocks, and agrees with the interpreter at every stop, at a fault
 * inside the copied save routine, and where a save routine returns elsewhere than its caller.
 */
class InlinedRoutinesTest {
    private static final int RA = 1;
    private static final int SP = 2;
    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int A0 = 10;
    private static final int S2 = 18;
    private static final int S3 = 19;
    private static final int CALLS = 5;

    /**
     * {@code main} calls {@code f(i)} for i = 0..4 with sp = stack + (i << spShift) and sums the
     * results; {@code f} returns i + 7 + 100 through s0 and s1, which {@code restore} gives back to
     * {@code main}. With {@code returnElsewhere}, {@code save} returns 4 bytes past its call, so
     * that f skips the instruction that sets s0.
     */
    private static Program program(int spShift, boolean returnElsewhere) {
        int stack = McuLayout.RAM_BASE + 0x1000;
        Asm asm = new Asm().li(S1, 0).li(S2, CALLS).li(S3, 0).li(S0, 1000);
        int loop = asm.here();
        asm.li(SP, stack).slli(T1, S1, spShift).add(SP, SP, T1).add(A0, S1, 0);
        int callF = asm.here();
        asm.jal(RA, 0); // patched: jal ra, f
        asm.add(S3, S3, A0).add(S3, S3, S0).addi(S1, S1, 1).blt(S1, S2, loop - asm.here());
        asm.add(A0, S3, 0).exit();
        int f = asm.here();
        int callSave = asm.here();
        asm.jal(T0, 0); // patched: jal t0, save
        asm.addi(S0, A0, 7).li(S1, 100).add(A0, S0, S1);
        int jumpRestore = asm.here();
        asm.jal(0, 0); // patched: j restore
        int save = asm.here();
        asm.addi(SP, SP, -16).sw(S1, SP, 4).sw(S0, SP, 8).sw(RA, SP, 12);
        if (returnElsewhere) {
            asm.addi(T0, T0, 4);
        }
        asm.jalr(0, T0, 0);
        int restore = asm.here();
        asm.lw(S1, SP, 4).lw(S0, SP, 8).lw(RA, SP, 12).addi(SP, SP, 16).jalr(0, RA, 0);
        byte[] bytes = asm.bytes();
        patch(bytes, callF, new Asm().jal(RA, f - callF));
        patch(bytes, callSave, new Asm().jal(T0, save - callSave));
        patch(bytes, jumpRestore, new Asm().jal(0, restore - jumpRestore));
        return new Program(RomImage.flat(bytes), f, save);
    }

    private record Program(RomImage image, int f, int save) {
        byte[] classOf(Translation translation, int start) {
            return translation.classes().get(String.format("%sRegion_%08x", Translator.PACKAGE, start));
        }
    }

    private static void patch(byte[] bytes, int at, Asm jump) {
        System.arraycopy(jump.bytes(), 0, bytes, at, 4);
    }

    @Test
    void theFunctionRunsItsOwnCopiesOfSaveAndRestore() {
        Program program = program(0, false);
        Translation translation = Translator.translate(program.image());
        byte[] f = program.classOf(translation, program.f());
        assertTrue(f != null && program.classOf(translation, program.save()) != null, "f and save are regions of their own");
        String saveRegion = String.format("Region_%08x", program.save());
        assertFalse(new String(f, StandardCharsets.ISO_8859_1).contains(saveRegion), "f calls no save region");

        GuestRun run = GuestRun.of(program.image(), null, null, 1_000_000, translation);
        // each call: a0 = i + 7 + 100, and main's s0 (1000) restored
        assertEquals("exit " + (0 + 1 + 2 + 3 + 4 + CALLS * (107 + 1000)), run.ending());
        assertTrue(run.translatedInstructions() > run.instret() / 2, "mostly translated");
    }

    @Test
    void everyStopAgreesWithTheInterpreter() {
        Program program = program(0, false);
        Translation translation = Translator.translate(program.image());
        for (long limit = 1; limit < 160; limit++) {
            agree(program, translation, limit);
        }
    }

    /** The second call's sp lies 2^28 bytes above RAM's start: save's first store faults. */
    @Test
    void aFaultInsideTheCopiedSaveAgreesWithTheInterpreter() {
        Program program = program(28, false);
        Translation translation = Translator.translate(program.image());
        GuestRun run = GuestRun.of(program.image(), null, null, 1_000_000, translation);
        assertTrue(run.ending().startsWith("fault"), run.ending());
        assertEquals(program.save() + 4, run.pc(), "at the first sw of save");
        agree(program, translation, 1_000_000);
    }

    @Test
    void aSaveRoutineThatReturnsElsewhereAgreesWithTheInterpreter() {
        Program program = program(0, true);
        Translation translation = Translator.translate(program.image());
        for (long limit : new long[] {1_000_000, 37, 38, 39, 40, 41}) {
            agree(program, translation, limit);
        }
        // s0 keeps 1000 + ... : f skipped "addi s0, a0, 7", so a0 = s0 (main's, saved) + 100
        GuestRun run = GuestRun.of(program.image(), null, null, 1_000_000, translation);
        assertEquals("exit " + (CALLS * (1000 + 100 + 1000)), run.ending());
    }

    /**
     * Leaf functions called by {@code jal ra} (picolibc's no-op lock functions are a lone {@code ret})
     * are copied too: {@code main} calls {@code lock} and {@code bump} (a0 += 3) in a loop, and
     * {@code skip} (ra += 4), whose {@code ret} returns past its call. The copies' {@code ret}s
     * compare with the return addresses of main's calls of them; main's own code is unchanged.
     */
    @Test
    void leafFunctionsCalledThroughRaAreCopiedToo() {
        Asm asm = new Asm().li(S1, 0).li(S2, CALLS).li(A0, 0);
        int loop = asm.here();
        int[] calls = new int[3];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = asm.here();
            asm.jal(RA, 0); // patched below
            asm.addi(A0, A0, 100); // skipped after skip's call
        }
        asm.addi(S1, S1, 1).blt(S1, S2, loop - asm.here()).exit();
        int lock = asm.here();
        asm.jalr(0, RA, 0);
        int bump = asm.here();
        asm.addi(A0, A0, 3).jalr(0, RA, 0);
        int skip = asm.here();
        asm.addi(RA, RA, 4).jalr(0, RA, 0);
        byte[] bytes = asm.bytes();
        int[] targets = {lock, bump, skip};
        for (int i = 0; i < calls.length; i++) {
            patch(bytes, calls[i], new Asm().jal(RA, targets[i] - calls[i]));
        }
        RomImage image = RomImage.flat(bytes);
        Translation translation = Translator.translate(image);
        String main = new String(translation.classes().get(Translator.PACKAGE + "Region_00000000"), StandardCharsets.ISO_8859_1);
        for (int target : targets) {
            assertFalse(main.contains(String.format("Region_%08x", target)), "main calls no region at " + target);
        }
        GuestRun run = GuestRun.of(image, null, null, 1_000_000, translation);
        assertEquals("exit " + CALLS * (100 + 3 + 100), run.ending()); // skip's call skips one addi
        for (long limit = 1; limit < 90; limit++) {
            assertNull(GuestRun.of(image, null, null, limit, null).difference(GuestRun.of(image, null, null, limit,
                    translation)), "limit " + limit);
        }
    }

    private static void agree(Program program, Translation translation, long limit) {
        GuestRun interpreted = GuestRun.of(program.image(), null, null, limit, null);
        GuestRun translated = GuestRun.of(program.image(), null, null, limit, translation);
        assertNull(interpreted.difference(translated), "limit " + limit);
    }
}
