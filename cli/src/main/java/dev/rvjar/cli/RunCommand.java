package dev.rvjar.cli;

import dev.rvjar.decode.Disassembler;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.interp.Tracer;
import dev.rvjar.lambda.CallLauncher;
import dev.rvjar.lambda.CallResult;
import dev.rvjar.lambda.ExitCodes;
import dev.rvjar.lambda.LambdaCall;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.translate.Translation;
import dev.rvjar.translate.Translator;
import dev.rvjar.translated.CodeMap;
import dev.rvjar.translated.PrecompiledProgram;
import dev.rvjar.translated.TranslatedProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        exitCodeList = {
            "0-255:the guest's exit status",
            "64:usage error",
            "65:the ROM cannot be loaded",
            "66:an input file is missing, unreadable or over 1 MiB",
            "74:RAM or OUT could not be written (old files intact)",
            "132:illegal instruction",
            "133:breakpoint (ebreak)",
            "135:misaligned jump target",
            "139:memory fault (outside the map, or store to ROM/IN)",
            "152:instruction limit reached"})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ROM", description = "the program: flat .bin, ELF, or a .jar from rvjar compile")
    Path rom;

    @Parameters(index = "1", paramLabel = "RAM", description = "the RAM state file (created on exit if missing)")
    Path ram;

    @Parameters(index = "2", paramLabel = "IN", description = "the input file: uint32 length (little-endian), then the payload")
    Path in;

    @Parameters(index = "3", paramLabel = "OUT", description = "the output file: written as uint32 length, then the payload")
    Path out;

    @Option(names = "--max-instructions", paramLabel = "N",
            description = "stop with status 152 after N instructions (checked at the end of each basic block; default: ${DEFAULT-VALUE})")
    long maxInstructions = LambdaCall.DEFAULT_MAX_INSTRUCTIONS;

    @Option(names = "--interpret", description = "run everything in the interpreter (no translation, no precompiled code)")
    boolean interpret;

    @Option(names = "--stats", description = "print to stderr: instructions, wall time and MIPS; translation time, "
            + "blocks and regions; how many instructions ran translated and interpreted")
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
        if (maxInstructions < 0) {
            err.println("rvjar: --max-instructions must not be negative");
            return ExitCodes.USAGE;
        }
        long started = System.nanoTime();
        try {
            return CallLauncher.launch(rom.toString(), this::loadRom, image -> {
                LambdaCall call = new LambdaCall(image, ram, in, out)
                        .maxInstructions(maxInstructions)
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

    private RomImage loadRom() throws IOException {
        if (!isJar()) {
            return RomImage.read(rom);
        }
        if (!Files.exists(rom)) {
            throw new NoSuchFileException(rom.toString());
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
            CodeMap map = program.codeMap();
            translationSummary = String.format("precompiled: %d blocks in %d regions", map.blockCount(), map.regionCount());
            return call.rv32e(rv32e || program.rv32e()).translation(program::attach);
        }
        LambdaCall.checkImageFitsRom(image);
        long t0 = System.nanoTime();
        Translation translation = Translator.translate(image, McuLayout.regions(), rv32e || image.rv32e());
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
        double seconds = nanos / 1e9;
        err.printf("rvjar: %d instructions in %.3f s (%.1f MIPS)%n", result.instructions(), seconds,
                result.instructions() / seconds / 1e6);
        if (translationSummary != null) {
            err.println("rvjar: " + translationSummary);
        }
        if (translationNanos > 0) {
            err.printf("rvjar: time: translation %.1f ms, class loading %.1f ms, the call (execution, files) %.1f ms%n",
                    translationNanos / 1e6, loadingNanos / 1e6, (nanos - translationNanos - loadingNanos) / 1e6);
        }
        TranslatedCode code = call.machine() == null ? null : call.machine().translatedCode();
        if (code instanceof TranslatedProgram program) {
            long translatedCount = program.translatedInstructions();
            err.printf("rvjar: ran %d instructions translated (%.1f%%), %d interpreted; %d region entries, %d regions invalidated%n",
                    translatedCount, result.instructions() == 0 ? 0.0 : 100.0 * translatedCount / result.instructions(),
                    result.instructions() - translatedCount, program.regionEntries(), program.invalidatedRegions());
        }
    }
}
