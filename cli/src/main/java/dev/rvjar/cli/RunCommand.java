package dev.rvjar.cli;

import dev.rvjar.decode.Disassembler;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.interp.Tracer;
import dev.rvjar.lambda.BadInputException;
import dev.rvjar.lambda.CallResult;
import dev.rvjar.lambda.LambdaCall;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
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
            "ROM is a flat binary (objcopy -O binary) or an RV32 ELF file. A missing RAM or OUT file reads as zeros; "
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

    @Parameters(index = "0", paramLabel = "ROM", description = "the program: flat .bin or ELF")
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

    @Option(names = "--stats", description = "print instructions, wall time and MIPS to stderr")
    boolean stats;

    @Option(names = "--trace", description = "print every executed instruction, disassembled, to stderr")
    boolean trace;

    @Option(names = "--profile", description = "count instructions per function and basic block and print the top ones to stderr "
            + "(exact guest counts, the same for every engine; runs interpreted)")
    boolean profile;

    @Option(names = "--rv32e", description = "strict RV32E: x16-x31 are illegal and the syscall number is in t0 (automatic for RV32E ELF files)")
    boolean rv32e;

    @Override
    public Integer call() {
        PrintStream err = main.stderr;
        if (maxInstructions < 0) {
            err.println("rvjar: --max-instructions must not be negative");
            return ExitCodes.USAGE;
        }
        long started = System.nanoTime();
        try {
            RomImage image = RomImage.read(rom);
            LambdaCall call = new LambdaCall(image, ram, in, out)
                    .maxInstructions(maxInstructions)
                    .rv32e(rv32e)
                    .output(main.stdout, err);
            CallResult result = runTraced(call, image, err);
            if (stats) {
                printStats(err, result, System.nanoTime() - started);
            }
            return report(result, err);
        } catch (NoSuchFileException e) {
            err.println("rvjar: ROM file " + rom + " does not exist");
            return ExitCodes.BAD_INPUT;
        } catch (RomFormatException e) {
            err.println("rvjar: " + rom + ": " + e.getMessage());
            return ExitCodes.BAD_ROM;
        } catch (BadInputException e) {
            err.println("rvjar: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("rvjar: " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
    }

    private CallResult runTraced(LambdaCall call, RomImage image, PrintStream err) throws BadInputException, IOException {
        if (!trace && !profile) {
            return call.run();
        }
        GuestProfile profiler = profile ? new GuestProfile() : null;
        Tracer printer = !trace ? null : (pc, in) ->
                err.printf("%08x:  %s  %s%n", pc, in.isCompressed() ? String.format("    %04x", in.bits) : String.format("%08x", in.bits),
                        Disassembler.format(in, pc, image::symbolAt));
        Tracer tracer = profiler == null ? printer : printer == null ? profiler : (pc, in) -> {
            profiler.beforeExecute(pc, in);
            printer.beforeExecute(pc, in);
        };
        CallResult result = call.onMachine(machine -> machine.interpreter().trace(tracer)).run();
        if (profiler != null) {
            profiler.report(err, image);
        }
        return result;
    }

    private static void printStats(PrintStream err, CallResult result, long nanos) {
        double seconds = nanos / 1e9;
        err.printf("rvjar: %d instructions in %.3f s (%.1f MIPS)%n", result.instructions(), seconds,
                result.instructions() / seconds / 1e6);
    }

    private static int report(CallResult result, PrintStream err) {
        return switch (result.outcome()) {
            case EXITED -> result.exitStatus() & 0xFF;
            case FAULTED -> {
                err.println("rvjar: guest fault: " + result.fault().getMessage() + " after " + result.instructions() + " instructions");
                yield ExitCodes.forFault(result.fault().kind());
            }
            case INSTRUCTION_LIMIT -> {
                err.printf("rvjar: instruction limit reached: %d instructions, pc 0x%08x%n", result.instructions(), result.pc());
                yield ExitCodes.INSTRUCTION_LIMIT;
            }
        };
    }
}
