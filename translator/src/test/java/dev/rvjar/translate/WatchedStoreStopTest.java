package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Environment;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instruction limit can drop while translated code runs, when a store watcher stops the machine
 * or charges it. The guest must then stop where the interpreter stops it: at the end of the block
 * of the store, inside a linked call, after a block that falls through into the next, and on its
 * way back to the caller.
 */
class WatchedStoreStopTest {
    private static final int WATCHED = McuLayout.RAM_BASE + 0x100;
    private static final int FUNCTION = 0x200;
    private static final int SP = 0x0110_0000;
    private static final int S0 = 8, T0 = 5, T1 = 6, T2 = 7, T3 = 28, A0 = 10, RA = 1;

    /**
     * main: {@code s0 = WATCHED; f(); a0 = t1; exit}. f, its own region: a loop storing its count
     * to the watched word, falling through (a cut block) into a loop without stores that is a
     * branch target of its own, then a return.
     */
    private static RomImage storesInACallee() {
        Asm asm = new Asm().li(2, SP).li(S0, WATCHED).li(T2, 40);
        asm.jal(RA, FUNCTION - asm.here());
        asm.addi(A0, T1, 0);
        asm.exit();
        while (asm.here() < FUNCTION) {
            asm.addi(0, 0, 0);
        }
        asm.li(T0, 0).li(T1, 0);
        int loop = asm.here();
        asm.sw(T0, S0, 0);                       // loop: the watched store
        asm.addi(T0, T0, 1);
        int inner = asm.here();
        asm.addi(T1, T1, 3);                     // inner: a branch target, so the block above falls through
        asm.andi(T3, T1, 7);
        asm.bne(T3, 0, inner - asm.here());      // the inner loop, no stores
        asm.bne(T0, T2, loop - asm.here());
        asm.jalr(0, RA, 0);
        return RomImage.flat(asm.bytes());
    }

    private static void assertAlike(RomImage image, Translation translation, Consumer<Machine> setUp, long limit) {
        GuestRun interpreted = GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, setUp, null, null, limit,
                (Translation) null);
        assertNotEquals(translation.codeMap().regionAt(0), translation.codeMap().regionAt(FUNCTION));
        GuestRun translated = GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, setUp, null, null, limit,
                translation);
        assertNull(interpreted.difference(translated), () -> interpreted + "\n" + translated);
        assertTrue(translated.translatedInstructions() > 0);
    }

    /** A watcher that stops the machine at the {@code n}th store. */
    private static Consumer<Machine> stopAtStore(int n) {
        return machine -> {
            int[] stores = {0};
            machine.memory().watchStores(WATCHED, 4, (address, width) -> {
                if (++stores[0] == n) {
                    machine.stop();
                }
            });
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 17, 40})
    void aWatcherThatStopsTheMachineStopsItWhereTheInterpreterDoes(int n) {
        RomImage image = storesInACallee();
        assertAlike(image, Translator.translate(image), stopAtStore(n), 1_000_000);
    }

    @Test
    void theStopLandsInTheInnerLoopAfterTheStoresBlockFallsThrough() {
        RomImage image = storesInACallee();
        GuestRun run = GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, stopAtStore(1), null, null,
                1_000_000, Translator.translate(image));
        // stopped at the first block end after the store: the inner loop's branch, taken (t1 = 3, t3 = 3)
        assertEquals(FUNCTION + 8 + 4 + 4, run.pc());
        assertEquals(3, run.x()[T1]);
    }

    /** A watcher that charges so much at the {@code n}th store that the limit is reached there. */
    @ParameterizedTest
    @ValueSource(ints = {1, 5, 39})
    void aWatcherThatChargesTheBudgetAwayStopsAtTheLimitLikeTheInterpreter(int n) {
        long limit = 10_000;
        Consumer<Machine> setUp = machine -> {
            int[] stores = {0};
            machine.memory().watchStores(WATCHED, 4, (address, width) -> {
                if (++stores[0] == n) {
                    machine.penalize(limit);
                }
            });
        };
        RomImage image = storesInACallee();
        assertAlike(image, Translator.translate(image), setUp, limit);
    }

    /**
     * Limits that run out before, inside and after the callee, at every block end around the
     * stores (0 runs nothing).
     */
    @Test
    void everyLimitStopsAtTheSamePcAndCountAsTheInterpreter() {
        RomImage image = storesInACallee();
        Translation translation = Translator.translate(image);
        for (long limit = 1; limit < 700; limit++) {
            assertAlike(image, translation, machine -> { }, limit);
        }
    }
}
