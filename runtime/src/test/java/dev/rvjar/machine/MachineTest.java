package dev.rvjar.machine;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomImage;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import dev.rvjar.testing.TestMachines;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The libriscv-shaped execution API: budgets, stops, exits and system calls. */
class MachineTest {
    static final int T0 = 5, A0 = 10, A1 = 11, A2 = 12, A7 = 17;

    /** addi a0,a0,1 ; j -4 : an endless two-instruction loop that is not a jump to itself. */
    private static Machine endlessLoop() {
        return TestMachines.mcu(new Asm().addi(A0, A0, 1).jal(0, -4).bytes());
    }

    @Test
    void simulateThrowsWhenTheBudgetRunsOutAtABlockEnd() {
        Machine m = endlessLoop();
        MachineTimeoutException timeout = assertThrows(MachineTimeoutException.class, () -> m.simulate(10));
        assertEquals(10, timeout.instructions());
        assertEquals(10, m.instructionCounter());
        assertEquals(0, m.cpu().pc);
        assertTrue(m.instructionLimitReached());
        assertFalse(m.stopped());
    }

    @Test
    void theLimitIsCheckedOnlyAfterBlockEndingInstructions() {
        Machine m = endlessLoop();
        assertFalse(m.simulateQuietly(9));
        // the check after the jump at 8 instructions passes; the next one, at 10, stops
        assertEquals(10, m.instructionCounter());
        assertEquals(5, m.cpu().x[A0]);
    }

    @Test
    void resumeContinuesWhereSimulateLeftOffAndKeepsTheCounter() {
        Machine m = endlessLoop();
        assertFalse(m.simulateQuietly(4));
        assertFalse(m.resume(6));
        assertEquals(10, m.instructionCounter());
        assertEquals(5, m.cpu().x[A0]);
    }

    @Test
    void simulateCountsFromZeroAgainWhileTheGuestsCounterGoesOn() {
        Machine m = endlessLoop();
        assertFalse(m.simulateQuietly(4));
        assertFalse(m.simulateQuietly(6));
        assertEquals(6, m.instructionCounter());
        assertEquals(10, m.cpu().instret + m.cpu().instretOffset, "what the guest reads in instret");
        assertEquals(5, m.cpu().x[A0]);
    }

    @Test
    void exitSystemCallStopsWithStatus() throws Exception {
        Machine m = TestMachines.mcu(new Asm().addi(A0, 0, 42).addi(A7, 0, 93).ecall().addi(A0, 0, 1).bytes());
        m.simulate(1000);
        assertTrue(m.stopped());
        assertFalse(m.instructionLimitReached());
        assertEquals(42, m.exitStatus());
        assertEquals(3, m.instructionCounter());
    }

    @Test
    void exitGroupIsTheSameAsExit() {
        Machine m = TestMachines.mcu(new Asm().addi(A0, 0, 7).addi(A7, 0, 94).ecall().bytes());
        assertTrue(m.simulateQuietly(1000));
        assertEquals(7, m.exitStatus());
    }

    @Test
    void jumpToItselfStopsWithStatusA0() {
        Machine m = TestMachines.mcu(new Asm().addi(A0, 0, 42).jal(0, 0).bytes());
        assertTrue(m.simulateQuietly(1_000_000));
        assertEquals(42, m.exitStatus());
        assertEquals(2, m.instructionCounter());
        assertEquals(4, m.cpu().pc);
    }

    @Test
    void branchToItselfAlsoStops() {
        Machine m = TestMachines.mcu(new Asm().addi(A0, 0, 3).beq(0, 0, 0).bytes());
        assertTrue(m.simulateQuietly(1_000_000));
        assertEquals(3, m.exitStatus());
    }

    @Test
    void unknownSystemCallsReturnEnosys() {
        Machine m = TestMachines.run(new Asm().addi(A7, 0, 123).ecall().addi(A1, A0, 0).addi(A0, 0, 0).exit());
        assertEquals(-38, m.cpu().x[A1]);
        Machine host = TestMachines.run(new Asm().li(A7, 600).ecall().addi(A1, A0, 0).addi(A0, 0, 0).exit());
        assertEquals(-38, host.cpu().x[A1]);
    }

    @Test
    void writeSendsGuestBytesToStdoutAndStderr() {
        byte[] text = "hi!\n".getBytes(StandardCharsets.US_ASCII);
        int word = (text[0] & 0xFF) | (text[1] & 0xFF) << 8 | (text[2] & 0xFF) << 16 | (text[3] & 0xFF) << 24;
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE).li(A1, word).sw(A1, T0, 0);
        asm.addi(A0, 0, 1).addi(A1, T0, 0).addi(A2, 0, 4).addi(A7, 0, 64).ecall().addi(29, A0, 0);
        asm.addi(A0, 0, 2).addi(A1, T0, 1).addi(A2, 0, 2).addi(A7, 0, 64).ecall().addi(30, A0, 0);
        asm.addi(A0, 0, 5).addi(A7, 0, 64).ecall().addi(31, A0, 0);
        asm.li(A1, 0x7000000).addi(A0, 0, 1).addi(A7, 0, 64).ecall().addi(28, A0, 0);
        asm.addi(A0, 0, 0).exit();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Machine m = TestMachines.mcu(asm.bytes(), out, err);
        assertTrue(m.simulateQuietly(1000));
        assertArrayEquals(text, out.toByteArray());
        assertEquals("i!", err.toString(StandardCharsets.US_ASCII));
        assertEquals(4, m.cpu().x[29]);
        assertEquals(2, m.cpu().x[30]);
        assertEquals(-9, m.cpu().x[31], "unknown fd is EBADF");
        assertEquals(-14, m.cpu().x[28], "unmapped buffer is EFAULT");
    }

    @Test
    void aHostFunctionCanStopTheMachineAndTheGuestResumesAfterTheEcall() {
        Machine m = TestMachines.mcu(new Asm().li(A7, 500).ecall().addi(A0, 0, 9).addi(A7, 0, 93).ecall().bytes());
        m.systemCalls().install(500, Machine::stop);
        assertTrue(m.simulateQuietly(1000));
        assertEquals(2, m.instructionCounter());
        assertEquals(0, m.exitStatus());
        assertTrue(m.resume(1000));
        assertEquals(9, m.exitStatus());
        assertEquals(5, m.instructionCounter());
    }

    @Test
    void faultsCarryKindPcAndAddressAndLeaveTheCounterExact() {
        Machine m = TestMachines.mcu(new Asm().addi(A0, 0, 1).li(T0, 0x100).sw(A0, T0, 0).bytes());
        GuestFault fault = assertThrows(GuestFault.class, () -> m.simulateQuietly(1000));
        assertEquals(FaultKind.STORE_ACCESS, fault.kind());
        assertEquals(8, fault.pc());
        assertEquals(0x100, fault.address());
        assertEquals(2, m.instructionCounter());
        assertEquals(8, m.cpu().pc);
        assertEquals("store outside writable memory at pc 0x00000008 (address 0x00000100)", fault.getMessage());
    }

    @Test
    void fetchOutsideTheMapFaults() {
        Machine m = TestMachines.mcu(new Asm().li(T0, 0x05000000).jalr(0, T0, 0).bytes());
        GuestFault fault = assertThrows(GuestFault.class, () -> m.simulateQuietly(1000));
        assertEquals(FaultKind.FETCH_ACCESS, fault.kind());
        assertEquals(0x05000000, fault.pc());
    }

    @Test
    void fetchFromInIsAFaultBecauseInIsNotExecutable() {
        Machine m = TestMachines.mcu(new Asm().li(T0, McuLayout.IN_BASE).jalr(0, T0, 0).bytes());
        assertEquals(FaultKind.FETCH_ACCESS, assertThrows(GuestFault.class, () -> m.simulateQuietly(1000)).kind());
    }

    @Test
    void codeInRamRunsAndSeesItsOwnChanges() {
        // copies "addi a0, x0, 5; jalr x0, 0(ra)" to RAM, calls it, patches the immediate to 7, calls again
        int addi5 = Asm.i(5, 0, 0, A0, 0x13);
        int ret = Asm.i(0, 1, 0, 0, 0x67);
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE).li(A1, addi5).sw(A1, T0, 0).li(A1, ret).sw(A1, T0, 4);
        asm.jalr(1, T0, 0).addi(20, A0, 0);
        asm.li(A1, Asm.i(7, 0, 0, A0, 0x13)).sw(A1, T0, 0).jalr(1, T0, 0).addi(21, A0, 0);
        asm.addi(A0, 0, 0).exit();
        Machine m = TestMachines.run(asm);
        assertEquals(5, m.cpu().x[20]);
        assertEquals(7, m.cpu().x[21]);
    }

    @Test
    void illegalInstructionFaultNamesTheBits() {
        Machine m = TestMachines.mcu(new Asm().word(0xffffffff).bytes());
        GuestFault fault = assertThrows(GuestFault.class, () -> m.simulateQuietly(10));
        assertEquals(FaultKind.ILLEGAL_INSTRUCTION, fault.kind());
        assertEquals(0xffffffff, fault.address());
        assertEquals(0, m.instructionCounter());
    }

    @Test
    void flatRv32eImagesFindTheSystemCallNumberInT0() {
        // RV32E code never writes a7, which stays zero from reset
        Machine m = TestMachines.run(new Asm().addi(A0, 0, 4).addi(T0, 0, 93).ecall());
        assertEquals(4, m.exitStatus());
    }

    @Test
    void strictRv32eTakesTheNumberFromT0AndRejectsUpperRegisters() {
        byte[] rom = new Asm().addi(A7, 0, 64).addi(A0, 0, 6).addi(T0, 0, 93).ecall().bytes();
        Machine e = Machine.builder().regions(McuLayout.regions()).image(RomImage.flat(rom)).rv32e(true).build();
        GuestFault fault = assertThrows(GuestFault.class, () -> e.simulateQuietly(100));
        assertEquals(FaultKind.ILLEGAL_INSTRUCTION, fault.kind());
        assertEquals(0, fault.pc());

        byte[] clean = new Asm().addi(A0, 0, 6).addi(T0, 0, 93).ecall().bytes();
        Machine ok = Machine.builder().regions(McuLayout.regions()).image(RomImage.flat(clean)).rv32e(true).build();
        assertTrue(ok.simulateQuietly(100));
        assertEquals(6, ok.exitStatus());
    }

    @Test
    void negativeBudgetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> endlessLoop().simulateQuietly(-1));
    }

    @Test
    void resetPutsTheHartBackAsANewMachineStartsAndDropsTheLoadReservation() {
        int t1 = 6, a2 = 12, mscratch = 0x340;
        // Mode word at RAM+4: 0 takes a reservation on RAM+0 (after changing registers, a CSR and
        // fcsr), anything else tries sc.w without one and exits with its result (0 stored, 1 failed).
        Asm program = new Asm()
                .lui(A0, 0x1000)
                .lw(t1, A0, 4)
                .bne(t1, 0, 24)
                .word(Asm.r(0b0001000, 0, A0, 2, A1, 0x2F))   // lr.w a1, (a0)
                .csrrw(0, mscratch, A0)
                .addi(t1, 0, 0xE5)
                .csrrw(0, 0x003, t1)                           // fcsr: rounding mode and flags
                .jal(0, 0)
                .word(Asm.r(0b0001100, t1, A0, 2, a2, 0x2F))   // sc.w a2, t1, (a0)
                .addi(A0, a2, 0)
                .jal(0, 0);
        Machine used = TestMachines.mcu(program.bytes());
        byte[] fresh = TestMachines.mcu(program.bytes()).snapshot();
        assertTrue(used.simulateQuietly(100));
        used.reset();
        assertArrayEquals(fresh, used.snapshot(), "registers, CSRs, counters and memory as on a new machine");
        assertFalse(used.stopped());
        assertEquals(0, used.exitStatus());
        used.copyToGuest(McuLayout.RAM_BASE + 4, new byte[] {1, 0, 0, 0});
        assertTrue(used.simulateQuietly(100));
        assertEquals(1, used.exitStatus(), "sc.w after a reset finds no reservation");
    }
}
