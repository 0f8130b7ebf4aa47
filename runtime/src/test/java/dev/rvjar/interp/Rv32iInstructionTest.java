package dev.rvjar.interp;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import dev.rvjar.testing.TestMachines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every RV32I instruction against values worked out from the unprivileged specification. */
class Rv32iInstructionTest {
    static final int RA = 1, SP = 2, T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, A2 = 12;

    /** Sets a1 and a2, runs {@code op} (which writes a0), exits; returns a0. */
    private static int binary(int a1, int a2, Consumer<Asm> op) {
        Asm asm = new Asm().li(A1, a1).li(A2, a2);
        op.accept(asm);
        return TestMachines.run(asm.exit()).cpu().x[A0];
    }

    @Test
    void writesToX0AreDiscarded() {
        Machine m = TestMachines.run(new Asm().addi(0, 0, 5).li(A1, 7).add(0, A1, A1).lui(0, 1).addi(A0, 0, 0).exit());
        assertEquals(0, m.cpu().x[0]);
    }

    @ParameterizedTest
    @CsvSource({
        "0x7fffffff, 1, 0x80000000",
        "-1, -1, -2",
        "5, -7, -2"})
    void addWrapsAround(String a, int b, String sum) {
        assertEquals(parse(sum), binary(parse(a), b, asm -> asm.add(A0, A1, A2)));
    }

    private static int parse(String value) {
        return value.startsWith("0x") ? Integer.parseUnsignedInt(value.substring(2), 16) : Integer.parseInt(value);
    }

    @Test
    void subtractsAndWraps() {
        assertEquals(-1, binary(0, 1, asm -> asm.sub(A0, A1, A2)));
        assertEquals(0x7fffffff, binary(0x80000000, 1, asm -> asm.sub(A0, A1, A2)));
    }

    @Test
    void addiSignExtendsItsTwelveBitImmediate() {
        assertEquals(-2048 + 10, binary(10, 0, asm -> asm.addi(A0, A1, -2048)));
        assertEquals(2047 + 10, binary(10, 0, asm -> asm.addi(A0, A1, 2047)));
    }

    @Test
    void signedAndUnsignedComparisons() {
        assertEquals(1, binary(-1, 1, asm -> asm.slt(A0, A1, A2)));
        assertEquals(0, binary(-1, 1, asm -> asm.sltu(A0, A1, A2)));
        assertEquals(1, binary(1, -1, asm -> asm.sltu(A0, A1, A2)));
        assertEquals(0, binary(3, 3, asm -> asm.slt(A0, A1, A2)));
        assertEquals(1, binary(-5, 0, asm -> asm.slti(A0, A1, -4)));
        assertEquals(0, binary(-3, 0, asm -> asm.slti(A0, A1, -4)));
        // sltiu compares with the sign-extended immediate as unsigned: -1 is 0xffffffff
        assertEquals(1, binary(5, 0, asm -> asm.sltiu(A0, A1, -1)));
        // sltiu rd, rs, 1 is seqz
        assertEquals(1, binary(0, 0, asm -> asm.sltiu(A0, A1, 1)));
        assertEquals(0, binary(9, 0, asm -> asm.sltiu(A0, A1, 1)));
    }

    @Test
    void logicalOperations() {
        assertEquals(0x0ff0 ^ 0x00ff, binary(0x0ff0, 0x00ff, asm -> asm.xor(A0, A1, A2)));
        assertEquals(0x0fff, binary(0x0ff0, 0x00ff, asm -> asm.or(A0, A1, A2)));
        assertEquals(0x00f0, binary(0x0ff0, 0x00ff, asm -> asm.and(A0, A1, A2)));
        assertEquals(~0x1234, binary(0x1234, 0, asm -> asm.xori(A0, A1, -1)));
        assertEquals(0xfffff800 | 0x34, binary(0x34, 0, asm -> asm.ori(A0, A1, -2048)));
        assertEquals(0x12345678 & 0xfffff800, binary(0x12345678, 0, asm -> asm.andi(A0, A1, -2048)));
    }

    @Test
    void shiftAmountsUseOnlyTheLowFiveBits() {
        assertEquals(2, binary(1, 33, asm -> asm.sll(A0, A1, A2)));
        assertEquals(0x40000000, binary(0x80000000, 0x21, asm -> asm.srl(A0, A1, A2)));
        assertEquals(0xc0000000, binary(0x80000000, 0xffffffe1, asm -> asm.sra(A0, A1, A2)));
        assertEquals(0x80000000, binary(1, 0, asm -> asm.slli(A0, A1, 31)));
        assertEquals(1, binary(0x80000000, 0, asm -> asm.srli(A0, A1, 31)));
        assertEquals(-1, binary(0x80000000, 0, asm -> asm.srai(A0, A1, 31)));
        assertEquals(0xf8000000, binary(0x80000000, 0, asm -> asm.srai(A0, A1, 4)));
    }

    @Test
    void luiAndAuipc() {
        assertEquals(0x12345000, binary(0, 0, asm -> asm.lui(A0, 0x12345)));
        assertEquals(0xfffff000, binary(0, 0, asm -> asm.lui(A0, 0xfffff)));
        // li a1 and li a2 take one instruction each here, so auipc sits at pc 8
        assertEquals(0x1008, binary(1, 2, asm -> asm.auipc(A0, 1)));
    }

    @Test
    void jalLinksTheNextPcAndJumps() {
        Asm asm = new Asm();
        asm.jal(RA, 8);            // 0: -> 8, ra = 4
        asm.addi(A0, 0, 1);        // 4: skipped
        asm.addi(A1, RA, 0);       // 8: a1 = ra
        asm.addi(A0, 0, 0).exit();
        Machine m = TestMachines.run(asm);
        assertEquals(4, m.cpu().x[A1]);
        assertEquals(0, m.cpu().x[A0]);
    }

    @Test
    void jalrClearsBitZeroOfTheTarget() {
        Asm asm = new Asm();
        asm.addi(T0, 0, 13);       // 0: t0 = 13
        asm.jalr(RA, T0, 0);       // 4: target 13 & ~1 = 12, ra = 8
        asm.addi(A0, 0, 99);       // 8: skipped
        asm.addi(A0, RA, 0);       // 12: a0 = ra
        asm.exit();
        assertEquals(8, TestMachines.run(asm).cpu().x[A0]);
    }

    @Test
    void jalrWithRdEqualRs1UsesTheOldValue() {
        Asm asm = new Asm();
        asm.addi(T0, 0, 12);       // 0
        asm.jalr(T0, T0, 0);       // 4: jump to 12, t0 = 8
        asm.addi(A0, 0, 99);       // 8: skipped
        asm.addi(A0, T0, 0);       // 12
        asm.exit();
        assertEquals(8, TestMachines.run(asm).cpu().x[A0]);
    }

    @ParameterizedTest
    @CsvSource({
        "beq, 5, 5, 1", "beq, 5, 6, 0",
        "bne, 5, 6, 1", "bne, 5, 5, 0",
        "blt, -1, 1, 1", "blt, 1, -1, 0", "blt, 2, 2, 0",
        "bge, 1, -1, 1", "bge, 2, 2, 1", "bge, -1, 1, 0",
        "bltu, 1, -1, 1", "bltu, -1, 1, 0",
        "bgeu, -1, 1, 1", "bgeu, 1, -1, 0", "bgeu, 3, 3, 1"})
    void branchesCompareSignedOrUnsigned(String branch, int a, int b, int taken) {
        int result = binary(a, b, asm -> {
            asm.addi(A0, 0, 1);
            switch (branch) {
                case "beq" -> asm.beq(A1, A2, 8);
                case "bne" -> asm.bne(A1, A2, 8);
                case "blt" -> asm.blt(A1, A2, 8);
                case "bge" -> asm.bge(A1, A2, 8);
                case "bltu" -> asm.bltu(A1, A2, 8);
                default -> asm.bgeu(A1, A2, 8);
            }
            asm.addi(A0, 0, 0);
        });
        assertEquals(taken, result);
    }

    @Test
    void backwardBranchLoops() {
        Asm asm = new Asm().addi(A0, 0, 0).addi(A1, 0, 10);
        asm.addi(A0, A0, 3);       // 8
        asm.addi(A1, A1, -1);      // 12
        asm.bne(A1, 0, -8);        // 16 -> 8
        asm.exit();
        Machine m = TestMachines.run(asm);
        assertEquals(30, m.cpu().x[A0]);
        // 2 setup + 10 * 3 loop + 2 exit
        assertEquals(34, m.instructionCounter());
    }

    @Test
    void loadsSignOrZeroExtend() {
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE).li(T1, 0x8081f2f3).sw(T1, T0, 0);
        asm.lb(A0, T0, 0).lbu(A1, T0, 0).lh(A2, T0, 2).lhu(T2, T0, 2).lw(SP, T0, 0);
        asm.addi(17, 0, 93).ecall();
        Machine m = TestMachines.run(asm);
        assertEquals(0xfffffff3, m.cpu().x[A0]);
        assertEquals(0xf3, m.cpu().x[A1]);
        assertEquals(0xffff8081, m.cpu().x[A2]);
        assertEquals(0x8081, m.cpu().x[T2]);
        assertEquals(0x8081f2f3, m.cpu().x[SP]);
    }

    @Test
    void storesWriteLittleEndianBytesOfTheRightWidth() {
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE).li(T1, 0x11223344);
        asm.sw(T1, T0, 0).sh(T1, T0, 4).sb(T1, T0, 8).addi(A0, 0, 0).exit();
        byte[] ram = TestMachines.run(asm).memory().region(McuLayout.RAM).contents();
        assertEquals(0x44, ram[0]);
        assertEquals(0x33, ram[1]);
        assertEquals(0x22, ram[2]);
        assertEquals(0x11, ram[3]);
        assertEquals(0x44, ram[4]);
        assertEquals(0x33, ram[5]);
        assertEquals(0, ram[6]);
        assertEquals(0x44, ram[8]);
        assertEquals(0, ram[9]);
    }

    @Test
    void misalignedAccessesInsideARegionWork() {
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE + 1).li(T1, 0xcafebabe);
        asm.sw(T1, T0, 0).lw(A1, T0, 0).sh(T1, T0, 6).lhu(A2, T0, 6).lw(A0, T0, -1).exit();
        Machine m = TestMachines.run(asm);
        assertEquals(0xcafebabe, m.cpu().x[A1]);
        assertEquals(0xbabe, m.cpu().x[A2]);
        assertEquals(0xfebabe00, m.cpu().x[A0]);
    }

    @Test
    void wordLoadCrossingTheEndOfRamFaults() {
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE + McuLayout.REGION_SIZE - 2).lw(A0, T0, 0).exit();
        Machine m = TestMachines.mcu(asm.bytes());
        GuestFault fault = assertThrows(GuestFault.class, () -> m.simulateQuietly(100));
        assertEquals(FaultKind.LOAD_ACCESS, fault.kind());
        assertEquals(8, fault.pc());
        assertEquals(McuLayout.RAM_BASE + McuLayout.REGION_SIZE - 2, fault.address());
    }

    @Test
    void mExtensionCornerCases() {
        assertEquals(0, binary(-1, -1, asm -> asm.mulh(A0, A1, A2)));
        assertEquals(1, binary(-1, -1, asm -> asm.mul(A0, A1, A2)));
        assertEquals(0xfffffffe, binary(-1, -1, asm -> asm.mulhu(A0, A1, A2)));
        // -1 * 0xffffffff (unsigned) = -0xffffffff; its high word is 0xffffffff
        assertEquals(0xffffffff, binary(-1, -1, asm -> asm.mulhsu(A0, A1, A2)));
        assertEquals(0x3fffffff, binary(0x7fffffff, 0x80000000, asm -> asm.mulhu(A0, A1, A2)));
        assertEquals(-1, binary(7, 0, asm -> asm.div(A0, A1, A2)));
        assertEquals(0xffffffff, binary(7, 0, asm -> asm.divu(A0, A1, A2)));
        assertEquals(7, binary(7, 0, asm -> asm.rem(A0, A1, A2)));
        assertEquals(7, binary(7, 0, asm -> asm.remu(A0, A1, A2)));
        assertEquals(0x80000000, binary(0x80000000, -1, asm -> asm.div(A0, A1, A2)));
        assertEquals(0, binary(0x80000000, -1, asm -> asm.rem(A0, A1, A2)));
        assertEquals(-2, binary(-7, 3, asm -> asm.div(A0, A1, A2)));
        assertEquals(-1, binary(-7, 3, asm -> asm.rem(A0, A1, A2)));
        assertEquals(0x55555553, binary(-7, 3, asm -> asm.divu(A0, A1, A2)));
        assertEquals(0, binary(-7, 3, asm -> asm.remu(A0, A1, A2)));
    }

    @Test
    void instretCountsRetiredInstructionsBeforeTheReadingOne() {
        Asm asm = new Asm().addi(A1, 0, 1).addi(A1, 0, 2).csrrs(A0, 0xC02, 0).csrrs(A2, 0xC00, 0).exit();
        Machine m = TestMachines.run(asm);
        assertEquals(2, m.cpu().x[A0]);
        assertEquals(3, m.cpu().x[A2]);
        assertEquals(6, m.instructionCounter());
    }

    @Test
    void ebreakWithoutATrapHandlerIsABreakpointFault() {
        Machine m = TestMachines.mcu(new Asm().addi(A0, 0, 1).ebreak().bytes());
        GuestFault fault = assertThrows(GuestFault.class, () -> m.simulateQuietly(100));
        assertEquals(FaultKind.BREAKPOINT, fault.kind());
        assertEquals(4, fault.pc());
        assertEquals(1, m.instructionCounter());
    }
}
