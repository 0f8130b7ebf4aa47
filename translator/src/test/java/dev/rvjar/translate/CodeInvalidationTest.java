package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.Region;
import dev.rvjar.testing.Asm;
import dev.rvjar.translated.TranslatedProgram;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Translated code in writable memory is dropped when the guest stores into it. */
class CodeInvalidationTest {
    private static final int A0 = 10;
    private static final int RA = 1;
    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int TARGET = 40;
    private static final int PATCH = 48;

    /** Calls {@code target} (a0 += 1), patches it to a0 += 2, fence.i, calls it again: exit(3). */
    private static byte[] selfPatchingProgram() {
        Asm asm = new Asm();
        asm.addi(A0, 0, 0);                     // 0
        asm.auipc(T0, 0);                       // 4
        asm.addi(T0, T0, TARGET - 4);           // 8: t0 = &target
        asm.jal(RA, TARGET - 12);               // 12
        asm.lw(T1, T0, PATCH - TARGET);         // 16
        asm.sw(T1, T0, 0);                      // 20: store into translated code
        asm.word(0x0000100F);                   // 24: fence.i
        asm.jal(RA, TARGET - 28);               // 28
        asm.exit();                             // 32, 36
        asm.addi(A0, A0, 1);                    // 40: target
        asm.jalr(0, RA, 0);                     // 44
        asm.word(Asm.i(2, A0, 0, A0, 0x13));    // 48: addi a0, a0, 2
        return asm.bytes();
    }

    private static List<Region> writableCodeLayout() {
        return List.of(new Region("ram", 0, 1 << 16, true, true, true));
    }

    @Test
    void aStoreIntoTranslatedCodeDropsItsRegionAndTheNewCodeRuns() {
        RomImage image = RomImage.flat(selfPatchingProgram());
        Translation translation = Translator.translate(image, writableCodeLayout(), false);
        Machine machine = Machine.builder().regions(writableCodeLayout()).image(image)
                .stdout(OutputStream.nullOutputStream()).stderr(OutputStream.nullOutputStream()).build();
        TranslatedProgram program = TranslatedProgram.attach(machine, translation.codeMap(), translation.load());
        machine.useTranslatedCode(program);
        assertTrue(machine.simulateQuietly(1000));
        assertEquals(3, machine.exitStatus());
        assertTrue(program.invalidatedRegions() > 0);
        assertTrue(program.translatedInstructions() > 0);
    }

    @Test
    void theSelfPatchingProgramRunsTheSameInterpretedAndTranslatedUnderEveryLimit() {
        RomImage image = RomImage.flat(selfPatchingProgram());
        Translation translation = Translator.translate(image, writableCodeLayout(), false);
        for (long limit = 0; limit < 20; limit++) {
            GuestRun interpreted = GuestRun.of(image, writableCodeLayout(), false, null, null, limit, null);
            GuestRun translated = GuestRun.of(image, writableCodeLayout(), false, null, null, limit, translation);
            assertNull(interpreted.difference(translated), "limit " + limit);
        }
    }

    @Test
    void codeInReadOnlyMemoryIsNeverWatched() {
        RomImage image = RomImage.flat(selfPatchingProgram());
        List<Region> readOnly = List.of(new Region("rom", 0, 1 << 16, true, false, true));
        Translation translation = Translator.translate(image, readOnly, false);
        GuestRun run = GuestRun.of(image, readOnly, false, null, null, 1000, translation);
        assertTrue(run.ending().startsWith("fault store outside writable memory at pc 0x00000014"), run.ending());
    }
}
