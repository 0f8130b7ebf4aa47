package dev.rvjar.interp;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import dev.rvjar.testing.TestMachines;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The interpreter runs decoded blocks; these pin down that nothing of it shows: the contract's
 * limit checks, exact counters at faults, code in RAM run as it is now, x0, tracing.
 */
class InterpreterBlocksTest {
    static final int RA = 1, T0 = 5, T1 = 6, A0 = 10, A1 = 11;

    @Test
    void theLimitIsCheckedAtBasicBlockEndsOnlyEvenInStraightCodeLongerThanABlock() {
        // 100 x (addi a0, a0, 1), then j back to the start: one basic block of 101 instructions
        Asm asm = new Asm();
        for (int i = 0; i < 100; i++) {
            asm.addi(A0, A0, 1);
        }
        asm.jal(0, -400);
        Machine m = TestMachines.mcu(asm.bytes());
        assertFalse(m.simulateQuietly(10));
        assertEquals(101, m.instructionCounter());
        assertEquals(0, m.cpu().pc);
        assertEquals(100, m.cpu().x[A0]);
    }

    @Test
    void aFaultDeepInStraightCodeLeavesPcAndCounterExact() {
        Asm asm = new Asm().li(T0, 0x0500_0000);
        for (int i = 0; i < 80; i++) {
            asm.addi(A0, A0, 1);
        }
        int faultingPc = asm.here();
        asm.sw(A0, T0, 0).addi(A0, 0, 0).exit();
        Machine m = TestMachines.mcu(asm.bytes());
        GuestFault fault = assertThrows(GuestFault.class, () -> m.simulateQuietly(1000));
        assertEquals(FaultKind.STORE_ACCESS, fault.kind());
        assertEquals(faultingPc, fault.pc());
        assertEquals(faultingPc, m.cpu().pc);
        assertEquals(faultingPc / 4, m.instructionCounter());
        assertEquals(80, m.cpu().x[A0]);
    }

    @Test
    void aLoadIntoX0StillReadsMemoryAndX0StaysZero() {
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE).li(A1, 0x1234_5678).sw(A1, T0, 0)
                .lw(0, T0, 0).add(A0, 0, 0).li(T1, 0x0500_0000);
        int faultingPc = asm.here();
        asm.lw(0, T1, 0).exit();
        Machine m = TestMachines.mcu(asm.bytes());
        GuestFault fault = assertThrows(GuestFault.class, () -> m.simulateQuietly(1000));
        assertEquals(FaultKind.LOAD_ACCESS, fault.kind());
        assertEquals(faultingPc, fault.pc());
        assertEquals(0x0500_0000, fault.address());
        assertEquals(0, m.cpu().x[0]);
        assertEquals(0, m.cpu().x[A0]);
    }

    @Test
    void codeInRamRunsAnInstructionTheInstructionBeforeItChanged() {
        // RAM: sw a1, 4(t0); addi a0, x0, 1; jalr x0, 0(ra) -- the store turns the addi into addi a0, x0, 2
        int store = Asm.s(4, A1, T0, 2, 0x23);
        int addi1 = Asm.i(1, 0, 0, A0, 0x13);
        int addi2 = Asm.i(2, 0, 0, A0, 0x13);
        int ret = Asm.i(0, RA, 0, 0, 0x67);
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE);
        int[] program = {store, addi1, ret};
        for (int i = 0; i < program.length; i++) {
            asm.li(A1, program[i]).sw(A1, T0, 4 * i);
        }
        asm.li(A1, addi2).jalr(RA, T0, 0).exit();
        Machine m = TestMachines.run(asm);
        assertEquals(2, m.exitStatus());
    }

    @Test
    void tracingReportsEveryInstructionBeforeItRunsInOrder() {
        // 0: addi a0, x0, 2; 4: addi a0, a0, -1; 8: bne a0, x0, -4; 12: addi a7, x0, 93; 16: ecall
        Asm asm = new Asm().addi(A0, 0, 2).addi(A0, A0, -1).bne(A0, 0, -4).exit();
        Machine m = TestMachines.mcu(asm.bytes());
        List<Integer> pcs = new ArrayList<>();
        m.interpreter().trace((pc, in) -> pcs.add(pc));
        m.simulateQuietly(100);
        assertEquals(List.of(0, 4, 8, 4, 8, 12, 16), pcs);
        assertEquals(7, m.instructionCounter());
    }
}
