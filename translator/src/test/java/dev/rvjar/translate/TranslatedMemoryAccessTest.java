package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Environment;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads and stores in translated code: misaligned accesses and accesses across a page boundary,
 * faults at the end of a region, and page table entries that change while a region method runs
 * (a watch installed, host buffers mapped and unmapped by a host function the translated loop
 * calls), which code that keeps the page tables in locals must see too. Every run is compared
 * with the interpreter; expected values are little-endian byte arithmetic (RISC-V
 * unprivileged spec: loads and stores are little-endian, lb/lh sign-extend, lbu/lhu zero-extend;
 * the contract allows misaligned accesses inside one region).
 */
class TranslatedMemoryAccessTest {
    private static final int GP = 3;
    private static final int TP = 4;
    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int T2 = 7;
    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int A7 = 17;
    private static final int SHARED = 0x2000_0000;
    private static final int WATCH = 600;
    private static final int REMAP = 601;
    private static final int UNMAP = 602;

    /** Both runs of {@code program}, interpreted and translated, checked equal; the translated one is returned. */
    private static GuestRun both(byte[] program, Function<List<Object>, Consumer<Machine>> setUp, List<Object> interpreted,
            List<Object> translated) {
        RomImage image = RomImage.flat(program);
        Translation translation = Translator.translate(image);
        GuestRun expected = GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, setUp.apply(interpreted),
                null, null, 100_000, (Translation) null);
        GuestRun actual = GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, setUp.apply(translated),
                null, null, 100_000, translation);
        assertNull(expected.difference(actual));
        assertTrue(actual.translatedInstructions() > 0, "translated code ran");
        return actual;
    }

    private static GuestRun both(byte[] program) {
        return both(program, log -> machine -> { }, new ArrayList<>(), new ArrayList<>());
    }

    /** {@code rd = value} */
    private static void li(Asm asm, int rd, int value) {
        int low = value << 20 >> 20;
        asm.lui(rd, (value - low) >>> 12);
        asm.addi(rd, rd, low);
    }

    @Test
    void misalignedAndPageCrossingAccessesAreLittleEndianBytes() {
        Asm asm = new Asm();
        asm.lui(S0, 0x01010);               // s0 = RAM + 64 KiB: a page boundary
        li(asm, T0, 0x4433_2211);
        asm.sw(T0, S0, -4);                 // s0-4..s0-1: 11 22 33 44
        li(asm, T1, 0x8877_6655);
        asm.sw(T1, S0, 0);                  // s0..s0+3: 55 66 77 88
        asm.lw(A1, S0, -2);                 // 33 44 | 55 66
        asm.lh(12, S0, -1);                 // 44 | 55
        asm.lhu(13, S0, 1);                 // 66 77
        asm.lb(14, S0, 3);                  // 88
        asm.lbu(15, S0, 3);
        asm.lh(16, S0, 2);                  // 77 88
        li(asm, T2, 0xAABB_CCDD);
        asm.sw(T2, S0, -1);                 // s0-1..s0+2: DD | CC BB AA
        asm.lw(S1, S0, -4);
        asm.lw(28, S0, 0);
        asm.sh(T0, S0, -1);                 // s0-1, s0: 11 | 22
        asm.lw(29, S0, -4);
        asm.sb(T1, S0, 1);                  // s0+1: 55
        asm.lw(30, S0, 0);
        asm.addi(A0, 0, 0);
        asm.exit();
        GuestRun run = both(asm.bytes());
        assertEquals("exit 0", run.ending());
        int[] x = run.x();
        assertEquals(0x6655_4433, x[A1]);
        assertEquals(0x5544, x[12]);
        assertEquals(0x7766, x[13]);
        assertEquals(0xFFFF_FF88, x[14]);
        assertEquals(0x88, x[15]);
        assertEquals(0xFFFF_8877, x[16]);
        assertEquals(0xDD33_2211, x[S1]);
        assertEquals(0x88AA_BBCC, x[28]);
        assertEquals(0x1133_2211, x[29]);
        assertEquals(0x88AA_5522, x[30]);
    }

    /**
     * One access {@code offset} bytes from the end of RAM (0x0110_0000; nothing is mapped after it):
     * inside RAM it works (fresh RAM reads 0), reaching past the end it faults at that instruction.
     */
    @ParameterizedTest(name = "{0} at end{1}")
    @CsvSource({"lw,-4,exit 0", "lw,-2,fault", "lw,0,fault", "lh,-2,exit 0", "lh,-1,fault", "lbu,-1,exit 0",
            "lb,0,fault", "sw,-4,exit 0", "sw,-3,fault", "sw,0,fault", "sh,-1,fault", "sb,-1,exit 0", "sb,0,fault"})
    void accessesAtTheEndOfRamWorkOrFaultPrecisely(String op, int offset, String ending) {
        Asm asm = new Asm();
        asm.lui(GP, 0x01100);                               // 0
        asm.addi(A0, 0, 0);                                 // 4
        switch (op) {                                       // 8
            case "lw" -> asm.lw(TP, GP, offset);
            case "lh" -> asm.lh(TP, GP, offset);
            case "lbu" -> asm.lbu(TP, GP, offset);
            case "lb" -> asm.lb(TP, GP, offset);
            case "sw" -> asm.sw(GP, GP, offset);
            case "sh" -> asm.sh(GP, GP, offset);
            default -> asm.sb(GP, GP, offset);
        }
        asm.exit();
        GuestRun run = both(asm.bytes());
        if (ending.equals("fault")) {
            String kind = op.startsWith("l") ? "load outside readable memory" : "store outside writable memory";
            assertTrue(run.ending().startsWith("fault " + kind) && run.ending().contains("pc 0x00000008"), run.ending());
            assertEquals(8, run.pc());
            assertEquals(2, run.instret(), "the faulting access does not retire");
        } else {
            assertEquals(ending, run.ending());
            assertEquals(0, run.x()[TP]);
        }
    }

    @Test
    void aStoreToAWatchedPageInsideATranslatedLoopIsSeen() {
        // for i in 0..9: host call WATCH(i); ram[0] = i (word); ram[5] = i (byte, same page, not watched)
        Asm asm = new Asm();
        asm.lui(S0, 0x01000);               // 0: s0 = RAM
        asm.addi(S1, 0, 10);                // 4
        asm.addi(T0, 0, 0);                 // 8
        asm.addi(A7, 0, WATCH);             // 12: loop
        asm.addi(A0, T0, 0);                // 16
        asm.ecall();                        // 20
        asm.sw(T0, S0, 0);                  // 24
        asm.sb(T0, S0, 5);                  // 28
        asm.addi(T0, T0, 1);                // 32
        asm.bne(T0, S1, -24);               // 36
        asm.addi(A0, 0, 0);
        asm.exit();
        // the watch is installed in round 3, while the region method that runs the loop is running
        Function<List<Object>, Consumer<Machine>> setUp = log -> machine -> machine.installSyscallHandler(WATCH, m -> {
            if (m.cpu().x[A0] == 3) {
                m.memory().watchStores(McuLayout.RAM_BASE, 4, (address, width) -> log.add(address + "/" + width));
            }
        });
        List<Object> interpreted = new ArrayList<>();
        List<Object> translated = new ArrayList<>();
        GuestRun run = both(asm.bytes(), setUp, interpreted, translated);
        assertEquals("exit 0", run.ending());
        assertEquals(List.of(), translated.stream().filter(s -> !s.equals(McuLayout.RAM_BASE + "/4")).toList());
        assertEquals(7, translated.size(), "the stores of rounds 3 to 9");
        assertEquals(interpreted, translated);
        assertEquals(9, run.ram()[0]);
        assertEquals(9, run.ram()[5]);
    }

    @Test
    void hostBuffersMappedAndUnmappedFromATranslatedLoopAreSeenAtOnce() {
        // for i in 0..4: host call REMAP(i) maps a fresh buffer holding 100 + i; sum += *SHARED; SHARED[1] = i
        // then UNMAP, and the next load faults
        Asm asm = new Asm();
        asm.lui(S0, SHARED >>> 12);         // 0
        asm.addi(S1, 0, 5);                 // 4
        asm.addi(T0, 0, 0);                 // 8
        asm.addi(A1, 0, 0);                 // 12
        asm.addi(A7, 0, REMAP);             // 16: loop
        asm.addi(A0, T0, 0);                // 20
        asm.ecall();                        // 24
        asm.lw(T1, S0, 0);                  // 28
        asm.add(A1, A1, T1);                // 32
        asm.sw(T0, S0, 4);                  // 36
        asm.addi(T0, T0, 1);                // 40
        asm.bne(T0, S1, -28);               // 44
        asm.addi(A7, 0, UNMAP);             // 48
        asm.ecall();                        // 52
        asm.lw(T1, S0, 0);                  // 56: faults
        asm.exit();
        Function<List<Object>, Consumer<Machine>> setUp = buffers -> machine -> {
            machine.installSyscallHandler(REMAP, m -> {
                if (!buffers.isEmpty()) {
                    m.unshare((Region) buffers.get(buffers.size() - 1));
                }
                int[][] pages = {new int[Memory.PAGE_SIZE / 4]};
                pages[0][0] = 100 + m.cpu().x[A0];
                buffers.add(m.share(SHARED, pages, true));
            });
            machine.installSyscallHandler(UNMAP, m -> m.unshare((Region) buffers.get(buffers.size() - 1)));
        };
        List<Object> translated = new ArrayList<>();
        GuestRun run = both(asm.bytes(), setUp, new ArrayList<>(), translated);
        assertEquals(100 + 101 + 102 + 103 + 104, run.x()[A1]);
        assertTrue(run.ending().startsWith("fault load outside readable memory") && run.ending().contains("pc 0x00000038"),
                run.ending());
        assertEquals(5, translated.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i, ((Region) translated.get(i)).read(4, 1)[0], "the guest's store went to buffer " + i);
        }
    }
}
