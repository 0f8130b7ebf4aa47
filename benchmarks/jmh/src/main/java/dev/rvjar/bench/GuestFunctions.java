package dev.rvjar.bench;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Cpu;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import dev.rvjar.translate.Translation;
import dev.rvjar.translate.Translator;
import dev.rvjar.translated.TranslatedProgram;

import java.io.OutputStream;

/**
 * A ROM of tiny guest functions, and a machine that calls one of them from Java the way a
 * {@code vmcall} would with today's API: pc at the function, the argument in a0, the return address
 * at a {@code j .} (which stops the machine), then {@link Machine#simulateQuietly(long)} and a0.
 * A stopped machine runs again on the next {@code simulateQuietly}, so one machine serves every call.
 *
 * <p>The functions start at fixed addresses and main calls each once, so the translator sees every
 * one as a call target, the start of its own region.
 */
final class GuestFunctions {
    /** Where main stops, and where every call from Java returns to: a {@code j .}. */
    static final int HALT = 0x80;
    /** {@code sum(n)}: a1 += a0 while --a0 != 0, one backward branch per iteration inside the function. */
    static final int COUNTED_LOOP = 0x100;
    /** {@code callLoop(n)}: n calls of {@link #INCREMENT} (a linked call in translated code), summing the results. */
    static final int CALL_LOOP = 0x200;
    /** {@code indirectLoop(n)}: like {@link #COUNTED_LOOP}, but each iteration also jumps through a register ({@code jalr}). */
    static final int INDIRECT_LOOP = 0x300;
    /** {@code 3 * a0 + 1}: the function called from Java. */
    static final int TRIPLE_PLUS_ONE = 0x400;
    /** {@code a0 + 1}: the callee of {@link #CALL_LOOP}. */
    static final int INCREMENT = 0x500;

    private static final int STACK_TOP = McuLayout.RAM_BASE + McuLayout.REGION_SIZE;
    private static final int RA = 1;
    private static final int SP = 2;
    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int A0 = 10;
    private static final int A1 = 11;

    private static final RomImage IMAGE = RomImage.flat(assemble());

    private final Machine machine;
    private final TranslatedProgram program;

    private GuestFunctions(boolean translated) {
        machine = Machine.builder().regions(McuLayout.regions()).image(IMAGE).entry(0)
                .stdout(OutputStream.nullOutputStream()).stderr(OutputStream.nullOutputStream()).build();
        if (translated) {
            Translation translation = Translator.translate(IMAGE);
            program = TranslatedProgram.attach(machine, translation.codeMap(), translation.load());
            machine.useTranslatedCode(program);
            if (translation.codeMap().regionAt(CALL_LOOP) == translation.codeMap().regionAt(INCREMENT)) {
                throw new IllegalStateException("the callee shares its caller's region: callLoop would measure no call between regions");
            }
        } else {
            program = null;
        }
        if (!machine.simulateQuietly(1_000_000) || machine.cpu().pc != HALT) {
            throw new IllegalStateException("main did not reach its halt");
        }
    }

    /** A machine that runs the functions in the interpreter ({@code "interpreted"}) or as translated code ({@code "translated"}). */
    static GuestFunctions on(String engine) {
        return switch (engine) {
            case "interpreted" -> new GuestFunctions(false);
            case "translated" -> new GuestFunctions(true);
            default -> throw new IllegalArgumentException("engine " + engine);
        };
    }

    /** Calls the function at {@code address} with {@code argument} and returns its a0. */
    int call(int address, int argument) {
        Cpu cpu = machine.cpu();
        cpu.pc = address;
        cpu.x[A0] = argument;
        cpu.x[RA] = HALT;
        cpu.x[SP] = STACK_TOP;
        if (!machine.simulateQuietly(Long.MAX_VALUE)) {
            throw new IllegalStateException("the guest did not stop");
        }
        return cpu.x[A0];
    }

    /**
     * Calls the function and checks its result against {@code expected}, worked out in Java, and that
     * translated code ran all of it without leaving the function's region except for the return to
     * the halt (two region entries): a benchmark that fell back to the interpreter, or whose calls
     * went through the dispatch loop instead of being linked, would not measure what it says.
     */
    void check(int address, int argument, int expected) {
        long instructionsBefore = machine.instructionCounter();
        long translatedBefore = program == null ? 0 : program.translatedInstructions();
        long entriesBefore = program == null ? 0 : program.regionEntries();
        int actual = call(address, argument);
        if (actual != expected) {
            throw new IllegalStateException(String.format("function %#x(%d) = %d, expected %d", address, argument, actual, expected));
        }
        if (program != null) {
            long instructions = machine.instructionCounter() - instructionsBefore;
            long translated = program.translatedInstructions() - translatedBefore;
            long entries = program.regionEntries() - entriesBefore;
            if (translated != instructions || entries != 2) {
                throw new IllegalStateException(String.format("function %#x: %d of %d instructions translated, %d region entries",
                        address, translated, instructions, entries));
            }
        }
    }

    private static byte[] assemble() {
        Asm asm = new Asm().li(SP, STACK_TOP);
        for (int function : new int[] {COUNTED_LOOP, CALL_LOOP, INDIRECT_LOOP, TRIPLE_PLUS_ONE}) {
            asm.li(A0, 1);
            asm.jal(RA, function - asm.here());
        }
        padTo(asm, HALT);
        asm.jal(0, 0);                   // j .

        padTo(asm, COUNTED_LOOP);
        asm.li(A1, 0);
        asm.add(A1, A1, A0);             // loop:
        asm.addi(A0, A0, -1);
        asm.bne(A0, 0, -8);              // bnez a0, loop
        asm.addi(A0, A1, 0);
        asm.jalr(0, RA, 0);

        padTo(asm, CALL_LOOP);
        asm.addi(SP, SP, -16);
        asm.sw(RA, SP, 12).sw(S0, SP, 8).sw(S1, SP, 4);
        asm.addi(S0, A0, 0);
        asm.li(S1, 0);
        int loop = asm.here();
        asm.addi(A0, S0, 0);             // loop:
        asm.jal(RA, INCREMENT - asm.here());
        asm.add(S1, S1, A0);
        asm.addi(S0, S0, -1);
        asm.bne(S0, 0, loop - asm.here());
        asm.addi(A0, S1, 0);
        asm.lw(RA, SP, 12).lw(S0, SP, 8).lw(S1, SP, 4);
        asm.addi(SP, SP, 16);
        asm.jalr(0, RA, 0);

        padTo(asm, INDIRECT_LOOP);
        asm.li(A1, 0);
        asm.auipc(T1, 0);                // t1 = next, the block after the jalr
        asm.addi(T1, T1, 16);
        asm.add(A1, A1, A0);             // loop:
        asm.jalr(0, T1, 0);              // jr t1
        asm.addi(A0, A0, -1);            // next:
        asm.bne(A0, 0, -12);             // bnez a0, loop
        asm.addi(A0, A1, 0);
        asm.jalr(0, RA, 0);

        padTo(asm, TRIPLE_PLUS_ONE);
        asm.slli(T0, A0, 1);
        asm.add(A0, A0, T0);
        asm.addi(A0, A0, 1);
        asm.jalr(0, RA, 0);

        padTo(asm, INCREMENT);
        asm.addi(A0, A0, 1);
        asm.jalr(0, RA, 0);
        return asm.bytes();
    }

    private static void padTo(Asm asm, int address) {
        while (asm.here() < address) {
            asm.addi(0, 0, 0);
        }
    }
}
