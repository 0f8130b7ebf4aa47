package dev.rvjar.machine;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.semantics.Csr;

/**
 * Machine-mode trap entry and return (privileged spec, "Machine-Mode Privileged Instructions" and
 * "Machine Trap Handling"). rvjar runs in machine mode only, has no interrupts and uses direct
 * {@code mtvec} mode, so a trap is: save pc in mepc, the cause in mcause and the fault's detail in
 * mtval, push MIE into MPIE, clear MIE, continue at mtvec.
 */
public final class Traps {
    private Traps() {
    }

    /** Enters the trap handler for {@code fault}, which happened at {@code fault.pc()}. */
    static void enter(Cpu cpu, GuestFault fault) {
        cpu.mepc = fault.pc();
        cpu.mcause = fault.kind().exceptionCode();
        cpu.mtval = fault.kind() == FaultKind.ENVIRONMENT_CALL ? 0 : fault.address();
        int mie = cpu.mstatus & Csr.MSTATUS_MIE;
        cpu.mstatus = (cpu.mstatus & ~(Csr.MSTATUS_MIE | Csr.MSTATUS_MPIE)) | (mie != 0 ? Csr.MSTATUS_MPIE : 0);
        cpu.pc = cpu.mtvec;
    }

    /** MRET: restores MIE from MPIE, sets MPIE, and returns the pc to continue at (mepc). */
    public static int mret(Cpu cpu) {
        int mpie = cpu.mstatus & Csr.MSTATUS_MPIE;
        cpu.mstatus = (cpu.mstatus & ~Csr.MSTATUS_MIE) | Csr.MSTATUS_MPIE | (mpie != 0 ? Csr.MSTATUS_MIE : 0);
        return cpu.mepc;
    }
}
