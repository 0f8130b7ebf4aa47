package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Environment;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.semantics.Fpu;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strided loops, whose turns translated code runs in bulk where their bounds allow (see
 * {@code StridedLoopIdiom}): the same memory, registers, counter, pc and faults as the interpreter,
 * at the end and at every instruction limit, for every kind of closing branch with the stepped
 * register on either side and steps either way, word, half and byte accesses, loops that run out
 * of RAM into a fault, into OUT (no bulk) and into watched RAM (no bulk for the stores), and loops
 * of single-precision loads, operations and stores in every state of the FPU.
 */
class StridedLoopTranslationTest {
    private static final int RAM = McuLayout.RAM_BASE;
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int A2 = 12;
    private static final int A3 = 13;
    private static final int A4 = 14;
    private static final int A5 = 15;
    private static final int S0 = 8;
    private static final int T0 = 5;
    private static final int FA3 = 13;
    private static final int FA4 = 14;
    private static final int FA5 = 15;
    private static final int MSTATUS = 0x300;
    private static final int FRM = 0x002;

    /** RAM's first 64 KiB: word n holds n * 0x9E3779B9, so that every load reads something distinct. */
    private static byte[] ram() {
        ByteBuffer ram = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < ram.capacity() / 4; n++) {
            ram.putInt(n * 0x9E37_79B9);
        }
        return ram.array();
    }

    /**
     * {@code matmul_int}'s inner loop, {@code c[j] += a * b[j]} for {@code count} words: a2 = b,
     * a5 = c, a1 = a, s0 = the end of c.
     */
    private static RomImage rowUpdate(int b, int c, int count) {
        Asm asm = new Asm().li(A1, 0x1234_5677).li(A2, b).li(A5, c).li(S0, c + 4 * count);
        int loop = asm.here();
        asm.lw(A3, A2, 0).lw(A4, A5, 0).addi(A5, A5, 4).mul(A3, A1, A3).addi(A2, A2, 4).add(A4, A4, A3)
                .sw(A4, A5, -4).bne(A5, S0, loop - asm.here());
        return RomImage.flat(asm.li(A0, 0).exit().bytes());
    }

    private static GuestRun run(RomImage image, long limit, Translation translation, Consumer<Machine> setUp) {
        return GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, setUp, ram(), null, limit, translation);
    }

    /** Compares the translated run with the interpreter's at the end and at every limit up to {@code limits}. */
    private static void assertRunsAsTheInterpreter(RomImage image, int limits, Consumer<Machine> setUp) {
        Translation translation = Translator.translate(image);
        assertTrue(callsStridedLoop(translation.classes().get("dev/rvjar/guest/Region_00000000")), "a strided loop");
        GuestRun interpreted = run(image, 10_000_000, null, setUp);
        GuestRun translated = run(image, 10_000_000, translation, setUp);
        assertNull(interpreted.difference(translated));
        assertTrue(translated.translatedInstructions() > 0);
        for (long limit = 1; limit <= Math.min(interpreted.instret(), limits); limit++) {
            assertNull(run(image, limit, null, setUp).difference(run(image, limit, translation, setUp)), "limit " + limit);
        }
    }

    private static final Consumer<Machine> NO_SET_UP = machine -> { };

    @ParameterizedTest(name = "b 0x{0}, c 0x{1}, {2} words")
    @CsvSource({
        "01000100, 01000800, 40",
        "01000800, 01000100, 3",     // under the bulk's few turns
        "01000100, 01000104, 30",    // c overlaps b: each turn reads what the one before stored
        "01000104, 01000100, 30",
        "010fff00, 01000000, 100",   // b runs past RAM's end: a fault in turn 64
        "01000100, 08100000, 16",    // c in OUT: no bulk, the same stores
        "01000102, 01000800, 12",    // b misaligned: no bulk
    })
    void aRowUpdateRunsAsTheInterpreterDoesAtEveryLimit(String b, String c, int count) {
        assertRunsAsTheInterpreter(rowUpdate(Integer.parseUnsignedInt(b, 16), Integer.parseUnsignedInt(c, 16), count),
                400, NO_SET_UP);
    }

    @Test
    void aLongRowEndsWithTheWordsOfTheSpec() {
        int b = RAM + 0x100;
        int c = RAM + 0x8000;
        int count = 3000;
        RomImage image = rowUpdate(b, c, count);
        GuestRun translated = run(image, 10_000_000, Translator.translate(image), NO_SET_UP);
        assertEquals("exit 0", translated.ending());
        assertNull(run(image, 10_000_000, null, NO_SET_UP).difference(translated));
        ByteBuffer out = ByteBuffer.wrap(translated.ram()).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < count; j++) {
            int bj = ((b - RAM) / 4 + j) * 0x9E37_79B9;
            int cj = ((c - RAM) / 4 + j) * 0x9E37_79B9;
            assertEquals(cj + 0x1234_5677 * bj, out.getInt(c - RAM + 4 * j), "c[" + j + "]");
        }
        assertEquals(c + 4 * count, translated.x()[A5]);
        assertEquals(b + 4 * count, translated.x()[A2]);
    }

    /**
     * A count of {@code turns} in a2 from {@code start} stepped by {@code step}, closed by
     * {@code branch} against a3 ({@code countFirst}: the count is the branch's first operand); each
     * turn adds a word to a1 and stores the sum's low half behind a4.
     */
    private static RomImage counted(String branch, boolean countFirst, int start, int step, int bound) {
        Asm asm = new Asm().li(A0, RAM + 0x400).li(A4, RAM + 0x2000).li(A2, start).li(A3, bound).li(A1, 0);
        int loop = asm.here();
        asm.lw(T0, A0, 0).add(A1, A1, T0).sh(A1, A4, 2).addi(A0, A0, 4).addi(A4, A4, -2).addi(A2, A2, step);
        int rs1 = countFirst ? A2 : A3;
        int rs2 = countFirst ? A3 : A2;
        int offset = loop - asm.here();
        switch (branch) {
            case "bne" -> asm.bne(rs1, rs2, offset);
            case "blt" -> asm.blt(rs1, rs2, offset);
            case "bge" -> asm.bge(rs1, rs2, offset);
            case "bltu" -> asm.bltu(rs1, rs2, offset);
            default -> asm.bgeu(rs1, rs2, offset);
        }
        return RomImage.flat(asm.li(A0, 0).exit().bytes());
    }

    @ParameterizedTest(name = "{0}, count first {1}, from {2} by {3} to {4}")
    @CsvSource({
        "bne, true, 0, 1, 37",
        "bne, false, 50, -2, 0",
        "blt, true, -20, 3, 25",
        "blt, false, 30, -1, -5",
        "bge, true, 30, -4, 1",
        "bge, false, -40, 5, 7",
        "bltu, true, 0, 1, 33",
        "bltu, false, 40, -3, 2",
        "bgeu, true, -1, -1, -30",   // unsigned 0xFFFFFFFF down to 0xFFFFFFE2
        "bgeu, false, 0, 2, 45",
        "blt, true, 2147483640, 1, -2147483648", // signed: the count reaches the top and wraps
        "bltu, true, -3, 1, 9",      // unsigned: 0xFFFFFFFD is not below 9, no turn repeats
    })
    void everyClosingBranchRunsAsTheInterpreterDoes(String branch, boolean countFirst, int start, int step, int bound) {
        assertRunsAsTheInterpreter(counted(branch, countFirst, start, step, bound), 300, NO_SET_UP);
    }

    /** memcpy's byte loop with a count down: a bulk of byte loads and byte stores. */
    @ParameterizedTest(name = "{2} bytes from 0x{0} to 0x{1}")
    @CsvSource({
        "01000001, 01003003, 77",
        "01000000, 010ffff0, 40",  // the stores run past RAM's end: a fault
        "00000010, 01001000, 20",  // from ROM (this code): no bulk, the same bytes
    })
    void aByteCopyRunsAsTheInterpreterDoes(String from, String to, int count) {
        Asm asm = new Asm().li(A1, Integer.parseUnsignedInt(from, 16)).li(A0, Integer.parseUnsignedInt(to, 16)).li(A2, count);
        int loop = asm.here();
        asm.lbu(A3, A1, 0).sb(A3, A0, 0).addi(A1, A1, 1).addi(A0, A0, 1).addi(A2, A2, -1).bne(A2, 0, loop - asm.here());
        assertRunsAsTheInterpreter(RomImage.flat(asm.li(A0, 0).exit().bytes()), 300, NO_SET_UP);
    }

    /**
     * A loop of two blocks: a0 walks a table of {@code count} words, a1 sums them, a3 mixes the
     * sums; entered at its first block, or (where {@code atBranch}) by a jump to the second, which
     * ends with the branch (sha256's rounds). The table is in RAM or, at 0x400, in ROM.
     */
    private static RomImage twoBlocks(int table, int count, boolean atBranch) {
        Asm asm = new Asm().li(A0, table).li(A2, table + 4 * count).li(A1, 0).li(A3, 0x55).li(A5, atBranch ? 1 : 0);
        asm.bne(A5, 0, 12); // over the first block's two instructions
        int first = asm.here();
        asm.lw(T0, A0, 0).add(A1, A1, T0);
        asm.xor(A3, A3, A1).slli(A4, A3, 3).addi(A0, A0, 4).add(A3, A3, A4).bne(A0, A2, first - asm.here());
        asm.li(A0, 0).exit();
        while (asm.here() < 0x400) {
            asm.word(0);
        }
        for (int n = 0; n < 64; n++) {
            asm.word(n * 0x0101_0101 + 7);
        }
        return RomImage.flat(asm.bytes());
    }

    @ParameterizedTest(name = "table 0x{0}, {1} words, entered at the branch {2}")
    @CsvSource({
        "01000100, 50, false",
        "01000100, 50, true",
        "00000400, 64, false",  // ROM
        "00000400, 64, true",
        "000003f0, 20, false",  // from the code into the table: ROM all the way
        "010ffff0, 8, true",    // off RAM's end: a fault
    })
    void aLoopOfTwoBlocksRunsAsTheInterpreterDoes(String table, int count, boolean atBranch) {
        assertRunsAsTheInterpreter(twoBlocks(Integer.parseUnsignedInt(table, 16), count, atBranch), 300, NO_SET_UP);
    }

    @Test
    void aRowUpdateReadsRomToo() {
        assertRunsAsTheInterpreter(rowUpdate(0x40, RAM + 0x100, 30), 300, NO_SET_UP);
    }

    @Test
    void storesIntoWatchedRamRunTheLoopsOwnCodeAndTheWatcherSeesEachOne() {
        int[][] calls = new int[2][1];
        RomImage image = rowUpdate(RAM + 0x100, RAM + 0x1000, 24);
        Translation translation = Translator.translate(image);
        GuestRun interpreted = run(image, 10_000_000, null, watching(calls[0]));
        GuestRun translated = run(image, 10_000_000, translation, watching(calls[1]));
        assertNull(interpreted.difference(translated));
        assertEquals(16, calls[0][0]); // the 16 words of the 64 watched bytes
        assertEquals(calls[0][0], calls[1][0]);
    }

    private static Consumer<Machine> watching(int[] calls) {
        return machine -> machine.memory().watchStores(RAM + 0x1000, 64, (at, width) -> calls[0]++);
    }

    @Test
    void aStoreThroughAComputedPointerIsNoStridedLoop() {
        Asm asm = new Asm().li(A2, RAM).li(S0, RAM + 64);
        int loop = asm.here();
        asm.lw(A3, A2, 0).andi(A3, A3, 0x3C).add(A4, A3, A2).sw(A2, A4, 0).addi(A2, A2, 4).bne(A2, S0, loop - asm.here());
        Translation translation = Translator.translate(RomImage.flat(asm.li(A0, 0).exit().bytes()));
        assertFalse(callsStridedLoop(translation.classes().get("dev/rvjar/guest/Region_00000000")));
    }

    /**
     * {@code matmul_f32}'s inner loop, {@code c[j] += a * b[j]} on singles for {@code count} words
     * (b in a4, c in a5, a = 1.5f in fa3, s0 = the end of c), its fmul.s and fadd.s rounding by
     * {@code rm}; before it, frm = {@code frm}, then mstatus.FS = {@code fs}. RAM's words read as
     * singles are of every kind (NaNs, subnormals, huge), so the flags accrue NV, OF, UF and NX.
     */
    private static RomImage floatRowUpdate(int fs, int frm, int rm, int count) {
        return floatRowUpdate(fs, frm, rm, RAM + 0x100, count, false);
    }

    /** The same from {@code b}, each turn first loading b[j] into t1 too where {@code probe}. */
    private static RomImage floatRowUpdate(int fs, int frm, int rm, int b, int count, boolean probe) {
        int c = RAM + 0x800;
        Asm asm = new Asm().li(T0, Fpu.MSTATUS_FS).csrrs(0, MSTATUS, T0).li(T0, frm).csrrw(0, FRM, T0)
                .li(A1, 0x3FC0_0000).fmvWX(FA3, A1).li(T0, fs << 13).csrrw(0, MSTATUS, T0)
                .li(A4, b).li(A5, c).li(S0, c + 4 * count);
        int loop = asm.here();
        if (probe) {
            asm.lw(6, A4, 0);
        }
        asm.flw(FA4, A4, 0).flw(FA5, A5, 0).addi(A5, A5, 4).fmulS(FA4, FA3, FA4, rm).addi(A4, A4, 4)
                .faddS(FA5, FA5, FA4, rm).fsw(FA5, A5, -4).bne(A5, S0, loop - asm.here());
        return RomImage.flat(asm.li(A0, 0).exit().bytes());
    }

    @ParameterizedTest(name = "FS {0}, frm {1}, rm {2}, {3} words")
    @CsvSource({
        "3, 0, 7, 40",
        "1, 0, 7, 40",   // FS Initial: the first F instruction makes it Dirty
        "3, 1, 7, 40",   // frm towards zero
        "3, 0, 3, 40",   // static rounding up
        "3, 5, 7, 40",   // frm reserved: fmul.s is illegal, no bulk
        "3, 5, 0, 40",   // frm reserved but unused
        "0, 0, 7, 40",   // FPU off: flw is illegal, no bulk
        "3, 0, 7, 3",    // under the bulk's few turns
    })
    void aSingleRowUpdateRunsAsTheInterpreterDoesAtEveryLimit(int fs, int frm, int rm, int count) {
        assertRunsAsTheInterpreter(floatRowUpdate(fs, frm, rm, count), 400, NO_SET_UP);
    }

    @Test
    void aSingleRowUpdateRunningOutOfRamFaultsWithTheFpuDirty() {
        // FS Initial: the turns in bulk make it Dirty, as their first flw does; then a turn's lw
        // faults past RAM's end before any F instruction of that turn
        RomImage image = floatRowUpdate(1, 0, 7, RAM + McuLayout.REGION_SIZE - 4 * 30, 40, true);
        assertRunsAsTheInterpreter(image, 0, NO_SET_UP);
        GuestRun interpreted = run(image, 10_000_000, null, NO_SET_UP);
        assertTrue(interpreted.ending().startsWith("fault"), interpreted.ending());
        assertEquals(Fpu.MSTATUS_FS, interpreted.mstatus() & Fpu.MSTATUS_FS);
    }

    @Test
    void aSingleRowUpdateEndsWithTheSumsOfTheSpec() {
        // b[j] = j + 1, c[j] = j / 4: each c[j] + 1.5 * b[j] is exact, so no flag either
        ByteBuffer ram = ByteBuffer.wrap(ram()).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < 40; j++) {
            ram.putFloat(0x100 + 4 * j, j + 1);
            ram.putFloat(0x800 + 4 * j, j / 4f);
        }
        RomImage image = floatRowUpdate(3, 0, 7, 40);
        GuestRun translated = GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, NO_SET_UP, ram.array(),
                null, 10_000_000, Translator.translate(image));
        assertEquals("exit 0", translated.ending());
        ByteBuffer out = ByteBuffer.wrap(translated.ram()).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < 40; j++) {
            assertEquals(j / 4f + 1.5f * (j + 1), out.getFloat(0x800 + 4 * j), "c[" + j + "]");
        }
        assertEquals(0, translated.fcsr() & 0x1F, "fflags");
    }

    private static boolean callsStridedLoop(byte[] regionClass) {
        return RuntimeCalls.calls(regionClass, "dev/rvjar/translated/StridedLoop");
    }
}
