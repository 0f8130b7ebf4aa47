package dev.rvjar.cli;

import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.lambda.BadInputException;
import dev.rvjar.lambda.CallOptions;
import dev.rvjar.lambda.ExitCodes;
import dev.rvjar.lambda.LambdaCall;
import dev.rvjar.lambda.PathCheck;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.translate.PrecompiledJar;
import dev.rvjar.translate.Translation;
import dev.rvjar.translate.Translator;
import dev.rvjar.translated.ProgramProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rvjar compile ROM -o ROM.jar}: translates a ROM ahead of time into a runnable jar. */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        description = {
            "Translates ROM to JVM bytecode ahead of time and writes a self-contained jar: "
                + "'java -jar ROM.jar RAM IN OUT' then runs it exactly like 'rvjar run ROM RAM IN OUT', "
                + "with nothing else on the class path. The same ROM always gives the same jar, byte for byte."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the jar was written", "64:usage error", "65:the ROM cannot be loaded (or is a directory)",
            "66:the ROM file is missing or unreadable", "74:the jar cannot be written (a directory, or its directory is missing or not writable)"})
final class CompileCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ROM", description = "the program: flat .bin or ELF")
    Path rom;

    @Option(names = {"-o", "--output"}, paramLabel = "JAR", required = true, description = "the jar to write")
    Path output;

    @Option(names = "--rv32e", description = "translate for strict RV32E (automatic for RV32E ELF files)")
    boolean rv32e;

    @Option(names = CallOptions.MAX_INSTRUCTIONS, paramLabel = "N", converter = InstructionLimitConverter.class,
            description = "the jar's default instruction limit, which its own --max-instructions overrides (default: ${DEFAULT-VALUE})")
    long maxInstructions = LambdaCall.DEFAULT_MAX_INSTRUCTIONS;

    @Option(names = "--stats", description = "print translation time, blocks and regions to stderr")
    boolean stats;

    @Override
    public Integer call() {
        PrintStream err = main.stderr;
        byte[] romFile;
        RomImage image;
        try {
            PathCheck.rom(rom);
            PathCheck.output("JAR", output);
            romFile = Files.readAllBytes(rom);
            image = RomImage.of(romFile);
            LambdaCall.checkImageFitsRom(image);
        } catch (IOException | RomFormatException | BadInputException e) {
            return RomLoadFailure.report(e, rom, err);
        }
        boolean strict = rv32e || image.rv32e();
        Translation translation = Translator.translate(image, McuLayout.LAYOUT, strict);
        try {
            ProgramProperties properties = new ProgramProperties(rom.getFileName().toString(), strict, maxInstructions,
                    new Version().getVersion()[0]);
            PrecompiledJar.write(output, properties, romFile, translation);
        } catch (IOException e) {
            err.println("rvjar: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        if (stats) {
            Translation.Statistics s = translation.statistics();
            err.printf("rvjar: translated %d blocks (%d instructions) into %d regions in %.1f ms, largest method %d bytes%n",
                    s.blocks(), s.instructions(), s.regions(), s.nanos() / 1e6, s.largestMethod());
        }
        return 0;
    }
}
