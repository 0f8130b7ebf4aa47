package dev.rvjar.machine;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomImage;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.MemoryLayout;
import dev.rvjar.testing.Asm;
import dev.rvjar.testing.TestMachines;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Machine mode as the privileged spec defines it and the riscv-tests {@code p} environment needs
 * it: traps with cause, epc and tval, mret, the CSRs that go with them, the two environments, and
 * the tohost exit. Encodings of system instructions are from the privileged spec's tables.
 */
class MachineModeTest {
    static final int T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, A2 = 12, A3 = 13;
    static final int MSTATUS = 0x300, MTVEC = 0x305, MEPC = 0x341, MCAUSE = 0x342, MTVAL = 0x343, MINSTRET = 0xB02;
    static final int MRET = 0x3020_0073;
    /** fadd.s fa0,fa0,fa0 (dynamic rounding). */
    static final int FADD_S = 0x00a5_7553;

    /** A program in the MCU ROM whose handler, at {@code HANDLER}, copies mcause, mepc, mtval to a0-a2 and stops through tohost. */
    static final int HANDLER = 0x100;

    private static Asm withHandler(Asm main) {
        Asm asm = new Asm();
        byte[] code = main.bytes();
        for (int i = 0; i < code.length; i += 2) {
            asm.half((code[i] & 0xFF) | (code[i + 1] & 0xFF) << 8);
        }
        while (asm.here() < HANDLER) {
            asm.addi(0, 0, 0);
        }
        return asm.csrrs(A0, MCAUSE, 0).csrrs(A1, MEPC, 0).csrrs(A2, MTVAL, 0)
                .li(T1, 1).li(T2, McuLayout.RAM_BASE).sw(T1, T2, 0).jal(0, 0);
    }

    private static Asm installHandler() {
        return new Asm().li(T0, HANDLER).csrrw(0, MTVEC, T0);
    }

    private static Machine machine(Asm program, Environment environment) {
        Machine machine = Machine.builder()
                .regions(McuLayout.regions())
                .image(RomImage.flat(program.bytes()))
                .environment(environment)
                .stdout(new ByteArrayOutputStream())
                .stderr(new ByteArrayOutputStream())
                .build();
        ToHost.install(machine, McuLayout.RAM_BASE);
        return machine;
    }

    private static Machine run(Asm program, Environment environment) {
        Machine machine = machine(program, environment);
        assertTrue(machine.simulateQuietly(10_000), "the guest did not stop");
        return machine;
    }

    @Test
    void bareMetalEcallTrapsWithCauseElevenAndEpcAtTheEcall() {
        Asm main = installHandler();
        int ecallAt = main.here();
        Machine m = run(withHandler(main.ecall()), Environment.BARE_METAL);
        assertEquals(11, m.cpu().x[A0]);
        assertEquals(ecallAt, m.cpu().x[A1]);
        assertEquals(0, m.cpu().x[A2]);
    }

    @Test
    void illegalInstructionTrapsWithTheBitsInMtval() {
        Asm main = installHandler();
        int at = main.here();
        Machine m = run(withHandler(main.word(0xffff_ffff)), Environment.BARE_METAL);
        assertEquals(2, m.cpu().x[A0]);
        assertEquals(at, m.cpu().x[A1]);
        assertEquals(0xffff_ffff, m.cpu().x[A2]);
    }

    @Test
    void trapSavesMieInMpieAndMretRestoresItAndReturnsToMepc() {
        // Set MIE, trap with ebreak; in the handler read mstatus, then mret to the instruction after ebreak.
        Asm asm = new Asm().li(T0, 0x40).csrrw(0, MTVEC, T0).li(T0, 8).csrrs(0, MSTATUS, T0);
        int ebreakAt = asm.here();
        asm.ebreak().csrrs(A3, MSTATUS, 0).li(T1, 1).li(T2, McuLayout.RAM_BASE).sw(T1, T2, 0).jal(0, 0);
        while (asm.here() < 0x40) {
            asm.addi(0, 0, 0);
        }
        asm.csrrs(A0, MSTATUS, 0).csrrs(A1, MEPC, 0).addi(A1, A1, 4).csrrw(0, MEPC, A1).word(MRET);
        Machine m = run(asm, Environment.BARE_METAL);
        int inHandler = m.cpu().x[A0];
        assertEquals(0, inHandler & 8, "MIE cleared on trap entry");
        assertEquals(0x80, inHandler & 0x80, "MPIE holds the old MIE");
        assertEquals(0x1800, inHandler & 0x1800, "MPP is machine mode");
        assertEquals(8, m.cpu().x[A3] & 8, "mret restores MIE");
        assertEquals(ebreakAt + 4, m.cpu().x[A1]);
    }

    @Test
    void mcuFaultsStopTheGuestUntilItInstallsATrapVector() {
        GuestFault fault = assertThrows(GuestFault.class, () -> machine(new Asm().ebreak(), Environment.MCU).simulateQuietly(100));
        assertEquals(FaultKind.BREAKPOINT, fault.kind());

        Asm main = installHandler();
        int ebreakAt = main.here();
        Machine m = run(withHandler(main.ebreak()), Environment.MCU);
        assertEquals(3, m.cpu().x[A0]);
        assertEquals(ebreakAt, m.cpu().x[A1]);
    }

    @Test
    void mcuEcallStaysASystemCallWithATrapVector() {
        Machine m = run(withHandler(installHandler().li(A0, 7).exit()), Environment.MCU);
        assertEquals(7, m.exitStatus());
    }

    @Test
    void floatingPointIsIllegalWhileMstatusFsIsOff() {
        Asm main = installHandler();
        int at = main.here();
        Machine off = run(withHandler(main.word(FADD_S)), Environment.BARE_METAL);
        assertEquals(2, off.cpu().x[A0]);
        assertEquals(at, off.cpu().x[A1]);

        Asm on = installHandler().li(T0, 1 << 13).csrrs(0, MSTATUS, T0).word(FADD_S).csrrs(A3, MSTATUS, 0).ebreak();
        Machine m = run(withHandler(on), Environment.BARE_METAL);
        assertEquals(3, m.cpu().x[A0], "the fadd ran; the ebreak trapped");
        assertEquals(0x8000_6000, m.cpu().x[A3] & 0x8000_6000, "FS became Dirty and SD is set");
    }

    @Test
    void minstretTakesTheWrittenValueForTheNextInstruction() {
        Asm asm = installHandler().li(T0, -1).csrrw(0, MINSTRET, T0).csrrs(A3, MINSTRET, 0).ebreak();
        Machine m = run(withHandler(asm), Environment.BARE_METAL);
        assertEquals(-1, m.cpu().x[A3]);
    }

    @Test
    void aHandlerThatFaultsAtOnceStopsTheGuestInsteadOfLooping() {
        Asm asm = new Asm().li(T0, 0x0400_0000).csrrw(0, MTVEC, T0).ebreak();
        GuestFault fault = assertThrows(GuestFault.class, () -> machine(asm, Environment.BARE_METAL).simulateQuietly(1000));
        assertEquals(FaultKind.FETCH_ACCESS, fault.kind());
    }

    @Test
    void tohostExitCodeStopsTheMachine() {
        Asm asm = new Asm().li(T1, 5 << 1 | 1).li(T2, McuLayout.RAM_BASE).sw(T1, T2, 0).addi(A0, 0, 1).jal(0, -4);
        Machine m = machine(asm, Environment.BARE_METAL);
        ToHost toHost = ToHost.install(m, McuLayout.RAM_BASE + 8);
        assertTrue(m.simulateQuietly(1000));
        assertEquals(5, m.exitStatus());
        assertTrue(toHost.exitCode().isEmpty(), "a store elsewhere does not count");
    }

    @Test
    void compressedJumpsLinkTheAddressTwoBytesOn() {
        // c.jal +4 (0x2011) at 0; c.nop at 2; at 4: c.jalr t0 with t0 = 10 (0x9282); at 10 exit.
        Asm asm = new Asm().half(0x2011).half(0x0001).li(T0, 12).half(0x9282).half(0x0001);
        while (asm.here() < 12) {
            asm.half(0x0001);
        }
        Machine m = TestMachines.run(asm.addi(A0, 1, 0).addi(A1, 0, 0).exit());
        assertEquals(10, m.cpu().x[1], "c.jalr at 8 links 10");
        assertEquals(10, m.cpu().x[A0]);
    }

    @Test
    void rv32eMakesTheUpperSixteenRegistersIllegal() {
        Machine m = Machine.builder().regions(McuLayout.regions()).rv32e(true)
                .image(RomImage.flat(new Asm().addi(16, 0, 1).bytes())).build();
        GuestFault fault = assertThrows(GuestFault.class, () -> m.simulateQuietly(10));
        assertEquals(FaultKind.ILLEGAL_INSTRUCTION, fault.kind());
    }

    /**
     * misa (privileged spec, "Machine ISA Register"): MXL = 1 (RV32) in bits 31:30, one bit per
     * extension letter: A = 0, C = 2, D = 3, E = 4, F = 5, I = 8, M = 12. Strict RV32E sets E and
     * clears I.
     */
    @Test
    void misaNamesTheBaseIsaIOrEAndTheExtensions() {
        assertEquals(0x4000_112D, misa(false), "RV32IMAFDC");
        assertEquals(0x4000_103D, misa(true), "RV32EMAFDC");
    }

    private static int misa(boolean rv32e) {
        Machine m = Machine.builder().regions(McuLayout.regions()).rv32e(rv32e)
                .image(RomImage.flat(new Asm().csrrs(A0, 0x301, 0).jal(0, 0).bytes())).build();
        m.simulateQuietly(100);
        return m.cpu().x[A0];
    }

    @Test
    void layoutsParseFromText() {
        MemoryLayout layout = MemoryLayout.parse("ram@0x80000000:2M:rwx,io@0x10000000:64K:rw");
        assertEquals(new MemoryLayout.Spec("ram", 0x8000_0000, 2 << 20, true, true, true), layout.specs().get(0));
        assertEquals(new MemoryLayout.Spec("io", 0x1000_0000, 64 << 10, true, true, false), layout.specs().get(1));
        assertThrows(IllegalArgumentException.class, () -> MemoryLayout.parse("ram@0:1M:rwz"));
    }
}
