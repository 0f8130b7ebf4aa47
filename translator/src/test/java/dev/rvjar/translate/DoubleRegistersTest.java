package dev.rvjar.translate;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Environment;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floating-point registers that a region uses only as doubles live in double locals: loaded at
 * its entries and after every call, system call and bulk loop, written back before them and
 * wherever it is left. The guest sees the same registers as in the interpreter at every stop, at
 * a fault, in a linked callee and in a host function; a register also used as a single stays in
 * {@code cpu.f}, and a signalling NaN's bits pass through a double local unchanged.
 */
class DoubleRegistersTest {
    private static final int RAM = McuLayout.RAM_BASE;
    private static final int HOST = 600;
    private static final int TURNS = 6;
    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int T1 = 6;
    private static final int A7 = 17;

    /**
     * {@code main}: f1 = 1.5, f2 = 0.25 (from RAM); {@value #TURNS} turns of f3 += f1; f4 = f3 * f2;
     * call {@code scale} (f5 = f4 + f1); f6 += f5; system call {@value #HOST} (the host sets
     * f7 = 2 * f6); f8 += f7; a word load through t1, which moves 8 bytes a turn from
     * {@code loadAddress}; after the loop f8 and f3 are stored at RAM + 16 and + 24.
     */
    private static RomImage program(int loadAddress) {
        Asm asm = new Asm().li(S0, RAM).fld(1, S0, 0).fld(2, S0, 8).li(S1, TURNS).li(T1, loadAddress);
        int loop = asm.here();
        asm.faddD(3, 3, 1, 0).fmulD(4, 3, 2, 0);
        int call = asm.here();
        asm.jal(1, 0); // patched below
        asm.faddD(6, 6, 5, 0).addi(A7, 0, HOST).ecall().faddD(8, 8, 7, 0);
        asm.lw(5, T1, 0).addi(T1, T1, 8);
        asm.addi(S1, S1, -1).bne(S1, 0, loop - asm.here());
        asm.fsd(8, S0, 16).fsd(3, S0, 24).addi(10, 0, 0).exit();
        int scale = asm.here();
        asm.faddD(5, 4, 1, 0).jalr(0, 1, 0);
        byte[] bytes = asm.bytes();
        System.arraycopy(new Asm().jal(1, scale - call).bytes(), 0, bytes, call, 4);
        return RomImage.flat(bytes);
    }

    /** RAM holding 1.5 and 0.25 as doubles, little-endian. */
    private static byte[] ram() {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(0.25).array();
    }

    private static final Consumer<dev.rvjar.machine.Machine> HOST_DOUBLES = machine -> machine.installSyscallHandler(HOST,
            m -> m.cpu().f[7] = Double.doubleToRawLongBits(2 * Double.longBitsToDouble(m.cpu().f[6])));

    private static GuestRun run(RomImage image, long limit, Translation translation) {
        return GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, HOST_DOUBLES, ram(), null, limit, translation);
    }

    @Test
    void theLoopsDoublesLiveInLocalsAndComeOutAsJavaComputesThem() {
        RomImage image = program(RAM + 0x100);
        Translation translation = Translator.translate(image);
        Set<Integer> held = RunLocals.doubleRegisters(translation.classes().get(Translator.PACKAGE + "Region_00000000"));
        assertTrue(held.containsAll(Set.of(1, 2, 3, 4, 6, 7, 8)), "held as doubles: " + held);

        double f3 = 0;
        double f6 = 0;
        double f8 = 0;
        for (int turn = 0; turn < TURNS; turn++) {
            f3 += 1.5;
            double f5 = f3 * 0.25 + 1.5;
            f6 += f5;
            f8 += 2 * f6;
        }
        GuestRun run = run(image, 1_000_000, translation);
        assertEquals("exit 0", run.ending());
        ByteBuffer ram = ByteBuffer.wrap(run.ram()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(f8, ram.getDouble(16));
        assertEquals(f3, ram.getDouble(24));
        assertTrue(run.translatedInstructions() > 0);
    }

    @Test
    void everyStopAgreesWithTheInterpreter() {
        RomImage image = program(RAM + 0x100);
        Translation translation = Translator.translate(image);
        for (long limit = 1; limit < 140; limit++) {
            assertNull(run(image, limit, null).difference(run(image, limit, translation)), "limit " + limit);
        }
    }

    /** The third turn's load falls off RAM's end, after the loop has changed every double. */
    @Test
    void aFaultInTheLoopAgreesWithTheInterpreter() {
        RomImage image = program(RAM + McuLayout.REGION_SIZE - 16);
        Translation translation = Translator.translate(image);
        GuestRun translated = run(image, 1_000_000, translation);
        assertTrue(translated.ending().startsWith("fault " + FaultKind.LOAD_ACCESS.description()), translated.ending());
        assertNull(run(image, 1_000_000, null).difference(translated));
    }

    /**
     * f1 is read as a double and as a single (fcvt.d.s) in one region: it stays in cpu.f; f2, used
     * as a double only, is held; a signalling NaN loaded into f2 and negated by fsgnjn.d keeps its
     * payload (the spec's sign injection touches the sign bit alone).
     */
    @Test
    void aRegisterAlsoUsedAsASingleStaysInCpuFAndNanBitsPassThroughDoubleLocals() {
        long signalling = 0x7FF0_0000_0000_0123L;
        byte[] ram = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(signalling).putDouble(1.0).array();
        for (int turns : new int[] {1, 2, 3}) {
            RomImage image = negations(turns);
            Translation translation = Translator.translate(image);
            Set<Integer> held = RunLocals.doubleRegisters(translation.classes().get(Translator.PACKAGE + "Region_00000000"));
            assertEquals(Set.of(2, 3, 4), held); // f4 = fcvt.d.s f1 is a double
            GuestRun translated = GuestRun.of(image, ram, null, 1_000, translation);
            assertEquals("exit 0", translated.ending());
            long expected = turns % 2 == 1 ? signalling | Long.MIN_VALUE : signalling;
            assertEquals(expected, ByteBuffer.wrap(translated.ram()).order(ByteOrder.LITTLE_ENDIAN).getLong(16),
                    "turns " + turns);
            assertNull(GuestRun.of(image, ram, null, 1_000, null).difference(translated));
        }
    }

    /**
     * f2 = the double at RAM, f1 = the one at RAM + 8; {@code turns} turns of f2 = -f2 (fsgnjn.d),
     * f3 = f1 + f1, f4 = f1 read as a single, widened; then f2 is stored at RAM + 16.
     */
    private static RomImage negations(int turns) {
        Asm asm = new Asm().li(S0, RAM).li(T1, turns).fld(2, S0, 0).fld(1, S0, 8);
        int loop = asm.here();
        asm.fsgnjnD(2, 2, 2).faddD(3, 1, 1, 0).fcvtDS(4, 1).addi(S1, S1, 1).bne(S1, T1, loop - asm.here());
        asm.fsd(2, S0, 16).addi(10, 0, 0).exit();
        return RomImage.flat(asm.bytes());
    }

    /**
     * A region with more registers than C1 can allocate keeps those its inner loop uses, the
     * doubles among them, and leaves the least-used integer registers in cpu.x.
     */
    @Test
    void aRegionTooLargeForAllItsRegistersKeepsItsInnerLoopsDoublesInLocals() {
        int base = 31;
        Asm asm = new Asm().li(base, RAM).fld(1, base, 0).fld(2, base, 8).li(T1, 4).li(S1, 0);
        int head = asm.here();
        asm.li(5, 0);
        int inner = asm.here();
        asm.faddD(3, 3, 1, 0).fmulD(4, 3, 2, 0).addi(5, 5, 1).bne(5, T1, inner - asm.here());
        for (int i = 0; i < 120; i++) { // over x10-x29, never branching back: RAM lies below 2^31
            asm.lw(10 + i % 20, base, 64 + i * 4).add(10 + (i + 7) % 20, 10 + (i + 7) % 20, 10 + i % 20)
                    .blt(base, 0, head - asm.here());
        }
        asm.addi(S1, S1, 1).addi(7, 0, 3).blt(S1, 7, head - asm.here());
        asm.fsd(3, base, 16).fsd(4, base, 24).addi(10, 0, 0).exit();
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        byte[] region = translation.classes().get(Translator.PACKAGE + "Region_00000000");
        assertTrue(RunLocals.doubleRegisters(region).containsAll(Set.of(1, 2, 3, 4)), "held: " + RunLocals.doubleRegisters(region));
        assertTrue(RunLocals.integerRegisters(region).size() < 20, "integer registers demoted to cpu.x");
        GuestRun translated = GuestRun.of(image, ram(), null, 1_000_000, translation);
        assertEquals("exit 0", translated.ending());
        ByteBuffer out = ByteBuffer.wrap(translated.ram()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(12 * 1.5, out.getDouble(16)); // 3 rounds of 4 turns of f3 += 1.5
        assertEquals(12 * 1.5 * 0.25, out.getDouble(24));
        for (long limit = 1; limit < 1_200; limit += 13) {
            assertNull(GuestRun.of(image, ram(), null, limit, null).difference(GuestRun.of(image, ram(), null, limit,
                    translation)), "limit " + limit);
        }
    }
}
