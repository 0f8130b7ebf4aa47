package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registers a region method keeps as temporaries (written, and never read at the start of a block:
 * stored to {@code cpu.x} at block ends and before faulting instructions instead of at the exits)
 * are exact wherever the guest can see the register file: at a fault in the middle of a block, at a
 * limit stop after any instruction, and in a linked callee that reads them.
 */
class TemporariesTest {
    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int T2 = 7;
    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int RAM = 0x0100_0000;
    private static final int UNMAPPED = 0x7000_0000;

    private static GuestRun bothAgree(RomImage image, long limit) {
        GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
        GuestRun translated = GuestRun.of(image, null, null, limit, Translator.translate(image));
        assertNull(interpreted.difference(translated), "limit " + limit);
        assertTrue(translated.translatedInstructions() > 0);
        return interpreted;
    }

    @Test
    void aFaultInTheMiddleOfABlockSeesTheTemporariesWrittenBeforeIt() {
        Asm asm = new Asm().addi(S1, 0, 3);
        int loop = asm.here();
        asm.addi(T0, 0, 5).add(T1, T0, S1).addi(S1, S1, -1);
        asm.bne(S1, 0, loop - asm.here());
        asm.lui(T2, UNMAPPED >>> 12).addi(T0, 0, 9);
        int faulting = asm.here();
        asm.lw(A1, T2, 0).exit();
        GuestRun run = bothAgree(RomImage.flat(asm.bytes()), 1000);
        assertTrue(run.ending().startsWith("fault"), run.ending());
        assertEquals(faulting, run.pc());
        assertEquals(9, run.x()[T0], "written in the faulting block");
        assertEquals(5 + 1, run.x()[T1], "written in the last round of the loop");
        assertEquals(UNMAPPED, run.x()[T2]);
        assertEquals(0, run.x()[S1]);
    }

    @Test
    void aLimitStopAfterAnyInstructionSeesEveryTemporary() {
        Asm asm = new Asm().lui(S0, RAM >>> 12).addi(S1, 0, 4);
        int loop = asm.here();
        asm.addi(T0, S1, 10).sw(T0, S0, 0).addi(S0, S0, 4).addi(S1, S1, -1);
        asm.bne(S1, 0, loop - asm.here());
        asm.exit();
        RomImage image = RomImage.flat(asm.bytes());
        for (int limit = 1; limit <= 24; limit++) {
            bothAgree(image, limit);
        }
        GuestRun run = bothAgree(image, 1000);
        ByteBuffer ram = ByteBuffer.wrap(run.ram()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(14, ram.getInt(0));
        assertEquals(13, ram.getInt(4));
        assertEquals(12, ram.getInt(8));
        assertEquals(11, ram.getInt(12));
        assertEquals(11, run.x()[T0]);
    }

    @Test
    void aLinkedCalleeReadsATemporaryOfItsCaller() {
        int exitLength = new Asm().exit().bytes().length;
        Asm asm = new Asm().addi(T2, 0, 41).jal(1, 4 + exitLength); // call the function after the exit
        asm.exit();
        asm.addi(A0, T2, 1).jalr(0, 1, 0);
        GuestRun run = bothAgree(RomImage.flat(asm.bytes()), 1000);
        assertEquals("exit 42", run.ending());
    }
}
