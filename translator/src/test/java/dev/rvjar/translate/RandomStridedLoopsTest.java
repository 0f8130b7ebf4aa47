package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Environment;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.semantics.Fpu;
import dev.rvjar.testing.Asm;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random strided loops, translated (with their bulk) against the interpreter: random integer
 * operations, word, half and byte loads and stores through two stepped pointers at random offsets
 * (RAM anywhere, near its end into a fault, ROM for the loads, OUT), a counter stepped either way
 * and closed by any of the five branches with its operands in either order, the three steps in any
 * order within the turn; in a third of them single and double operations, loads, stores and moves
 * too, in any state of the FPU; compared at the end and at random instruction limits.
 */
class RandomStridedLoopsTest {
    private static final int RAM = McuLayout.RAM_BASE;
    private static final int P1 = 18;
    private static final int P2 = 19;
    private static final int COUNT = 20;
    private static final int BOUND = 21;
    private static final int[] DATA = {5, 6, 10, 11, 12, 13, 14, 15};
    private static final int[] READABLE = {5, 6, 10, 11, 12, 13, 14, 15, P1, P2, COUNT, BOUND, 0};
    private static final long LIMIT = 60_000;
    private static final int MSTATUS = 0x300;
    private static final int FRM = 0x002;

    private static int pick(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }

    /** Where a pointer starts: anywhere in the first 64 KiB of RAM, near RAM's end, in ROM, in OUT. */
    private static int pointer(Random random, boolean loadsOnly) {
        return switch (random.nextInt(loadsOnly ? 8 : 7)) {
            case 0 -> RAM + McuLayout.REGION_SIZE - 4 * random.nextInt(48);
            case 1 -> McuLayout.OUT_BASE + 4 * random.nextInt(64);
            case 7 -> 0x40 + 4 * random.nextInt(64); // ROM: this program's own words
            default -> RAM + 4 * random.nextInt(0x4000);
        };
    }

    /** A single's bits: mostly a small binary fraction (sums and products often exact), else any bits at all. */
    private static int single(Random random) {
        return random.nextInt(4) == 0 ? random.nextInt() : Float.floatToRawIntBits((random.nextInt(17) - 8) * 0.25f);
    }

    /**
     * Puts singles in f0-f3 with the FPU on, then sets frm (reserved values too) and mstatus.FS
     * (Off too, so the loop's first F instruction is illegal), with x5 as scratch.
     */
    private static void floatingPointState(Asm asm, Random random) {
        asm.li(5, Fpu.MSTATUS_FS).csrrs(0, MSTATUS, 5);
        for (int f = 0; f < 4; f++) {
            asm.li(5, single(random)).fmvWX(f, 5);
        }
        asm.li(5, pick(random, 0, 0, 0, 1, 2, 3, 4, 5, 7)).csrrw(0, FRM, 5);
        asm.li(5, pick(random, 3, 3, 3, 3, 1, 2, 0) << 13).csrrw(0, MSTATUS, 5);
    }

    /** A random F or D instruction on f0-f3: loads, stores, single and double sums and products, moves. */
    private static Consumer<Asm> floatingPoint(Random random) {
        int fd = random.nextInt(4);
        int fs1 = random.nextInt(4);
        int fs2 = random.nextInt(4);
        int rm = pick(random, 0, 1, 2, 3, 4, 7, 7, 7);
        int offset = 4 * (random.nextInt(9) - 4);
        int base = pick(random, P1, P2);
        int rd = pick(random, DATA);
        int rs = pick(random, READABLE);
        return switch (random.nextInt(7)) {
            case 0 -> a -> a.flw(fd, base, offset);
            case 1 -> a -> a.fsw(fs1, P2, offset);
            case 2 -> a -> a.faddS(fd, fs1, fs2, rm);
            case 3 -> a -> a.fmulS(fd, fs1, fs2, rm);
            case 4 -> a -> a.faddD(fd, fs1, fs2, rm);
            case 5 -> a -> a.fmvXW(rd, fs1);
            default -> a -> a.fmvWX(fd, rs);
        };
    }

    private static RomImage loop(Random random) {
        Asm asm = new Asm();
        boolean floatingPoint = random.nextInt(3) == 0;
        if (floatingPoint) {
            floatingPointState(asm, random);
        }
        asm.li(P1, pointer(random, true) + pick(random, 0, 0, 0, 1, 2)).li(P2, pointer(random, false));
        for (int r : DATA) {
            asm.li(r, random.nextInt());
        }
        int countStep = pick(random, 1, -1, 2, -3, 4, 7);
        int start = random.nextInt(2) == 0 ? random.nextInt(64) - 32 : pick(random, 0x7FFF_FFF0, 0xFFFF_FFF0, 0x8000_0008);
        int turns = random.nextInt(160);
        int bound = random.nextInt(8) == 0 ? random.nextInt() : start + countStep * turns + random.nextInt(3) - 1;
        asm.li(COUNT, start).li(BOUND, bound);
        List<Consumer<Asm>> body = new ArrayList<>();
        int step1 = pick(random, 4, -4, 8, 0, -12); // whole words: every access keeps its alignment
        int step2 = pick(random, 4, -4, 12, 0, 8);
        body.add(a -> a.addi(P1, P1, step1));
        body.add(a -> a.addi(P2, P2, step2));
        body.add(a -> a.addi(COUNT, COUNT, countStep));
        for (int n = random.nextInt(6); n > 0; n--) {
            int rd = pick(random, DATA);
            int rs1 = pick(random, READABLE);
            int rs2 = pick(random, READABLE);
            int imm = random.nextInt(64) - 32;
            body.add(switch (random.nextInt(8)) {
                case 0 -> a -> a.add(rd, rs1, rs2);
                case 1 -> a -> a.sub(rd, rs1, rs2);
                case 2 -> a -> a.xor(rd, rs1, rs2);
                case 3 -> a -> a.mul(rd, rs1, rs2);
                case 4 -> a -> a.sltu(rd, rs1, rs2);
                case 5 -> a -> a.srai(rd, rs1, imm & 31);
                case 6 -> a -> a.addi(rd, rs1, imm);
                default -> a -> a.divu(rd, rs1, rs2);
            });
        }
        for (int n = random.nextInt(4); n > 0; n--) {
            int rd = pick(random, DATA);
            int base = pick(random, P1, P2);
            int offset = 4 * (random.nextInt(9) - 4);
            body.add(switch (random.nextInt(5)) {
                case 0 -> a -> a.lh(rd, base, offset + 2);
                case 1 -> a -> a.lbu(rd, base, offset + 3);
                case 2 -> a -> a.lb(rd, base, offset + 1);
                default -> a -> a.lw(rd, base, offset);
            });
        }
        for (int n = random.nextInt(3); n > 0; n--) {
            int value = pick(random, READABLE);
            int offset = 4 * (random.nextInt(9) - 4);
            body.add(switch (random.nextInt(4)) {
                case 0 -> a -> a.sh(value, P2, offset + 2);
                case 1 -> a -> a.sb(value, P2, offset + 1);
                default -> a -> a.sw(value, P2, offset);
            });
        }
        for (int n = floatingPoint ? 1 + random.nextInt(5) : 0; n > 0; n--) {
            body.add(floatingPoint(random));
        }
        Collections.shuffle(body, random);
        int head = asm.here();
        body.forEach(instruction -> instruction.accept(asm));
        boolean countFirst = random.nextBoolean();
        int rs1 = countFirst ? COUNT : BOUND;
        int rs2 = countFirst ? BOUND : COUNT;
        int offset = head - asm.here();
        switch (random.nextInt(5)) {
            case 0 -> asm.bne(rs1, rs2, offset);
            case 1 -> asm.blt(rs1, rs2, offset);
            case 2 -> asm.bge(rs1, rs2, offset);
            case 3 -> asm.bltu(rs1, rs2, offset);
            default -> asm.bgeu(rs1, rs2, offset);
        }
        return RomImage.flat(asm.li(10, 0).exit().bytes());
    }

    private static GuestRun run(RomImage image, long limit, Translation translation) {
        return GuestRun.of(image, McuLayout.regions(), false, Environment.MCU, machine -> { }, null, null, limit,
                translation);
    }

    @Property(tries = 250)
    void aRandomStridedLoopRunsAsTheInterpreterDoes(@ForAll long seed) {
        Random random = new Random(seed);
        RomImage image = loop(random);
        Translation translation = Translator.translate(image);
        assertTrue(RuntimeCalls.calls(translation.classes().get("dev/rvjar/guest/Region_00000000"),
                "dev/rvjar/translated/StridedLoop"), "a strided loop");
        GuestRun interpreted = run(image, LIMIT, null);
        assertNull(interpreted.difference(run(image, LIMIT, translation)), "seed " + seed);
        for (int n = 0; n < 3; n++) {
            long limit = 1 + random.nextLong(Math.max(1, Math.min(interpreted.instret(), LIMIT)));
            assertNull(run(image, limit, null).difference(run(image, limit, translation)), "seed " + seed + ", limit " + limit);
        }
    }
}
