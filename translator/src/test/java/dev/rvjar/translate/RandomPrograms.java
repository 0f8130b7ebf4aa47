package dev.rvjar.translate;

import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * Random RV32 programs for the differential properties: arithmetic (base, M, Zba, Zbb, Zbs, some
 * compressed), loads and stores into RAM, loads and stores through arbitrary registers (faults),
 * forward branches, counted loops, direct and indirect calls and returns (and calls linking t0 to
 * functions that return by {@code jr t0}, the shape of the save routines of {@code -msave-restore},
 * which t0 as a chunk destination can make return elsewhere), counter CSR reads,
 * {@code ecall}s, atomics, {@code fence.i}, {@code lr.w} (left to the interpreter), illegal
 * instructions and jumps to self; and every F and D instruction: on special values (NaNs, signalling
 * NaNs, infinities, zeros, subnormals, halfway cases) and random bits, singles read from registers
 * holding doubles (NaN-boxing), every static rounding mode and the dynamic one with every frm value
 * (5-7 make it illegal), fflags/frm/fcsr reads and writes, loads and stores that may fault, and
 * mstatus.FS switched off (every F and D instruction illegal) and on again.
 *
 * <p>A program is a list of {@link Chunk}s, so jqwik shrinks a failure to the few chunks that
 * matter. Layout: a prologue sets s0 (x8) to a RAM address and gives some registers random values;
 * then the chunks; then {@code exit(a0)}; then the functions that {@code CALL} chunks call, and
 * the same functions again returning by {@code jr t0} for {@code CALL_T0} chunks.
 * Registers with a fixed job are never chunk destinations: ra (calls), s0 (RAM base), s1 (loop
 * counter), t2 (call target), a7 (system call number).
 */
final class RandomPrograms {
    static final int RAM_POINTER = McuLayout.RAM_BASE + 0x800;
    private static final int RA = 1;
    private static final int T2 = 7;
    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int A2 = 12;
    private static final int A7 = 17;
    /** Registers chunks may write. */
    private static final int[] DESTINATIONS = {5, 6, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31};
    private static final int FUNCTIONS = 3;

    private RandomPrograms() {
    }

    enum Kind {
        ALU_R, ALU_I, UNARY, UPPER, COMPRESSED, LOAD, STORE, WILD_ACCESS, SKIP, LOOP, CALL, CALL_INDIRECT, CALL_T0,
        COUNTER, ECALL_ENOSYS, ECALL_WRITE, AMO, FENCE_I, FLOAT_OR_LOAD_RESERVED, ILLEGAL, JUMP_TO_SELF,
        FLOAT_FROM_BITS, FLOAT_OP, FLOAT_MEMORY, FLOAT_CSR
    }

    /**
     * An F or D instruction of the OP-FP or fused multiply-add major opcodes: its fixed bits (opcode,
     * funct7 or fmt, a fixed rs2 or funct3), which of rd and rs1 are integer registers, and which of
     * the rs2, rm and rs3 fields it takes from the chunk. Encodings from the RISC-V unprivileged
     * spec, chapter "RV32/64G Instruction Set Listings".
     */
    private record FloatOp(String name, int bits, boolean integerRd, boolean integerRs1, boolean rs2, boolean rm,
            boolean rs3) {
        static FloatOp binary(String name, int funct7, boolean rm) {
            return new FloatOp(name, funct7 << 25 | 0x53, false, false, true, rm, false);
        }

        static FloatOp withFunct3(String name, int funct7, int funct3, boolean integerRd) {
            return new FloatOp(name, funct7 << 25 | funct3 << 12 | 0x53, integerRd, false, true, false, false);
        }

        static FloatOp unary(String name, int funct7, int rs2, boolean integerRd, boolean integerRs1) {
            return new FloatOp(name, funct7 << 25 | rs2 << 20 | 0x53, integerRd, integerRs1, false, true, false);
        }

        static FloatOp fused(String name, int opcode, int fmt) {
            return new FloatOp(name, fmt << 25 | opcode, false, false, true, true, true);
        }
    }

    private static final List<FloatOp> FLOAT_OPS = List.of(
            FloatOp.binary("fadd.s", 0x00, true), FloatOp.binary("fsub.s", 0x04, true),
            FloatOp.binary("fmul.s", 0x08, true), FloatOp.binary("fdiv.s", 0x0C, true),
            FloatOp.unary("fsqrt.s", 0x2C, 0, false, false),
            FloatOp.withFunct3("fsgnj.s", 0x10, 0, false), FloatOp.withFunct3("fsgnjn.s", 0x10, 1, false),
            FloatOp.withFunct3("fsgnjx.s", 0x10, 2, false),
            FloatOp.withFunct3("fmin.s", 0x14, 0, false), FloatOp.withFunct3("fmax.s", 0x14, 1, false),
            FloatOp.withFunct3("fle.s", 0x50, 0, true), FloatOp.withFunct3("flt.s", 0x50, 1, true),
            FloatOp.withFunct3("feq.s", 0x50, 2, true),
            FloatOp.unary("fcvt.w.s", 0x60, 0, true, false), FloatOp.unary("fcvt.wu.s", 0x60, 1, true, false),
            FloatOp.unary("fcvt.s.w", 0x68, 0, false, true), FloatOp.unary("fcvt.s.wu", 0x68, 1, false, true),
            new FloatOp("fmv.x.w", 0x70 << 25 | 0x53, true, false, false, false, false),
            new FloatOp("fclass.s", 0x70 << 25 | 1 << 12 | 0x53, true, false, false, false, false),
            new FloatOp("fmv.w.x", 0x78 << 25 | 0x53, false, true, false, false, false),
            FloatOp.fused("fmadd.s", 0x43, 0), FloatOp.fused("fmsub.s", 0x47, 0),
            FloatOp.fused("fnmsub.s", 0x4B, 0), FloatOp.fused("fnmadd.s", 0x4F, 0),

            FloatOp.binary("fadd.d", 0x01, true), FloatOp.binary("fsub.d", 0x05, true),
            FloatOp.binary("fmul.d", 0x09, true), FloatOp.binary("fdiv.d", 0x0D, true),
            FloatOp.unary("fsqrt.d", 0x2D, 0, false, false),
            FloatOp.withFunct3("fsgnj.d", 0x11, 0, false), FloatOp.withFunct3("fsgnjn.d", 0x11, 1, false),
            FloatOp.withFunct3("fsgnjx.d", 0x11, 2, false),
            FloatOp.withFunct3("fmin.d", 0x15, 0, false), FloatOp.withFunct3("fmax.d", 0x15, 1, false),
            FloatOp.withFunct3("fle.d", 0x51, 0, true), FloatOp.withFunct3("flt.d", 0x51, 1, true),
            FloatOp.withFunct3("feq.d", 0x51, 2, true),
            FloatOp.unary("fcvt.w.d", 0x61, 0, true, false), FloatOp.unary("fcvt.wu.d", 0x61, 1, true, false),
            FloatOp.unary("fcvt.d.w", 0x69, 0, false, true), FloatOp.unary("fcvt.d.wu", 0x69, 1, false, true),
            FloatOp.unary("fcvt.s.d", 0x20, 1, false, false), FloatOp.unary("fcvt.d.s", 0x21, 0, false, false),
            new FloatOp("fclass.d", 0x71 << 25 | 1 << 12 | 0x53, true, false, false, false, false),
            FloatOp.fused("fmadd.d", 0x43, 1), FloatOp.fused("fmsub.d", 0x47, 1),
            FloatOp.fused("fnmsub.d", 0x4B, 1), FloatOp.fused("fnmadd.d", 0x4F, 1));

    /** Single bits worth testing: zeros, ones, infinities, quiet and signalling NaNs, subnormals, extremes, halfway cases. */
    private static final int[] SPECIAL_SINGLES = {0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x7F800000,
        0xFF800000, 0x7FC00000, 0xFFC00001, 0x7F800001, 0x7FA00000, 0x00000001, 0x807FFFFF, 0x00800000, 0x7F7FFFFF,
        0xFF7FFFFF, 0x4B000001, 0x3F000000, 0x4EFFFFFF, 0x4F000000, 0xCF000000, 0x4F800000, 0xBF7FFFFF, 0x33800000};
    /** High words of doubles worth testing, and all ones: the high word of a NaN-boxed single. */
    private static final int[] SPECIAL_DOUBLE_HIGHS = {0x00000000, 0x80000000, 0x3FF00000, 0xBFF00000, 0x7FF00000,
        0xFFF00000, 0x7FF80000, 0x7FF40000, 0x000FFFFF, 0x00100000, 0x7FEFFFFF, 0x41E00000, 0xC1E00000, 0x41F00000,
        0x43300000, 0x36A00000, 0x47EFFFFF, 0xFFFFFFFF};
    private static final int T0 = 5;
    private static final int FFLAGS = 0x001;
    private static final int FRM = 0x002;
    private static final int FCSR = 0x003;
    private static final int MSTATUS = 0x300;

    /** One piece of a program; the meaning of {@code a}..{@code d} depends on the kind. */
    record Chunk(Kind kind, int a, int b, int c, int d) {
    }

    record Program(List<Integer> initialValues, List<Chunk> chunks, List<List<Chunk>> functions) {
        byte[] assemble() {
            return new Assembler(this).assemble();
        }
    }

    static Arbitrary<Program> programs() {
        return programs(1, false);
    }

    /** Programs where most chunks are F and D instructions. */
    static Arbitrary<Program> floatingPointPrograms() {
        return programs(8, false);
    }

    /**
     * Programs where most chunks are D instructions and no F instruction uses a floating-point
     * register as a single (no F arithmetic, flw, fsw, fmv.w.x, fcvt.s.d or fcvt.d.s), so that
     * translated code holds every floating-point register as a double.
     */
    static Arbitrary<Program> doublePrecisionPrograms() {
        return programs(8, true);
    }

    /** Programs whose floating-point chunks are {@code floatWeight} times as frequent as usual. */
    private static Arbitrary<Program> programs(int floatWeight, boolean doublesOnly) {
        Arbitrary<List<Integer>> values = Arbitraries.integers().list().ofSize(DESTINATIONS.length);
        Arbitrary<List<Chunk>> body = chunks(floatWeight, doublesOnly).list().ofMinSize(1).ofMaxSize(40);
        Arbitrary<List<List<Chunk>>> functions = simpleChunks(floatWeight, doublesOnly).list().ofMaxSize(6).list()
                .ofSize(FUNCTIONS);
        return Combinators.combine(values, body, functions).as(Program::new);
    }

    /** The indices in {@link #FLOAT_OPS} of the D instructions that use no register as a single. */
    private static List<Integer> doubleOps() {
        return java.util.stream.IntStream.range(0, FLOAT_OPS.size())
                .filter(i -> FLOAT_OPS.get(i).name().contains(".d") && !FLOAT_OPS.get(i).name().matches("fcvt\\.(s\\.d|d\\.s)"))
                .boxed().toList();
    }

    /** {@code all} or, for programs of doubles only, {@code doubles}. */
    private static Arbitrary<Integer> variant(boolean doublesOnly, Arbitrary<Integer> all, Arbitrary<Integer> doubles) {
        return doublesOnly ? doubles : all;
    }

    private static Arbitrary<Integer> register() {
        return Arbitraries.of(0, 5, 6, 8, 10, 11, 12, 13, 14, 15, 16, 20, 25, 31);
    }

    private static Arbitrary<Integer> destination() {
        return Arbitraries.of(5, 6, 10, 11, 12, 15, 16, 20, 25, 31);
    }

    /**
     * Floating-point registers: f0-f7 only, so that results are read again. Most get values; one
     * that has not holds +0.0 as a double, not a NaN-boxed single, and so reads as a NaN as a single.
     */
    private static Arbitrary<Integer> floatRegister() {
        return Arbitraries.integers().between(0, 7);
    }

    private static Arbitrary<Integer> fromSpecials(int[] specials) {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(java.util.Arrays.stream(specials).boxed().toList()));
    }

    /** rs2 | rs3 << 5 | rm << 10 of a FLOAT_OP chunk: rm mostly valid and often dynamic, rarely reserved. */
    private static Arbitrary<Integer> floatOperands() {
        Arbitrary<Integer> rm = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.integers().between(0, 4)),
                net.jqwik.api.Tuple.of(10, Arbitraries.just(7)), net.jqwik.api.Tuple.of(1, Arbitraries.of(5, 6)));
        return Combinators.combine(floatRegister(), floatRegister(), rm).as((rs2, rs3, mode) -> rs2 | rs3 << 5 | mode << 10);
    }

    private static Arbitrary<Chunk> chunk(Kind kind, Arbitrary<Integer> a, Arbitrary<Integer> b, Arbitrary<Integer> c,
            Arbitrary<Integer> d) {
        return Combinators.combine(a, b, c, d).as((w, x, y, z) -> new Chunk(kind, w, x, y, z));
    }

    /** Chunks without control flow: loop bodies and functions. */
    static Arbitrary<Chunk> simpleChunks(int floatWeight, boolean doublesOnly) {
        Arbitrary<Integer> any = Arbitraries.integers();
        Arbitrary<Integer> zero = Arbitraries.just(0);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, chunk(Kind.ALU_R, Arbitraries.integers().between(0, 36), destination(), register(), register())),
                net.jqwik.api.Tuple.of(5, chunk(Kind.ALU_I, Arbitraries.integers().between(0, 12), destination(), register(), any)),
                net.jqwik.api.Tuple.of(2, chunk(Kind.UNARY, Arbitraries.integers().between(0, 8), destination(), register(), zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.UPPER, Arbitraries.integers().between(0, 1), destination(), any, zero)),
                net.jqwik.api.Tuple.of(2, chunk(Kind.COMPRESSED, Arbitraries.integers().between(0, 2), destination(), register(), any)),
                net.jqwik.api.Tuple.of(4, chunk(Kind.LOAD, Arbitraries.integers().between(0, 4), destination(),
                        Arbitraries.integers().between(-2048, 2047), zero)),
                net.jqwik.api.Tuple.of(4, chunk(Kind.STORE, Arbitraries.integers().between(0, 2), register(),
                        Arbitraries.integers().between(-2048, 2047), zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.COUNTER, Arbitraries.integers().between(0, 3), destination(), zero, zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.AMO, Arbitraries.integers().between(0, 8), destination(), register(), zero)),
                net.jqwik.api.Tuple.of(3 * floatWeight, chunk(Kind.FLOAT_FROM_BITS,
                        variant(doublesOnly, Arbitraries.integers().between(0, 1), Arbitraries.just(1)), floatRegister(),
                        fromSpecials(SPECIAL_SINGLES), fromSpecials(SPECIAL_DOUBLE_HIGHS))),
                net.jqwik.api.Tuple.of(6 * floatWeight, chunk(Kind.FLOAT_OP,
                        variant(doublesOnly, Arbitraries.integers().between(0, FLOAT_OPS.size() - 1), Arbitraries.of(doubleOps())),
                        Arbitraries.integers().between(0, 31), register(), floatOperands())),
                net.jqwik.api.Tuple.of(2 * floatWeight, chunk(Kind.FLOAT_MEMORY,
                        variant(doublesOnly, Arbitraries.integers().between(0, 3), Arbitraries.of(1, 3)), floatRegister(),
                        Arbitraries.integers().between(-2048, 2047),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(S0)), net.jqwik.api.Tuple.of(1, register())))));
    }

    static Arbitrary<Chunk> chunks(int floatWeight, boolean doublesOnly) {
        Arbitrary<Integer> zero = Arbitraries.just(0);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, simpleChunks(floatWeight, doublesOnly)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.WILD_ACCESS, Arbitraries.integers().between(0, 7), register(),
                        Arbitraries.integers().between(-2048, 2047), destination())),
                net.jqwik.api.Tuple.of(4, chunk(Kind.SKIP, Arbitraries.integers().between(0, 5), register(), register(),
                        Arbitraries.integers().between(0, 4))),
                net.jqwik.api.Tuple.of(3, chunk(Kind.LOOP, Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers(), zero)),
                net.jqwik.api.Tuple.of(3, chunk(Kind.CALL, Arbitraries.integers().between(0, FUNCTIONS - 1), zero, zero, zero)),
                net.jqwik.api.Tuple.of(2, chunk(Kind.CALL_INDIRECT, Arbitraries.integers().between(0, FUNCTIONS - 1), zero, zero, zero)),
                net.jqwik.api.Tuple.of(2, chunk(Kind.CALL_T0, Arbitraries.integers().between(0, FUNCTIONS - 1), zero, zero, zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.ECALL_ENOSYS, zero, zero, zero, zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.ECALL_WRITE, Arbitraries.integers().between(0, 16), zero, zero, zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.FENCE_I, zero, zero, zero, zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.FLOAT_OR_LOAD_RESERVED,
                        variant(doublesOnly, Arbitraries.integers().between(0, 1), Arbitraries.just(1)), register(), zero, zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.ILLEGAL, zero, zero, zero, zero)),
                net.jqwik.api.Tuple.of(floatWeight, chunk(Kind.FLOAT_CSR, Arbitraries.integers().between(0, 9), destination(),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 4)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(5, 7))), zero)),
                net.jqwik.api.Tuple.of(1, chunk(Kind.JUMP_TO_SELF, zero, zero, zero, zero)));
    }

    /** Turns a program into a flat ROM image, resolving branch and call targets in a second pass. */
    private static final class Assembler {
        private final Program program;
        private Asm asm;
        private int[] functionAddress = new int[FUNCTIONS];
        /** The same functions returning by {@code jr t0}: translated code runs copies of the short ones (see InlinedRoutines). */
        private int[] functionReturningByT0 = new int[FUNCTIONS];

        Assembler(Program program) {
            this.program = program;
        }

        byte[] assemble() {
            pass();               // learn where the functions are
            return pass().bytes();
        }

        private Asm pass() {
            asm = new Asm();
            asm.li(S0, RAM_POINTER);
            for (int i = 0; i < DESTINATIONS.length; i++) {
                asm.li(DESTINATIONS[i], program.initialValues().get(i));
            }
            List<Chunk> chunks = program.chunks();
            for (int i = 0; i < chunks.size(); i++) {
                chunk(chunks.get(i), chunks.subList(i + 1, chunks.size()));
            }
            asm.exit();
            int[] addresses = new int[FUNCTIONS];
            for (int f = 0; f < FUNCTIONS; f++) {
                addresses[f] = asm.here();
                for (Chunk chunk : program.functions().get(f)) {
                    simple(chunk);
                }
                asm.jalr(0, RA, 0);
            }
            int[] byT0 = new int[FUNCTIONS];
            for (int f = 0; f < FUNCTIONS; f++) {
                byT0[f] = asm.here();
                for (Chunk chunk : program.functions().get(f)) {
                    simple(chunk);
                }
                asm.jalr(0, T0, 0); // t0 is a chunk destination too: a function may return elsewhere
            }
            functionReturningByT0 = byT0;
            functionAddress = addresses;
            return asm;
        }

        private void chunk(Chunk c, List<Chunk> following) {
            switch (c.kind()) {
                case WILD_ACCESS -> {
                    int width = c.a() % 3;
                    if (c.a() < 3) {
                        asm.word(Asm.i(c.c(), c.b(), width, c.d(), 0x03));
                    } else {
                        asm.word(Asm.s(c.c(), c.d(), c.b(), width, 0x23));
                    }
                }
                case SKIP -> {
                    // branch over the next d chunks: their size is what assembling them alone takes
                    int skipped = size(following.subList(0, Math.min(c.d(), following.size())));
                    asm.word(Asm.b(4 + skipped, c.c(), c.b(), new int[] {0, 1, 4, 5, 6, 7}[c.a()]));
                }
                case LOOP -> {
                    asm.li(S1, c.a());
                    int top = asm.here();
                    for (int i = 0; i < c.b(); i++) {
                        simple(new Chunk(Kind.ALU_I, Math.floorMod(c.c() + i, 9), DESTINATIONS[Math.floorMod(c.c() >> 4 + i, 6)],
                                DESTINATIONS[Math.floorMod(c.c() >> 8, 6)], c.c() >> i));
                    }
                    asm.addi(S1, S1, -1);
                    asm.bne(S1, 0, top - asm.here());
                }
                case CALL -> asm.jal(RA, functionAddress[c.a()] - asm.here());
                case CALL_T0 -> asm.jal(T0, functionReturningByT0[c.a()] - asm.here());
                case CALL_INDIRECT -> {
                    int offset = functionAddress[c.a()] - asm.here();
                    int low = offset << 20 >> 20;
                    asm.auipc(T2, (offset - low) >>> 12);
                    asm.addi(T2, T2, low);
                    asm.jalr(RA, T2, 0);
                }
                case ECALL_ENOSYS -> asm.addi(A7, 0, 123).ecall();
                case ECALL_WRITE -> asm.addi(A0, 0, 1).addi(A1, S0, 0).addi(A2, 0, c.a()).addi(A7, 0, 64).ecall();
                case FENCE_I -> asm.word(0x0000100F);
                case FLOAT_OR_LOAD_RESERVED -> asm.word(c.a() == 0
                        ? 0xF0000053 | c.b() << 15 | 1 << 7      // fmv.w.x f1, rs1
                        : 0x1000202F | S0 << 15 | c.b() << 7);   // lr.w rd, (s0)
                case ILLEGAL -> asm.word(0);
                case JUMP_TO_SELF -> asm.jal(0, 0);
                case FLOAT_CSR -> floatCsr(c.a(), c.b(), c.c());
                default -> simple(c);
            }
        }

        private int size(List<Chunk> chunks) {
            Asm saved = asm;
            asm = new Asm();
            for (int i = 0; i < chunks.size(); i++) {
                chunk(chunks.get(i), chunks.subList(i + 1, chunks.size()));
            }
            int size = asm.here();
            asm = saved;
            return size;
        }

        private void simple(Chunk c) {
            int rd = c.b();
            switch (c.kind()) {
                case ALU_R -> {
                    int[][] encodings = {
                        {0x00, 0}, {0x20, 0}, {0x00, 1}, {0x00, 2}, {0x00, 3}, {0x00, 4}, {0x00, 5}, {0x20, 5},
                        {0x00, 6}, {0x00, 7}, {0x01, 0}, {0x01, 1}, {0x01, 2}, {0x01, 3}, {0x01, 4}, {0x01, 5},
                        {0x01, 6}, {0x01, 7}, {0x10, 2}, {0x10, 4}, {0x10, 6}, {0x20, 7}, {0x20, 6}, {0x20, 4},
                        {0x05, 4}, {0x05, 5}, {0x05, 6}, {0x05, 7}, {0x30, 1}, {0x30, 5}, {0x24, 1}, {0x24, 5},
                        {0x34, 1}, {0x14, 1}, {0x00, 0}, {0x20, 0}, {0x00, 1}};
                    int[] e = encodings[c.a()];
                    asm.word(Asm.r(e[0], c.d(), c.c(), e[1], rd, 0x33));
                }
                case ALU_I -> {
                    int imm = c.d() << 20 >> 20;
                    int shamt = c.d() & 31;
                    switch (c.a()) {
                        case 0 -> asm.addi(rd, c.c(), imm);
                        case 1 -> asm.slti(rd, c.c(), imm);
                        case 2 -> asm.sltiu(rd, c.c(), imm);
                        case 3 -> asm.xori(rd, c.c(), imm);
                        case 4 -> asm.ori(rd, c.c(), imm);
                        case 5 -> asm.andi(rd, c.c(), imm);
                        case 6 -> asm.slli(rd, c.c(), shamt);
                        case 7 -> asm.srli(rd, c.c(), shamt);
                        case 8 -> asm.srai(rd, c.c(), shamt);
                        case 9 -> asm.word(Asm.r(0x30, shamt, c.c(), 5, rd, 0x13));   // rori
                        case 10 -> asm.word(Asm.r(0x24, shamt, c.c(), 1, rd, 0x13));  // bclri
                        case 11 -> asm.word(Asm.r(0x24, shamt, c.c(), 5, rd, 0x13));  // bexti
                        default -> asm.word(Asm.r(0x14, shamt, c.c(), 1, rd, 0x13));  // bseti
                    }
                }
                case UNARY -> asm.word(switch (c.a()) {
                    case 0 -> 0x60001013;   // clz
                    case 1 -> 0x60101013;   // ctz
                    case 2 -> 0x60201013;   // cpop
                    case 3 -> 0x60401013;   // sext.b
                    case 4 -> 0x60501013;   // sext.h
                    case 5 -> 0x28705013;   // orc.b
                    case 6 -> 0x69805013;   // rev8
                    case 7 -> 0x68001013 | 5 << 20;   // binvi rd, rs1, 5
                    default -> 0x08004033;  // zext.h
                } | c.c() << 15 | rd << 7);
                case UPPER -> asm.word(Asm.u(c.c() & 0xFFFFF, rd, c.a() == 0 ? 0x37 : 0x17));
                case COMPRESSED -> {
                    int imm = c.d() % 31 + 1;
                    switch (c.a()) {
                        case 0 -> asm.half(0x0001 | (imm & 0x20) << 7 | rd << 7 | (imm & 0x1F) << 2);  // c.addi
                        case 1 -> asm.half(0x8002 | rd << 7 | Math.max(c.c(), 1) << 2);                 // c.mv
                        default -> asm.half(0x9002 | rd << 7 | Math.max(c.c(), 1) << 2);                // c.add
                    }
                }
                case LOAD -> asm.word(Asm.i(c.c(), S0, new int[] {0, 1, 2, 4, 5}[c.a()], rd, 0x03));
                case STORE -> asm.word(Asm.s(c.c(), rd, S0, c.a(), 0x23));
                case COUNTER -> asm.csrrs(rd, new int[] {0xC00, 0xC02, 0xC80, 0xB02}[c.a()], 0);
                case AMO -> asm.word(Asm.r(new int[] {0x01, 0x00, 0x04, 0x0C, 0x08, 0x10, 0x14, 0x18, 0x1C}[c.a()] << 2,
                        c.c(), S0, 2, rd, 0x2F));
                case FLOAT_FROM_BITS -> {
                    if (c.a() == 0) {                         // fmv.w.x f, t0: a NaN-boxed single
                        asm.li(T0, c.c());
                        asm.word(0xF0000053 | T0 << 15 | rd << 7);
                    } else {                                  // fld f, -16(s0) after storing both words
                        asm.li(T0, c.c());
                        asm.sw(T0, S0, -16);
                        asm.li(T0, c.d());
                        asm.sw(T0, S0, -12);
                        asm.word(Asm.i(-16, S0, 3, rd, 0x07));
                    }
                }
                case FLOAT_OP -> {
                    FloatOp op = FLOAT_OPS.get(c.a());
                    // integer destinations only among the chunk destinations; float registers f0-f7
                    int destination = op.integerRd() ? DESTINATIONS[c.b() % DESTINATIONS.length] : c.b() & 7;
                    int source = op.integerRs1() ? c.c() : c.c() & 7;
                    int bits = op.bits() | destination << 7 | source << 15;
                    if (op.rs2()) {
                        bits |= (c.d() & 0x1F) << 20;
                    }
                    if (op.rs3()) {
                        bits |= (c.d() >> 5 & 0x1F) << 27;
                    }
                    if (op.rm()) {
                        bits |= (c.d() >> 10 & 7) << 12;
                    }
                    asm.word(bits);
                }
                case FLOAT_MEMORY -> {
                    int base = c.d();
                    switch (c.a()) {
                        case 0 -> asm.word(Asm.i(c.c(), base, 2, rd, 0x07));       // flw
                        case 1 -> asm.word(Asm.i(c.c(), base, 3, rd, 0x07));       // fld
                        case 2 -> asm.word(Asm.s(c.c(), rd, base, 2, 0x27));       // fsw
                        default -> asm.word(Asm.s(c.c(), rd, base, 3, 0x27));      // fsd
                    }
                }
                default -> throw new IllegalArgumentException(c.kind() + " is not a simple chunk");
            }
        }

        /** Reads and writes of the floating-point CSRs, and mstatus.FS off (F and D illegal) or on. */
        private void floatCsr(int which, int rd, int value) {
            switch (which) {
                case 0, 1 -> asm.word(Asm.i(FRM, value, 5, 0, 0x73));         // csrwi frm, value
                case 2 -> asm.csrrs(rd, FFLAGS, 0);                             // frflags rd
                case 3 -> asm.csrrs(rd, FCSR, 0);                               // frcsr rd
                case 4 -> asm.word(Asm.i(FFLAGS, 0, 5, 0, 0x73));               // csrwi fflags, 0
                case 5 -> asm.word(Asm.i(FFLAGS, value << 2 | 3, 5, rd, 0x73)); // csrrwi rd, fflags, some flags
                case 6 -> asm.li(T0, value << 5 | value).csrrw(rd, FCSR, T0);   // fscsr rd, t0
                case 7 -> asm.li(T0, 3 << 13).word(Asm.i(MSTATUS, T0, 3, 0, 0x73));  // FS Off: csrrc mstatus, t0
                case 8 -> asm.li(T0, 1 << 13).csrrs(0, MSTATUS, T0);            // FS Initial again
                default -> asm.csrrs(rd, MSTATUS, 0);                           // read mstatus (FS, SD)
            }
        }
    }
}
