package dev.rvjar.translate;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Cpu;
import dev.rvjar.machine.Environment;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Region;
import dev.rvjar.translated.TranslatedProgram;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything observable about one run of a guest, for comparing the interpreter with translated
 * code: how it ended, the counter and pc, every integer and floating-point register, fcsr and
 * mstatus, RAM, OUT and what it printed.
 */
record GuestRun(String ending, long instret, int pc, int[] x, long[] f, int fcsr, int mstatus, byte[] ram, byte[] out,
        String stdout, String stderr, long translatedInstructions) {

    /** Runs {@code image} on the contract's memory map, interpreted (translation null) or translated. */
    static GuestRun of(RomImage image, byte[] ram, byte[] in, long maxInstructions, Translation translation) {
        return of(image, McuLayout.regions(), image.rv32e(), ram, in, maxInstructions, translation);
    }

    static GuestRun of(RomImage image, List<Region> layout, boolean rv32e, byte[] ram, byte[] in, long maxInstructions,
            Translation translation) {
        return of(image, layout, rv32e, Environment.MCU, machine -> { }, ram, in, maxInstructions, translation);
    }

    /** Any layout and environment, and a hook to prepare the machine (such as tohost). */
    static GuestRun of(RomImage image, List<Region> layout, boolean rv32e, Environment environment,
            Consumer<Machine> setUp, byte[] ram, byte[] in, long maxInstructions, Translation translation) {
        return of(image, layout, rv32e, environment, setUp, ram, in, maxInstructions,
                translation == null ? null : translation.forMachines());
    }

    /**
     * The general form: {@code engine} attaches translated code to the machine (a translation loaded
     * in memory, or a precompiled jar's program), or is null for the interpreter alone.
     */
    static GuestRun of(RomImage image, List<Region> layout, boolean rv32e, Environment environment,
            Consumer<Machine> setUp, byte[] ram, byte[] in, long maxInstructions,
            Function<Machine, TranslatedCode> engine) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Machine machine = Machine.builder().regions(layout).image(image).rv32e(rv32e).entry(image.entry())
                .environment(environment).stdout(stdout).stderr(stderr).build();
        setUp.accept(machine);
        load(machine, McuLayout.RAM, ram);
        load(machine, McuLayout.IN, in);
        TranslatedCode program = null;
        if (engine != null) {
            program = engine.apply(machine);
            machine.useTranslatedCode(program);
        }
        String ending;
        try {
            ending = machine.simulateQuietly(maxInstructions) ? "exit " + machine.exitStatus() : "limit";
        } catch (GuestFault fault) {
            ending = "fault " + fault.getMessage();
        }
        Cpu cpu = machine.cpu();
        return new GuestRun(ending, cpu.instret, cpu.pc, cpu.x.clone(), cpu.f.clone(), cpu.frm << 5 | cpu.fflags,
                cpu.mstatus, region(machine, McuLayout.RAM), region(machine, McuLayout.OUT), stdout.toString(), stderr.toString(),
                program instanceof TranslatedProgram translated ? translated.translatedInstructions() : 0);
    }

    private static void load(Machine machine, String name, byte[] bytes) {
        if (bytes != null && machine.memory().regions().stream().anyMatch(r -> r.name().equals(name))) {
            machine.memory().region(name).load(bytes);
        }
    }

    private static byte[] region(Machine machine, String name) {
        return machine.memory().regions().stream().anyMatch(r -> r.name().equals(name))
                ? machine.memory().region(name).contents() : new byte[0];
    }

    /** A readable description of the first difference from {@code other}, or null when they agree. */
    String difference(GuestRun other) {
        if (!ending.equals(other.ending)) {
            return "ending: " + ending + " vs " + other.ending;
        }
        if (instret != other.instret || pc != other.pc) {
            return String.format("counter/pc: %d @%08x vs %d @%08x", instret, pc, other.instret, other.pc);
        }
        for (int i = 0; i < 32; i++) {
            if (x[i] != other.x[i]) {
                return String.format("x%d: %08x vs %08x", i, x[i], other.x[i]);
            }
        }
        for (int i = 0; i < 32; i++) {
            if (f[i] != other.f[i]) {
                return String.format("f%d: %016x vs %016x", i, f[i], other.f[i]);
            }
        }
        if (fcsr != other.fcsr || mstatus != other.mstatus) {
            return String.format("fcsr/mstatus: %02x %08x vs %02x %08x", fcsr, mstatus, other.fcsr, other.mstatus);
        }
        if (!Arrays.equals(ram, other.ram)) {
            return "RAM differs at offset " + Arrays.mismatch(ram, other.ram);
        }
        if (!Arrays.equals(out, other.out)) {
            return "OUT differs at offset " + Arrays.mismatch(out, other.out);
        }
        if (!stdout.equals(other.stdout) || !stderr.equals(other.stderr)) {
            return "output: " + stdout + "|" + stderr + " vs " + other.stdout + "|" + other.stderr;
        }
        return null;
    }
}
