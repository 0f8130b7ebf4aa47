package dev.rvjar.bench;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The bench command: runs every benchmark natively, under qemu-riscv32, and on rvjar (translated
 * warm in this JVM, translated cold as a whole {@code java -jar} process, interpreted), side by side
 * in one run, and prints times, speed ratios, geometric means and guest MIPS.
 *
 * <p>Every time is the minimum of the repetitions (the machine is shared and noisy; the minimum is
 * the run least disturbed). Every run's result is checked: a benchmark that does not exit 0 shows
 * its failure instead of a time.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the benchmark suite natively, under QEMU user mode and on rvjar, side by side.")
public final class Bench implements Callable<Integer> {
    /** The process CPU-time meter the suite's Makefile builds (tools/cputime.c). */
    static final String CPU_METER = "build/native-tools/cputime";

    @Option(names = "--dir", description = "the benchmarks directory (default: found from the working directory)")
    Path dir;

    @Option(names = "--only", split = ",", description = "run only these benchmarks")
    List<String> only;

    @Option(names = "--target", description = "RV32 build of the integer benchmarks (default: ${DEFAULT-VALUE})")
    String target = "rv32imac";

    @Option(names = "--fp-target", description = "RV32 build of the floating-point benchmarks (default: ${DEFAULT-VALUE}: "
            + "hardware F/D; with rv32imac they run soft-float, hundreds of times more instructions)")
    String fpTarget = "rv32gc";

    @Option(names = "--scale", description = "scale of every benchmark: 0 = each one's default (the bench size), 1 = the tiny CI size")
    int scale;

    @Option(names = "--repeat", description = "runs per measurement for native, QEMU and translated code (default: ${DEFAULT-VALUE})")
    int repeat = 3;

    @Option(names = "--interpreter-repeat", description = "runs per measurement for the interpreter (default: ${DEFAULT-VALUE})")
    int interpreterRepeat = 1;

    @Option(names = "--no-interpreter", description = "skip the interpreter (the slowest column)")
    boolean noInterpreter;

    @Option(names = "--no-qemu", description = "skip QEMU")
    boolean noQemu;

    @Option(names = "--no-cold", description = "skip the cold java -jar runs")
    boolean noCold;

    @Option(names = "--no-targets", description = "skip the target measurements after the table (start-up, translation time, heap)")
    boolean noTargets;

    @Option(names = "--qemu", description = "the QEMU user-mode binary (default: ${DEFAULT-VALUE})")
    String qemu = "qemu-riscv32";

    @Option(names = "--rvjar-jar", description = "the rvjar command-line jar, for compile and the cold runs (default: cli/target/rvjar.jar)")
    Path rvjarJar;

    @Option(names = "--java", description = "the java launcher for cold runs (default: this JVM's)")
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Option(names = "--clock", description = "what a time is: cpu = CPU time of the guest's process or thread (user + system; "
            + "robust on a shared, loaded machine), wall = elapsed time (default: ${DEFAULT-VALUE})")
    String clock = "cpu";

    /** Runs longer than this are not repeated. */
    static final double LONG_RUN_SECONDS = 5;

    private PrintStream out = System.out;
    private PrintStream log = System.err;
    private Path work;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    /** For tests: where progress and errors go. */
    Bench logTo(PrintStream stream) {
        log = stream;
        return this;
    }

    /** One row of the table: times in seconds (NaN = not measured), with a note for failures. */
    static final class Row {
        String name;
        String target;
        long instructions = -1;
        double nativeS = Double.NaN;
        double qemuS = Double.NaN;
        double warmS = Double.NaN;
        double coldS = Double.NaN;
        double interpS = Double.NaN;
        final List<String> notes = new ArrayList<>();
    }

    @Override
    public Integer call() throws Exception {
        suite = new Suite(dir != null ? dir : Suite.locate());
        if (rvjarJar == null) {
            rvjarJar = suite.dir().getParent().resolve("cli/target/rvjar.jar");
        }
        Path cpuMeter = suite.dir().resolve(CPU_METER);
        if (clock.equals("cpu") && !Files.isExecutable(cpuMeter)) {
            log.println("rvjar bench: " + cpuMeter + " is missing: build it with make -C " + suite.dir() + " (benchmarks/run does), or use --clock wall");
            return 2;
        }
        work = Files.createTempDirectory("rvjar-bench");
        try {
            return measure();
        } finally {
            deleteWork();
        }
    }

    /** For tests: the temporary directory of the last run. */
    Path workDirectory() {
        return work;
    }

    /** Removes the work directory and what the runs left in it (QEMU's ELFs, the compiled jars, RAM and output files). */
    private void deleteWork() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private int measure() throws Exception {
        TranslatorAccess translator = TranslatorAccess.find();
        boolean canCompile = !noCold && translator != null && compileAvailable();
        boolean haveQemu = !noQemu && qemuAvailable();
        log.printf("rvjar bench: %s, scale %s, %d repetition(s); translator %s; QEMU %s%n", suite.dir(),
                scale == 0 ? "default" : Integer.toString(scale), repeat,
                translator == null ? "not available (n/a)" : "in process" + (canCompile ? " and compiled jars" : ""),
                haveQemu ? qemu : "not used");
        List<Row> rows = new ArrayList<>();
        for (Suite.Program program : Suite.PROGRAMS) {
            if (only != null && !only.contains(program.name())) {
                continue;
            }
            Row row = new Row();
            row.name = program.name();
            row.target = program.floatingPoint() ? fpTarget : target;
            rows.add(row);
            Path rom = suite.rom(row.target, row.name);
            if (!Files.isRegularFile(rom)) {
                row.notes.add("missing " + rom + " (make -C benchmarks)");
                continue;
            }
            byte[] romBytes = Files.readAllBytes(rom);
            byte[] in = Suite.inFile(scale);
            RomImage image = RomImage.read(rom);

            row.nativeS = timeProcess(row, "native", List.of(suite.nativeProgram(row.name).toString()), scale == 0 ? null : Integer.toString(scale));
            if (haveQemu) {
                Path elf = QemuElf.write(work.resolve(row.name + "-" + row.target + ".elf"), romBytes, in, row.target.equals("rv32gc"));
                row.qemuS = timeProcess(row, "qemu", List.of(qemu, elf.toString()), null);
            }
            if (translator != null) {
                row.warmS = timeTranslatedWarm(row, image, in, translator);
            }
            if (canCompile) {
                row.coldS = timeCold(row, rom, in);
            }
            if (!noInterpreter) {
                row.interpS = timeInterpreted(row, image, in);
            }
            log.printf("  %-11s %-8s native %s  qemu %s  warm %s  cold %s  interp %s %s%n", row.name, row.target,
                    fmt(row.nativeS), fmt(row.qemuS), fmt(row.warmS), fmt(row.coldS), fmt(row.interpS), String.join("; ", row.notes));
        }
        printTable(rows);
        if (!noTargets) {
            new Targets(suite, work, java, rvjarJar, translator, canCompile, out, log).measure(rows);
        }
        return rows.stream().allMatch(r -> r.notes.isEmpty()) ? 0 : 1;
    }

    // ---------------------------------------------------------------------------------- engines

    private Suite suite;

    private double timeProcess(Row row, String what, List<String> command, String arg) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        Path times = work.resolve("process.time");
        boolean cpu = clock.equals("cpu");
        if (cpu) {
            cmd.addAll(List.of(suite.dir().resolve(CPU_METER).toString(), "-o", times.toString()));
        }
        cmd.addAll(command);
        if (arg != null) {
            cmd.add(arg);
        }
        double best = Double.NaN;
        for (int i = 0; i < repeat; i++) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("process.out").toFile());
            long t0 = System.nanoTime();
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) { // a program that was never built (native programs: make -C benchmarks native)
                row.notes.add(what + ": cannot run " + cmd.get(0) + " (" + e.getMessage() + ")");
                return Double.NaN;
            }
            int status = p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            if (cpu && status == 0) {
                String[] f = Files.readString(times).strip().split("\\s+");
                s = Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]);
            }
            if (status != 0) {
                row.notes.add(what + " exit " + status + ": " + Files.readString(work.resolve("process.out")).strip());
                return Double.NaN;
            }
            best = Double.isNaN(best) ? s : Math.min(best, s);
            if (s > LONG_RUN_SECONDS) {
                break; // a long run is its own average: more would only make the suite slower
            }
        }
        return best;
    }

    private double timeInterpreted(Row row, RomImage image, byte[] in) {
        GuestRunner.Result warm = GuestRunner.run(image, Suite.inFile(1), null);
        if (!warm.ok()) {
            row.notes.add("interpreter: " + warm.describe());
            return Double.NaN;
        }
        double best = Double.NaN;
        for (int i = 0; i < interpreterRepeat; i++) {
            GuestRunner.Result r = GuestRunner.run(image, in, null);
            if (!r.ok()) {
                row.notes.add("interpreter: " + r.describe());
                return Double.NaN;
            }
            row.instructions = r.instructions();
            best = Double.isNaN(best) ? seconds(r) : Math.min(best, seconds(r));
        }
        return best;
    }

    private double timeTranslatedWarm(Row row, RomImage image, byte[] in, TranslatorAccess translator) {
        Function<Machine, TranslatedCode> code = translator.translateAndLoad(image);
        // warm-up: the tiny size until HotSpot has compiled the hot code, then one run at full size
        for (int i = 0; i < 5; i++) {
            GuestRunner.Result r = GuestRunner.run(image, Suite.inFile(1), code);
            if (!r.ok()) {
                row.notes.add("translated: " + r.describe());
                return Double.NaN;
            }
        }
        double best = Double.NaN;
        for (int i = 0; i < repeat + 1; i++) {
            GuestRunner.Result r = GuestRunner.run(image, in, code);
            if (!r.ok()) {
                row.notes.add("translated: " + r.describe());
                return Double.NaN;
            }
            row.instructions = r.instructions();
            if (i > 0) {
                best = Double.isNaN(best) ? seconds(r) : Math.min(best, seconds(r));
            }
        }
        return best;
    }

    private double seconds(GuestRunner.Result r) {
        return (clock.equals("cpu") ? r.cpuNanos() : r.nanos()) / 1e9;
    }

    private double timeCold(Row row, Path rom, byte[] in) throws IOException, InterruptedException {
        Path jar = work.resolve(row.name + "-" + row.target + ".jar");
        Process compile = new ProcessBuilder(java, "-jar", rvjarJar.toString(), "compile", rom.toString(), "-o", jar.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("compile.out").toFile()).start();
        if (compile.waitFor() != 0) {
            row.notes.add("compile: " + Files.readString(work.resolve("compile.out")).strip());
            return Double.NaN;
        }
        Path inFile = Files.write(work.resolve("in"), in);
        return timeProcess(row, "cold", List.of(java, "-jar", jar.toString(), work.resolve("ram").toString(), inFile.toString(),
                work.resolve("out").toString()), null);
    }

    private boolean compileAvailable() throws IOException, InterruptedException {
        if (!Files.isRegularFile(rvjarJar)) {
            return false;
        }
        Process p = new ProcessBuilder(java, "-jar", rvjarJar.toString(), "compile", "--help")
                .redirectErrorStream(true).redirectOutput(work.resolve("probe.out").toFile()).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private boolean qemuAvailable() {
        try {
            Process p = new ProcessBuilder(qemu, "--version").redirectErrorStream(true).redirectOutput(work.resolve("probe.out").toFile()).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------- table

    static String fmt(double seconds) {
        return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.3f", seconds);
    }

    static String ratio(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "n/a" : String.format(Locale.ROOT, "%.3f", x);
    }

    static double geomean(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v) && v > 0) {
                sum += Math.log(v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(sum / n);
    }

    private void printTable(List<Row> rows) {
        out.println();
        out.println("Times in seconds, " + (clock.equals("cpu") ? "CPU time (user + system) of the guest's process or thread"
                : "wall time") + ", minimum of the runs. Speed ratios: higher is faster; x/native = native time / x time.");
        out.println();
        out.println("| benchmark | target | guest Minstr | native | QEMU | rvjar translated warm | translated cold | interpreted "
                + "| translated/native | translated/QEMU | interpreted/native | QEMU/native | translated MIPS | interpreted MIPS |");
        out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (String k : List.of("tn", "tq", "in", "qn")) {
            ratios.put(k, new ArrayList<>());
        }
        for (Row r : rows) {
            double tn = r.nativeS / r.warmS;
            double tq = r.qemuS / r.warmS;
            double in = r.nativeS / r.interpS;
            double qn = r.nativeS / r.qemuS;
            ratios.get("tn").add(tn);
            ratios.get("tq").add(tq);
            ratios.get("in").add(in);
            ratios.get("qn").add(qn);
            double mi = r.instructions / 1e6;
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.name, r.target,
                    r.instructions < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", mi),
                    fmt(r.nativeS), fmt(r.qemuS), fmt(r.warmS), fmt(r.coldS), fmt(r.interpS),
                    ratio(tn), ratio(tq), ratio(in), ratio(qn),
                    r.instructions < 0 ? "n/a" : ratio(mi / r.warmS).replaceAll("\\.\\d+$", ""),
                    r.instructions < 0 ? "n/a" : ratio(mi / r.interpS).replaceAll("\\.\\d+$", ""));
        }
        out.printf("| **geometric mean** | | | | | | | | **%s** | **%s** | **%s** | **%s** | | |%n",
                ratio(geomean(ratios.get("tn"))), ratio(geomean(ratios.get("tq"))),
                ratio(geomean(ratios.get("in"))), ratio(geomean(ratios.get("qn"))));
        for (Row r : rows) {
            for (String note : r.notes) {
                out.println();
                out.println("- " + r.name + ": " + note);
            }
        }
        out.println();
        out.println(machineLine());
    }

    static String machineLine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: leave it unknown
        }
        return String.format("Machine: %d cores (nproc), %s, JDK %s (%s), %s %s.", Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    @SuppressWarnings("unused")
    private static String join(double[] values) {
        return Arrays.toString(values);
    }
}
