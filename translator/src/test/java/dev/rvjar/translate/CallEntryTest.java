package dev.rvjar.translate;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomImage;
import dev.rvjar.machine.GuestFunction;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.MachineTimeoutException;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.Region;
import dev.rvjar.testing.Asm;
import dev.rvjar.translated.RegionDispatcher;
import dev.rvjar.translated.TranslatedProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link GuestFunction} keeps where its calls enter translated code: the calls it makes must
 * stay exact (result, counter, budget, faults) and follow the code at its address when that
 * changes: rewritten in RAM, in a fork, brought back by a restore, or another program's.
 */
class CallEntryTest {
    private static final int A0 = 10;
    private static final int RA = 1;
    private static final int INCREMENT = 16;
    private static final int LOAD = 24;
    private static final GuestFunction INCREMENT_FUNCTION = new GuestFunction("increment", INCREMENT);
    private static final GuestFunction LOAD_FUNCTION = new GuestFunction("load", LOAD);

    /** {@code increment} returns a0 + {@code step}; {@code load} returns the word at a0. Main calls both. */
    private static RomImage program(int step) {
        Asm asm = new Asm();
        asm.jal(RA, INCREMENT);                 // 0
        asm.jal(RA, LOAD - 4);                  // 4
        asm.exit();                             // 8, 12
        asm.addi(A0, A0, step);                 // 16: increment
        asm.jalr(0, RA, 0);                     // 20
        asm.lw(A0, A0, 0);                      // 24: load
        asm.jalr(0, RA, 0);                     // 28
        return RomImage.flat(asm.bytes());
    }

    /** Code in writable memory, so that it can be rewritten; the rest of the address space unmapped. */
    private static List<Region> layout() {
        return List.of(new Region("ram", 0, 1 << 16, true, true, true));
    }

    private static Machine machine(RomImage image, boolean translate) {
        return Machine.builder().regions(layout()).image(image).translate(translate)
                .stdout(OutputStream.nullOutputStream()).stderr(OutputStream.nullOutputStream()).build();
    }

    private static void patch(Machine machine, int step) {
        int addi = Asm.i(step, A0, 0, A0, 0x13);
        machine.copyToGuest(INCREMENT, new byte[] {(byte) addi, (byte) (addi >>> 8), (byte) (addi >>> 16), (byte) (addi >>> 24)});
    }

    private static TranslatedProgram program(Machine machine) {
        return (TranslatedProgram) machine.translatedCode();
    }

    @Test
    void callsEnterTheRegionDirectlyAndCountAsTheInterpreterDoes() throws Exception {
        Machine interpreted = machine(program(1), false);
        Machine translated = machine(program(1), true);
        for (int i = 0; i < 3; i++) {
            assertEquals(42, interpreted.vmcall(INCREMENT_FUNCTION, 41));
            long entries = program(translated).regionEntries();
            long instructions = program(translated).translatedInstructions();
            assertEquals(42, translated.vmcall(INCREMENT_FUNCTION, 41));
            assertEquals(entries + 1, program(translated).regionEntries(), "one region entry per call");
            assertEquals(instructions + 2, program(translated).translatedInstructions(), "addi and ret, translated");
            assertEquals(2, translated.instructionCounter());
            assertEquals(interpreted.instructionCounter(), translated.instructionCounter());
        }
    }

    /**
     * The budget is checked at block ends, as everywhere: none runs nothing, one still runs the
     * call's only block to its end. Translated and interpreted end alike.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void theBudgetIsExact(long budget) throws Exception {
        Machine translated = machine(program(1), true);
        String outcome = outcome(machine(program(1), false), budget);
        assertEquals(outcome, outcome(translated, budget));
        assertEquals(budget == 0 ? "timeout after 0 at 0x00000010" : "2 after 2", outcome);
        translated.callBudget(Machine.DEFAULT_CALL_BUDGET);
        assertEquals(2, translated.vmcall(INCREMENT_FUNCTION, 1), "usable after a timeout");
    }

    private static String outcome(Machine machine, long budget) {
        machine.callBudget(budget);
        try {
            int result = machine.vmcall(INCREMENT_FUNCTION, 1);
            return result + " after " + machine.instructionCounter();
        } catch (MachineTimeoutException e) {
            return String.format("timeout after %d at 0x%08x", e.instructions(), e.pc());
        }
    }

    @Test
    void aFaultInTheFunctionIsExactAndTheMachineStaysUsable() throws Exception {
        Machine machine = machine(program(1), true);
        GuestFault fault = assertThrows(GuestFault.class, () -> machine.vmcall(LOAD_FUNCTION, 0x0002_0000));
        assertEquals(FaultKind.LOAD_ACCESS, fault.kind());
        assertEquals(LOAD, fault.pc());
        assertEquals(0x0002_0000, fault.address());
        assertEquals(0x0002_0000, machine.cpu().x[A0], "a0 not yet written");
        machine.copyToGuest(0x100, new byte[] {7, 0, 0, 0});
        assertEquals(7, machine.vmcall(LOAD_FUNCTION, 0x100));
    }

    @Test
    void aFunctionRewrittenInRamRunsItsNewCode() throws Exception {
        Machine machine = machine(program(1), true);
        assertEquals(2, machine.vmcall(INCREMENT_FUNCTION, 1));
        patch(machine, 5);
        assertEquals(6, machine.vmcall(INCREMENT_FUNCTION, 1));
        assertTrue(program(machine).invalidatedRegions() > 0);
        assertEquals(2, machine.instructionCounter());
    }

    @Test
    void aForkSharesTheEntryButNotTheParentsCode() throws Exception {
        Machine parent = machine(program(1), true);
        assertEquals(2, parent.vmcall(INCREMENT_FUNCTION, 1));
        Machine fork = parent.fork();
        assertNotEquals(program(parent), program(fork));
        assertEquals(2, fork.vmcall(INCREMENT_FUNCTION, 1));
        patch(fork, 5);
        assertEquals(6, fork.vmcall(INCREMENT_FUNCTION, 1));
        long translated = program(parent).translatedInstructions();
        assertEquals(2, parent.vmcall(INCREMENT_FUNCTION, 1), "the parent's code is its own");
        assertEquals(translated + 2, program(parent).translatedInstructions(), "and still runs translated");
        assertEquals(6, fork.vmcall(INCREMENT_FUNCTION, 1));
    }

    @Test
    void aRestoreBringsTheOldCodeBack() throws Exception {
        Machine machine = machine(program(1), true);
        byte[] snapshot = machine.snapshot();
        patch(machine, 5);
        assertEquals(6, machine.vmcall(INCREMENT_FUNCTION, 1));
        machine.restore(snapshot);
        assertEquals(2, machine.vmcall(INCREMENT_FUNCTION, 1));
        patch(machine, 9);
        assertEquals(10, machine.vmcall(INCREMENT_FUNCTION, 1));
    }

    /** The first call resolves an entry through the dispatcher, the second makes it direct, and it stays so; forks share it. */
    @Test
    void anEntryIsMadeDirectOnceAndSharedWithForks() {
        Machine machine = machine(program(1), true);
        TranslatedCode.CallEntry first = machine.translatedCode().entryAt(INCREMENT, null);
        TranslatedCode.CallEntry second = machine.translatedCode().entryAt(INCREMENT, first);
        assertNotSame(first, second);
        assertSame(second, machine.translatedCode().entryAt(INCREMENT, second));
        assertSame(second, machine.fork().translatedCode().entryAt(INCREMENT, second));
        assertNull(machine.translatedCode().entryAt(INCREMENT + 2, null), "no block starts there");
        assertNotSame(second, machine(program(3), true).translatedCode().entryAt(INCREMENT, second), "another program's");
    }

    /** A jar compiled before entries existed has a dispatcher without them: its calls go through its run. */
    @Test
    void aDispatcherWithoutEntriesRunsTheCallsThroughItsSwitch() throws Exception {
        RomImage image = program(1);
        Translation translation = Translator.translate(image, layout(), false);
        RegionDispatcher generated = translation.load();
        RegionDispatcher withoutEntries = generated::run;
        Machine machine = Machine.builder().regions(layout()).image(image)
                .stdout(OutputStream.nullOutputStream()).stderr(OutputStream.nullOutputStream()).build();
        TranslatedProgram program = TranslatedProgram.attach(machine, translation.codeMap(), withoutEntries);
        machine.useTranslatedCode(program);
        assertEquals(42, machine.vmcall(INCREMENT_FUNCTION, 41));
        assertEquals(42, machine.vmcall(INCREMENT_FUNCTION, 41));
        assertEquals(4, program.translatedInstructions());
        assertEquals(2, program.regionEntries());
    }

    @Test
    void oneFunctionCalledOnMachinesOfTwoProgramsRunsEachOnesCode() throws Exception {
        Machine one = machine(program(1), true);
        Machine three = machine(program(3), true);
        for (int i = 0; i < 3; i++) {
            assertEquals(2, one.vmcall(INCREMENT_FUNCTION, 1));
            assertEquals(4, three.vmcall(INCREMENT_FUNCTION, 1));
        }
    }
}
