package dev.rvjar.cli;

import dev.rvjar.decode.Disassembler;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.interp.Tracer;
import dev.rvjar.lambda.BadInputException;
import dev.rvjar.lambda.CallLauncher;
import dev.rvjar.lambda.CallHelp;
import dev.rvjar.lambda.CallOptions;
import dev.rvjar.lambda.CallResult;
import dev.rvjar.lambda.CallStatistics;
import dev.rvjar.lambda.LambdaCall;
import dev.rvjar.lambda.PathCheck;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.translate.Translation;
import dev.rvjar.translate.Translator;
import dev.rvjar.translated.PrecompiledProgram;
import dev.rvjar.translated.TranslatedProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rvjar run ROM RAM IN OUT}: one call of the ROM, as the machine contract defines it. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one call of ROM: resets the machine, maps ROM, RAM, IN and OUT, runs until the guest exits, "
                + "then writes RAM and OUT back atomically. A guest fault or the instruction limit leaves RAM and OUT unchanged.",
            "",
            "ROM is a flat binary (objcopy -O binary) or an RV32 ELF file, translated to JVM bytecode in memory before it runs, "
                + "or a jar made by rvjar compile, whose precompiled code runs as it is. A missing RAM or OUT file reads as zeros; "
                + "a missing IN file is an error."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {CallHelp.STATUS_GUEST, CallHelp.STATUS_USAGE, CallHelp.STATUS_BAD_ROM, CallHelp.STATUS_BAD_INPUT,
            CallHelp.STATUS_INTERNAL, CallHelp.STATUS_CANNOT_WRITE, CallHelp.STATUS_ILLEGAL, CallHelp.STATUS_BREAKPOINT,
            CallHelp.STATUS_MISALIGNED, CallHelp.STATUS_MEMORY, CallHelp.STATUS_LIMIT})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ROM", description = "the program: flat .bin, ELF, or a .jar from rvjar compile")
    Path rom;

    @Parameters(index = "1", paramLabel = "RAM", description = CallHelp.RAM)
    Path ram;

    @Parameters(index = "2", paramLabel = "IN", description = CallHelp.IN)
    Path in;

    @Parameters(index = "3", paramLabel = "OUT", description = CallHelp.OUT)
    Path out;

    /** Null without the option: then a compiled jar's own default applies, or {@link LambdaCall#DEFAULT_MAX_INSTRUCTIONS}. */
    @Option(names = CallOptions.MAX_INSTRUCTIONS, paramLabel = "N", converter = InstructionLimitConverter.class,
            description = CallHelp.MAX_INSTRUCTIONS + " (default: " + LambdaCall.DEFAULT_MAX_INSTRUCTIONS
                    + ", or the one a jar was compiled with)")
    Long maxInstructions;

    @Option(names = "--interpret", description = "run everything in the interpreter (no translation, no precompiled code)")
    boolean interpret;

    @Option(names = CallOptions.STATS, description = CallHelp.STATS + "; translation and class-loading time")
    boolean stats;

    @Option(names = "--trace", description = "print every executed instruction, disassembled, to stderr (implies --interpret)")
    boolean trace;

    @Option(names = "--profile", description = "count instructions per function and basic block and print the top ones to stderr "
            + "(exact guest counts, the same for every engine; implies --interpret)")
    boolean profile;

    @Option(names = "--dump-classes", paramLabel = "DIR", description = "write the classes translated for ROM under DIR "
            + "(javap -c -p -cp DIR dev.rvjar.guest.CLASS shows their bytecode)")
    Path dumpClasses;

    @Option(names = "--rv32e", description = "strict RV32E: x16-x31 are illegal and the syscall number is in t0 (automatic for RV32E ELF files)")
    boolean rv32e;

    /** What translation did before the call, for --stats; null when interpreting. */
    private String translationSummary;
    /** Time spent translating and loading generated classes, for --stats. */
    private long translationNanos;
    private long loadingNanos;
    /** The opened precompiled jar, when ROM is one. */
    private URLClassLoader jarLoader;
    private PrecompiledProgram precompiled;

    @Override
    public Integer call() {
        PrintStream err = main.stderr;
        long started = System.nanoTime();
        try {
            return CallLauncher.launch(rom.toString(), this::loadRom, image -> {
                LambdaCall call = new LambdaCall(image, ram, in, out)
                        .maxInstructions(maxInstructions != null ? maxInstructions
                                : isJar() ? precompiled().properties().maxInstructions() : LambdaCall.DEFAULT_MAX_INSTRUCTIONS)
                        .rv32e(rv32e)
                        .output(main.stdout, err);
                Tracer printer = !trace ? null : (pc, instruction) ->
                        err.printf("%08x:  %s  %s%n", pc, instruction.isCompressed()
                                        ? String.format("    %04x", instruction.bits) : String.format("%08x", instruction.bits),
                                Disassembler.format(instruction, pc, image::symbolAt));
                if (profile) {
                    profiler = new GuestProfile();
                    profiledImage = image;
                }
                Tracer tracer = profiler == null ? printer : printer == null ? profiler : (pc, instruction) -> {
                    profiler.beforeExecute(pc, instruction);
                    printer.beforeExecute(pc, instruction);
                };
                if (tracer != null) {
                    call.onMachine(machine -> machine.interpreter().trace(tracer));
                }
                return interpret || trace || profile ? call : translated(call, image, err);
            }, (call, result) -> {
                if (profiler != null) {
                    profiler.report(err, profiledImage);
                }
                if (stats) {
                    printStats(err, call, result, System.nanoTime() - started);
                }
            }, err);
        } finally {
            closeJar();
        }
    }

    private GuestProfile profiler;
    private RomImage profiledImage;

    private boolean isJar() {
        return rom.getFileName() != null && rom.getFileName().toString().endsWith(".jar");
    }

    private RomImage loadRom() throws IOException, BadInputException {
        PathCheck.rom(rom);
        if (!isJar()) {
            return RomImage.read(rom);
        }
        try {
            jarLoader = new URLClassLoader(new java.net.URL[] {rom.toUri().toURL()}, RunCommand.class.getClassLoader());
            return precompiled().image();
        } catch (IOException e) {
            throw new RomFormatException(e.getMessage());
        }
    }

    private PrecompiledProgram precompiled() throws IOException {
        if (precompiled == null) {
            precompiled = PrecompiledProgram.load(jarLoader);
        }
        return precompiled;
    }

    private LambdaCall translated(LambdaCall call, RomImage image, PrintStream err) throws IOException {
        if (isJar()) {
            PrecompiledProgram program = precompiled();
            translationSummary = program.summary();
            return call.rv32e(rv32e || program.rv32e()).translation(program::attach);
        }
        LambdaCall.checkImageFitsRom(image);
        long t0 = System.nanoTime();
        Translation translation = Translator.translate(image, McuLayout.LAYOUT, rv32e || image.rv32e());
        translationNanos = System.nanoTime() - t0;
        Translation.Statistics s = translation.statistics();
        translationSummary = String.format("translation: %.1f ms, %d blocks (%d instructions) in %d regions, largest method %d bytes",
                s.nanos() / 1e6, s.blocks(), s.instructions(), s.regions(), s.largestMethod());
        if (dumpClasses != null) {
            int n = ClassDump.write(translation.classes(), dumpClasses);
            err.println("rvjar: wrote " + n + " classes under " + dumpClasses);
        }
        long t1 = System.nanoTime();
        var code = translation.forMachines();
        loadingNanos = System.nanoTime() - t1;
        return call.translation(code);
    }

    private void closeJar() {
        if (jarLoader != null) {
            try {
                jarLoader.close();
            } catch (IOException e) {
                // nothing was written through it; closing only releases the file
            }
        }
    }

    private void printStats(PrintStream err, LambdaCall call, CallResult result, long nanos) {
        String times = translationNanos == 0 ? null
                : String.format("time: translation %.1f ms, class loading %.1f ms, the call (execution, files) %.1f ms",
                        translationNanos / 1e6, loadingNanos / 1e6, (nanos - translationNanos - loadingNanos) / 1e6);
        TranslatedCode code = call.machine() == null ? null : call.machine().translatedCode();
        String execution = code instanceof TranslatedProgram program ? program.executionSummary(result.instructions()) : null;
        CallStatistics.print(err, result.instructions(), nanos, translationSummary, times, execution);
    }
}
