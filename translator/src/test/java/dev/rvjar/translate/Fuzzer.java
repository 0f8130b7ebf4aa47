package dev.rvjar.translate;

import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.lambda.LambdaCall;
import dev.rvjar.machine.Environment;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.translated.PrecompiledProgram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs fuzzed ROM files ({@link FuzzInputs}) through every engine and checks the machine contract
 * on each: loading either succeeds or fails with the documented {@link RomFormatException}; the
 * interpreter, the translation loaded in memory and, for every {@code compileEvery}-th ROM, the jar
 * {@code rvjar compile} writes (its classes loaded and run in this JVM, not in a process of its own)
 * end the same way with the same state; no other host exception escapes; and no run goes on past
 * its instruction budget (plus the one straight-line stretch the limit may overrun).
 *
 * <p>ROM {@code i} of seed {@code s} is made from its own {@link Random}, so one failing ROM is
 * replayed alone: {@code --seed s --from i --count 1}. Failing ROMs are saved to the failure
 * directory with a line saying what went wrong. {@code translator/fuzz} runs it at scale; CI runs a
 * short run ({@code FuzzerTest}).
 */
final class Fuzzer {
    /**
     * How far past its budget a run may go: the limit is checked at the end of each basic block, and
     * a block of straight-line code is at most the executable memory's halfwords (ROM and RAM).
     */
    static final long LIMIT_OVERRUN = 2 * McuLayout.REGION_SIZE / 2;

    /** The largest test ROM (flat image) the fuzzer mutates. */
    static final int SMALL_ROM = 4096;

    private final FuzzInputs inputs;
    private final int compileEvery;
    private final Path workDirectory;
    private final Path failures;
    private final PrintStream log;
    private final Map<FuzzInputs.Kind, Integer> kinds = new EnumMap<>(FuzzInputs.Kind.class);
    private final Map<String, Integer> endings = new TreeMap<>();
    private final List<String> failureLines = new ArrayList<>();
    private int roms;
    /** When the ROM being checked started (System.nanoTime), for the hang watchdog. */
    private volatile long romStarted;
    private volatile String romId = "none";
    private int compiled;
    private long slowestTranslation;
    private String slowestRom = "none";

    /**
     * @param compileEvery every how many ROMs also go through a precompiled jar (0: none)
     * @param workDirectory where the jars are written
     * @param failures where failing ROMs are saved (null: not saved)
     */
    Fuzzer(FuzzInputs inputs, int compileEvery, Path workDirectory, Path failures, PrintStream log) {
        this.inputs = inputs;
        this.compileEvery = compileEvery;
        this.workDirectory = workDirectory;
        this.failures = failures;
        this.log = log;
    }

    /**
     * Inputs made from the small test ROMs under {@code build}: each flat {@code .bin} image of at
     * most {@link #SMALL_ROM} bytes and its {@code .elf} file. Small, so that each fuzzed ROM is
     * cheap to translate and a million of them run in hours on a shared machine.
     */
    static FuzzInputs inputsFrom(Path build) throws IOException {
        List<byte[]> flat = new ArrayList<>();
        List<byte[]> elf = new ArrayList<>();
        try (Stream<Path> files = Files.walk(build, 2)) {
            for (Path file : files.sorted().toList()) {
                String name = file.toString();
                if (name.endsWith(".bin") && Files.size(file) <= SMALL_ROM) {
                    flat.add(Files.readAllBytes(file));
                    Path elfFile = Path.of(name.substring(0, name.length() - 4) + ".elf");
                    if (Files.exists(elfFile)) {
                        elf.add(Files.readAllBytes(elfFile));
                    }
                }
            }
        }
        return new FuzzInputs(flat, elf);
    }

    /** The random source of ROM {@code index} of {@code seed}. */
    static Random random(long seed, long index) {
        return new Random(seed * 0x9E37_79B9_7F4A_7C15L + index);
    }

    /** Runs ROMs {@code from} to {@code from + count - 1} of {@code seed}; returns the number of failures. */
    int run(long seed, long from, int count) {
        for (long index = from; index < from + count; index++) {
            FuzzInputs.Input input;
            try {
                input = inputs.next(random(seed, index));
            } catch (RuntimeException e) { // a generator bug: reported as a failure, not the end of the chunk
                String line = "FAIL seed " + seed + " ROM " + index + ": the generator threw " + e;
                failureLines.add(line);
                log.println(line);
                continue;
            }
            String id = "seed " + seed + " ROM " + index + " (" + input.kind().name().toLowerCase().replace('_', '-') + ")";
            romId = id;
            romStarted = System.nanoTime();
            String problem;
            try {
                problem = check(input, id, index % Math.max(compileEvery, 1) == 0 && compileEvery > 0);
            } catch (Throwable e) {
                problem = "host exception " + e;
            }
            if (problem != null) {
                fail(id, input, problem);
            }
        }
        return failureLines.size();
    }

    /** Checks one ROM; returns what went wrong, or null. */
    private String check(FuzzInputs.Input input, String id, boolean throughJar) throws IOException {
        roms++;
        kinds.merge(input.kind(), 1, Integer::sum);
        RomImage image;
        try {
            image = RomImage.of(input.rom());
            LambdaCall.checkImageFitsRom(image);
        } catch (RomFormatException e) {
            endings.merge("rejected", 1, Integer::sum);
            return null;
        }
        GuestRun interpreted = GuestRun.of(image, null, input.in(), input.budget(), null);
        endings.merge(interpreted.ending().replaceAll(" .*", ""), 1, Integer::sum);
        if (interpreted.instret() > input.budget() + LIMIT_OVERRUN) {
            return "ran " + interpreted.instret() + " instructions on a budget of " + input.budget();
        }
        long started = System.nanoTime();
        Translation translation = Translator.translate(image);
        long nanos = System.nanoTime() - started;
        if (nanos > slowestTranslation) {
            slowestTranslation = nanos;
            slowestRom = id + ", " + input.rom().length + " bytes";
        }
        TranslationLimitsTest.methodSizes(translation.classes()).forEach((method, size) -> {
            if (size >= dev.rvjar.emit.RegionEmitter.HUGE_METHOD_LIMIT) {
                throw new AssertionError(method + " has " + size + " bytes of bytecode");
            }
        });
        GuestRun translated = GuestRun.of(image, null, input.in(), input.budget(), translation);
        String difference = interpreted.difference(translated);
        if (difference != null) {
            return "interpreted vs translated: " + difference;
        }
        if (throughJar) {
            compiled++;
            difference = interpreted.difference(throughPrecompiledJar(input, image, translation));
            if (difference != null) {
                return "interpreted vs precompiled jar: " + difference;
            }
        }
        return null;
    }

    /** What {@code rvjar compile} then {@code rvjar run ROM.jar} do, in this JVM: write the jar, load it, run it. */
    private GuestRun throughPrecompiledJar(FuzzInputs.Input input, RomImage image, Translation translation)
            throws IOException {
        Path jar = workDirectory.resolve("fuzz.jar");
        PrecompiledJar.write(jar, new dev.rvjar.translated.ProgramProperties("fuzz.rom", image.rv32e(), dev.rvjar.lambda.LambdaCall.DEFAULT_MAX_INSTRUCTIONS, "rvjar fuzzer"), input.rom(), translation);
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                Fuzzer.class.getClassLoader())) {
            PrecompiledProgram program = PrecompiledProgram.load(loader);
            RomImage fromJar = program.image();
            return GuestRun.of(fromJar, McuLayout.regions(), program.rv32e(), Environment.MCU, machine -> { }, null,
                    input.in(), input.budget(), program::attach);
        }
    }

    private void fail(String id, FuzzInputs.Input input, String problem) {
        String line = "FAIL " + id + ": " + problem;
        failureLines.add(line);
        log.println(line);
        if (failures != null) {
            try {
                Files.createDirectories(failures);
                String name = id.replaceAll("[^A-Za-z0-9-]+", "-");
                Files.write(failures.resolve(name + ".rom"), input.rom());
                Files.writeString(failures.resolve(name + ".txt"), line + "\nbudget " + input.budget() + "\n");
            } catch (IOException e) {
                log.println("fuzz: cannot save the failing ROM: " + e.getMessage());
            }
        }
    }

    /**
     * Starts a daemon thread that reports a ROM running longer than {@code seconds} as a hang and
     * ends the process with status 2 (a hung guest cannot be stopped from outside its thread).
     */
    void watchForHangs(int seconds) {
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long started = romStarted;
                if (started != 0 && System.nanoTime() - started > seconds * 1_000_000_000L) {
                    log.println("FAIL " + romId + ": hang, still running after " + seconds + " s");
                    log.flush();
                    Runtime.getRuntime().halt(2);
                }
            }
        }, "fuzz-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    List<String> failureLines() {
        return failureLines;
    }

    /** One line: how many ROMs of each kind, how they ended, how many went through a jar, failures. */
    String summary() {
        return String.format("%d ROMs %s, endings %s, %d also through a precompiled jar, slowest translation %.1f ms (%s), %d failures",
                roms, kinds, endings, compiled, slowestTranslation / 1e6, slowestRom, failureLines.size());
    }

    /**
     * {@code Fuzzer --seed S --from I --count N [--compile-every K] [--roms DIR] [--failures DIR]}:
     * runs ROMs I to I+N-1 of seed S, prints a summary line, exits 1 when any failed.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new TreeMap<>(Map.of("--seed", "1", "--from", "0", "--count", "1000",
                "--compile-every", "16", "--roms", "../testroms/build", "--failures", "fuzz-failures"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("fuzz: unknown option " + args[i]);
                System.exit(64);
            }
            options.put(args[i], args[i + 1]);
        }
        long seed = Long.parseLong(options.get("--seed"));
        long from = Long.parseLong(options.get("--from"));
        int count = Integer.parseInt(options.get("--count"));
        Path work = Files.createTempDirectory("rvjar-fuzz");
        net.jqwik.api.sessions.JqwikSession.start(); // the random programs come from jqwik generators
        Fuzzer fuzzer = new Fuzzer(inputsFrom(Path.of(options.get("--roms"))),
                Integer.parseInt(options.get("--compile-every")), work, Path.of(options.get("--failures")), System.out);
        fuzzer.watchForHangs(60);
        long started = System.nanoTime();
        int failed = fuzzer.run(seed, from, count);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fuzz: seed %d ROMs %d-%d: %s; %.1f s, %.0f ROMs/s%n", seed, from, from + count - 1,
                fuzzer.summary(), seconds, count / seconds);
        Files.deleteIfExists(work.resolve("fuzz.jar"));
        Files.deleteIfExists(work);
        System.exit(failed == 0 ? 0 : 1);
    }
}
