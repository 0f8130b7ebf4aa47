package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A linked call syncs only the registers its callee may touch (RegionEmitter, RegisterFootprint);
 * callees that break the calling convention must still leave registers, memory, counter, pc and
 * faults exactly as the interpreter has them, at the end and at every instruction limit. main sets
 * every register it may (all dirty in its locals), calls g, which saves s1 and ra, sets s1 and
 * calls f; f is one of the {@link Callee}s; then both mix every register into memory and exit.
 */
class CallFootprintTest {
    private static final int G = 0x400;
    private static final int F = 0x800;
    private static final int H = 0xC00;
    private static final int SP = 0x0110_0000; // the top of RAM
    private static final int RESULTS = 0x0100_0000;
    /** Where main goes on after its call of g. */
    private static final int MAIN_RESUME = 0x7C;

    /** What f does before it returns (or instead). */
    enum Callee {
        /** Only a0: the footprint of a tiny leaf function. */
        LEAF(f -> f.addi(10, 10, 3).jalr(0, 1, 0)),
        /** Overwrites callee-saved s1-s11 and gp, tp without restoring them. */
        CLOBBERS_SAVED_REGISTERS(f -> {
            for (int r : new int[] {3, 4, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27}) {
                f.addi(r, r, 100 + r);
            }
            f.jalr(0, 1, 0);
        }),
        /** Saves s2 to the stack, changes and restores it: the stack holds main's s2. */
        SAVES_AND_RESTORES(f -> f.addi(2, 2, -16).sw(18, 2, 4).addi(18, 0, 9).add(10, 10, 18)
                .lw(18, 2, 4).addi(2, 2, 16).jalr(0, 1, 0)),
        /** Reads t5 and a6, which main set and neither g nor f writes. */
        READS_THE_CALLERS_REGISTERS(f -> f.add(10, 30, 16).jalr(0, 1, 0)),
        /** Returns one instruction past its return address, skipping g's next instruction. */
        RETURNS_ELSEWHERE(f -> f.addi(1, 1, 4).jalr(0, 1, 0)),
        /** Jumps straight back into main (the function two calls up), past g's epilogue. */
        RETURNS_INTO_MAIN(f -> f.li(5, MAIN_RESUME).jalr(0, 5, 0)),
        /** A load from unmapped memory, two linked calls deep. */
        FAULTS(f -> f.li(6, 0x2000_0000).lw(10, 6, 0).jalr(0, 1, 0)),
        /** A store to ROM after changing s3. */
        FAULTS_ON_STORE(f -> f.addi(19, 0, 1).sw(19, 0, 0x10).jalr(0, 1, 0)),
        /** An unknown system call (a7 from main: ENOSYS into a0), then a changed s4 is seen. */
        SYSTEM_CALL(f -> f.ecall().addi(20, 20, 1).jalr(0, 1, 0)),
        /** Reads instret (a CSR, exact in the callee) into t1 and adds it to a0. */
        READS_A_COUNTER(f -> f.csrrs(6, 0xC02, 0).add(10, 10, 6).jalr(0, 1, 0)),
        /** A jump to itself: stops with a0 as main and g left it. */
        JUMPS_TO_ITSELF(f -> f.jal(0, 0)),
        /** Calls h, a third region, which changes t6 and reads s5. */
        CALLS_DEEPER(f -> f.addi(2, 2, -16).sw(1, 2, 12).jal(1, H - f.here()).lw(1, 2, 12)
                .addi(2, 2, 16).jalr(0, 1, 0)),
        /** A loop of 50 rounds, so that instruction limits fall inside the callee. */
        LOOPS(f -> f.addi(7, 0, 50).addi(10, 10, 2).addi(7, 7, -1).bne(7, 0, -8).jalr(0, 1, 0));

        final Consumer<Asm> body;

        Callee(Consumer<Asm> body) {
            this.body = body;
        }
    }

    private static RomImage program(Callee callee) {
        Asm asm = new Asm().li(2, SP);
        for (int r = 3; r < 32; r++) {
            if (r != 10 && r != 17) {
                asm.addi(r, 0, r * 3);
            }
        }
        asm.addi(10, 0, 7).addi(17, 0, 400); // a7 400: no such system call
        assertEquals(MAIN_RESUME - 4, asm.here());
        asm.jal(1, G - asm.here());
        asm.li(8, RESULTS);
        for (int r = 1; r < 32; r++) {
            asm.sw(r, 8, 4 * r);
        }
        asm.exit();
        padTo(asm, G);
        asm.addi(2, 2, -16).sw(1, 2, 12).sw(9, 2, 8).addi(9, 0, 5);
        asm.jal(1, F - asm.here());
        asm.add(10, 10, 9);
        asm.lw(9, 2, 8).lw(1, 2, 12).addi(2, 2, 16).jalr(0, 1, 0);
        padTo(asm, F);
        callee.body.accept(asm);
        padTo(asm, H);
        asm.addi(31, 21, 1).jalr(0, 1, 0);
        return RomImage.flat(asm.bytes());
    }

    private static void padTo(Asm asm, int address) {
        while (asm.here() < address) {
            asm.addi(0, 0, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Callee.class)
    void theCallerSeesWhatTheInterpreterSees(Callee callee) {
        RomImage image = program(callee);
        Translation translation = Translator.translate(image);
        assertNotEquals(translation.codeMap().regionAt(0), translation.codeMap().regionAt(G));
        assertNotEquals(translation.codeMap().regionAt(G), translation.codeMap().regionAt(F));
        GuestRun interpreted = GuestRun.of(image, null, null, 100_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 100_000, translation);
        assertNull(interpreted.difference(translated));
        assertTrue(translated.translatedInstructions() > 0);
    }

    /** Every limit from the first instruction to the end: stops inside main, g, f and h alike. */
    @ParameterizedTest
    @EnumSource(Callee.class)
    void everyInstructionLimitStopsWhereTheInterpreterStops(Callee callee) {
        RomImage image = program(callee);
        Translation translation = Translator.translate(image);
        long total = GuestRun.of(image, null, null, 100_000, null).instret();
        for (long limit = 1; limit <= total; limit++) {
            GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
            GuestRun translated = GuestRun.of(image, null, null, limit, translation);
            assertNull(interpreted.difference(translated), "limit " + limit);
        }
    }
}
