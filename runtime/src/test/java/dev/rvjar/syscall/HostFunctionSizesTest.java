package dev.rvjar.syscall;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import dev.rvjar.testing.TestMachines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A host memory function given a size the guest's memory cannot hold (a C {@code size_t} of 2 GiB
 * or more is a negative Java int) is a guest fault at the region's end, never a host exception.
 */
class HostFunctionSizesTest {
    private static final int A0 = 10, A1 = 11, A2 = 12, A7 = 17;
    private static final int RAM = 0x0100_0000;

    private static GuestFault faultOf(int function, int a0, int a1, int size) {
        Machine machine = TestMachines.mcu(new Asm().li(A0, a0).li(A1, a1).li(A2, size).li(A7, function).ecall()
                .exit().bytes());
        return assertThrows(GuestFault.class, () -> machine.simulate(1_000));
    }

    @Test
    void memsetOfOverTwoGibibytesFaultsAsAStore() {
        GuestFault fault = faultOf(HostFunctions.MEMSET, RAM, 0, 0x8000_0000);
        assertEquals(FaultKind.STORE_ACCESS, fault.kind());
        assertEquals(RAM + McuLayout.REGION_SIZE, fault.address());
    }

    @Test
    void memcpyAndMemcmpOfOverTwoGibibytesFaultAsLoads() {
        for (int function : new int[] {HostFunctions.MEMCPY, HostFunctions.MEMMOVE, HostFunctions.MEMCMP}) {
            GuestFault fault = faultOf(function, RAM, RAM + 64, -4);
            assertEquals(FaultKind.LOAD_ACCESS, fault.kind());
        }
    }

    @Test
    void aSizeThatFitsStillWorks() throws Exception {
        Machine machine = TestMachines.mcu(new Asm().li(A0, RAM + 8).li(A1, 0x5A).li(A2, 3).li(A7, HostFunctions.MEMSET)
                .ecall().exit().bytes());
        machine.simulate(1_000);
        assertEquals(0x005A_5A5A, machine.memory().loadWord(RAM + 8));
    }
}
