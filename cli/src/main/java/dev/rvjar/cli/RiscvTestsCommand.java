package dev.rvjar.cli;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.lambda.BadInputException;
import dev.rvjar.lambda.ExitCodes;
import dev.rvjar.lambda.PathCheck;
import dev.rvjar.machine.Environment;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.ToHost;
import dev.rvjar.memory.MemoryLayout;
import dev.rvjar.translate.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code rvjar riscv-tests DIR}: runs every riscv-tests ELF in DIR on a bare machine-mode hart and
 * reports pass or fail from the test's store to {@code tohost}.
 */
@Command(name = "riscv-tests",
        mixinStandardHelpOptions = true,
        description = {
            "Runs every riscv-tests ELF in DIR (files such as rv32ui-p-add; other files are skipped) on a bare "
                + "machine-mode hart: ecall and exceptions trap to mtvec, and a store of (code << 1) | 1 to the "
                + "symbol tohost ends the test (code 0 = pass, n = case n failed).",
            "Prints one line per test and a closing 'N passed, N failed' line."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every test passed", "1:some test failed", "64:usage error",
            "66:DIR is missing, not a directory or unreadable"})
final class RiscvTestsCommand implements Callable<Integer> {
    /** How guest code runs. */
    enum Mode {
        INTERPRET, TRANSLATE, BOTH;

        List<String> engines() {
            return this == BOTH ? List.of("interpret", "translate") : List.of(name().toLowerCase(Locale.ROOT));
        }
    }

    /** Where the official tests and rvjar's own conformance tests are linked. */
    static final String DEFAULT_MEMORY = "ram@0x80000000:2M:rwx";

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "DIR", description = "directory holding the test ELF files")
    Path dir;

    @Option(names = "--mode", paramLabel = "MODE", description = "interpret, translate or both (default: ${DEFAULT-VALUE})")
    String mode = "interpret";

    @Option(names = "--max-instructions", paramLabel = "N", description = "per-test instruction limit (default: ${DEFAULT-VALUE})")
    long maxInstructions = 10_000_000;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "per-test wall-clock limit (default: ${DEFAULT-VALUE})")
    double timeoutSeconds = 10;

    @Option(names = "--memory", paramLabel = "LAYOUT",
            description = "memory map as name@base:size:rights,... (default: ${DEFAULT-VALUE})")
    String memory = DEFAULT_MEMORY;

    /** Instructions run between two looks at the clock. */
    private static final long SLICE = 1_000_000;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(main.stdout, true, StandardCharsets.UTF_8);
        PrintStream err = main.stderr;
        Mode chosen;
        MemoryLayout layout;
        try {
            chosen = Mode.valueOf(mode.toUpperCase(Locale.ROOT));
            layout = MemoryLayout.parse(memory);
        } catch (IllegalArgumentException e) {
            err.println("rvjar: bad option: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<Path> tests;
        try {
            PathCheck.directory("DIR", dir);
            tests = testFiles(dir);
        } catch (IOException e) {
            err.println("rvjar: cannot list " + dir + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (BadInputException e) {
            err.println("rvjar: " + e.getMessage());
            return e.status();
        }
        int passed = 0;
        int failed = 0;
        out.printf("%-32s %s%n", "test", String.join("  ", chosen.engines()));
        for (Path test : tests) {
            List<String> verdicts = new ArrayList<>();
            for (String engine : chosen.engines()) {
                verdicts.add(run(test, layout, engine.equals("translate")));
            }
            boolean pass = verdicts.stream().allMatch("pass"::equals);
            out.printf("%-32s %s%n", test.getFileName(), String.join("  ", verdicts));
            if (pass) {
                passed++;
            } else {
                failed++;
            }
        }
        out.printf("%d passed, %d failed%n", passed, failed);
        return failed == 0 ? 0 : 1;
    }

    /** Regular files in {@code dir} that start with the ELF magic number, by name. */
    static List<Path> testFiles(Path dir) throws IOException {
        List<Path> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(file) && isElf(file)) {
                    tests.add(file);
                }
            }
        }
        return tests;
    }

    private static boolean isElf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7F && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        }
    }

    /** Runs one test, interpreted or translated; returns "pass" or what went wrong. */
    private String run(Path test, MemoryLayout layout, boolean translate) {
        try {
            RomImage image = RomImage.read(test);
            OptionalInt tohost = image.addressOf("tohost").map(OptionalInt::of).orElse(OptionalInt.empty());
            if (tohost.isEmpty()) {
                return "FAIL no tohost symbol";
            }
            Machine machine = Machine.builder()
                    .layout(layout)
                    .image(image)
                    .entry(image.entry())
                    .rv32e(image.rv32e())
                    .environment(Environment.BARE_METAL)
                    .stdout(OutputStream.nullOutputStream())
                    .stderr(OutputStream.nullOutputStream())
                    .build();
            ToHost toHost = ToHost.install(machine, tohost.getAsInt());
            if (translate) {
                machine.useTranslatedCode(Translator.translate(image, layout, image.rv32e()).forMachines().apply(machine));
            }
            return verdict(machine, toHost);
        } catch (RomFormatException | IOException | IllegalArgumentException e) {
            return "FAIL cannot load: " + e.getMessage();
        }
    }

    private String verdict(Machine machine, ToHost toHost) {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        try {
            long left = maxInstructions;
            while (!machine.resume(Math.min(left, SLICE))) {
                left = maxInstructions - machine.instructionCounter();
                if (left <= 0) {
                    return String.format("FAIL instruction limit (%d) at pc 0x%08x", maxInstructions, machine.cpu().pc);
                }
                if (System.nanoTime() > deadline) {
                    return String.format("FAIL time limit (%.1f s) at pc 0x%08x", timeoutSeconds, machine.cpu().pc);
                }
            }
        } catch (GuestFault fault) {
            return "FAIL " + fault.getMessage();
        }
        OptionalInt code = toHost.exitCode();
        if (code.isEmpty()) {
            return String.format("FAIL stopped without writing tohost (pc 0x%08x)", machine.cpu().pc);
        }
        return code.getAsInt() == 0 ? "pass" : "FAIL case " + code.getAsInt();
    }
}
