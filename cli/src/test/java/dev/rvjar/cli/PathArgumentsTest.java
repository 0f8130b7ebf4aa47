package dev.rvjar.cli;

import dev.rvjar.lambda.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every path argument of every command is checked before anything runs: one line naming the
 * argument and the path, the documented status, and nothing written. One table of cases, run for
 * {@code rvjar run} translated and interpreted, {@code rvjar run} on a compiled jar, {@code java
 * -jar} on that jar, {@code compile}, {@code disasm} and {@code riscv-tests}.
 */
class PathArgumentsTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path shared;
    private static Path jar;

    @TempDir
    Path dir;

    record Result(int status, String stderr) {
    }

    /** A command: which path arguments it takes, and how to run it with them. */
    private record Command(String name, List<String> labels, Runner runner) {
    }

    @FunctionalInterface
    private interface Runner {
        Result run(Map<String, Path> paths) throws Exception;
    }

    /** A bad path: made in a scratch directory; what the command must say about it. */
    private record Case(String name, List<String> labels, Maker maker, int status, String message) {
    }

    @FunctionalInterface
    private interface Maker {
        Path make(Path scratch) throws IOException;
    }

    @BeforeAll
    static void compileJar() {
        jar = shared.resolve("hello.jar");
        assertEquals(0, rvjar("compile", RomCall.rom("rv32imac", "hello.elf").toString(), "-o", jar.toString()).status);
    }

    private static Result rvjar(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new ByteArrayOutputStream(), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(status, err.toString(StandardCharsets.UTF_8));
    }

    private static Result javaJar(Path jar, Map<String, Path> p) throws Exception {
        Process process = new ProcessBuilder(JAVA, "-jar", jar.toString(), p.get("RAM").toString(), p.get("IN").toString(),
                p.get("OUT").toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), stderr);
    }

    private static final List<String> CALL = List.of("ROM", "RAM", "IN", "OUT");

    private static List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        commands.add(new Command("run", CALL, p -> rvjar("run", s(p, "ROM"), s(p, "RAM"), s(p, "IN"), s(p, "OUT"))));
        commands.add(new Command("run --interpret", CALL,
                p -> rvjar("run", "--interpret", s(p, "ROM"), s(p, "RAM"), s(p, "IN"), s(p, "OUT"))));
        commands.add(new Command("run ROM.jar", List.of("RAM", "IN", "OUT"),
                p -> rvjar("run", jar.toString(), s(p, "RAM"), s(p, "IN"), s(p, "OUT"))));
        commands.add(new Command("java -jar", List.of("RAM", "IN", "OUT"), p -> javaJar(jar, p)));
        commands.add(new Command("compile", List.of("ROM", "JAR"), p -> rvjar("compile", s(p, "ROM"), "-o", s(p, "JAR"))));
        commands.add(new Command("disasm", List.of("ROM"), p -> rvjar("disasm", s(p, "ROM"))));
        commands.add(new Command("riscv-tests", List.of("DIR"), p -> rvjar("riscv-tests", s(p, "DIR"))));
        return commands;
    }

    private static String s(Map<String, Path> paths, String label) {
        return paths.get(label).toString();
    }

    private static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    private static List<Case> cases() {
        List<String> regionFiles = List.of("RAM", "IN", "OUT");
        return List.of(
                new Case("missing", List.of("ROM", "IN"), d -> d.resolve("missing"), ExitCodes.BAD_INPUT, "%s file %s does not exist"),
                new Case("a directory", List.of("ROM"), d -> Files.createDirectory(d.resolve("d")), ExitCodes.BAD_ROM,
                        "%s file %s is a directory"),
                new Case("a directory", regionFiles, d -> Files.createDirectory(d.resolve("d")), ExitCodes.BAD_INPUT,
                        "%s file %s is a directory"),
                new Case("too large", List.of("ROM"), d -> sparse(d.resolve("big"), (64L << 20) + 1), ExitCodes.BAD_ROM,
                        "%s file %s is 67108865 bytes, more than the 67108864 bytes a ROM file may have"),
                new Case("too large", regionFiles, d -> sparse(d.resolve("big"), (1 << 20) + 1), ExitCodes.BAD_INPUT,
                        "%s file %s is 1048577 bytes, more than the 1048576 bytes of its region"),
                new Case("in a missing directory", List.of("RAM", "OUT", "JAR"), d -> d.resolve("no/such/dir/file"),
                        ExitCodes.IO_ERROR, "%s file %s cannot be written: directory " + "%s/no/such/dir does not exist"),
                new Case("in a file as directory", List.of("RAM", "OUT", "JAR"),
                        d -> Files.write(d.resolve("plain"), new byte[1]).resolve("file"),
                        ExitCodes.IO_ERROR, "%s file %s cannot be written: %s/plain is not a directory"),
                new Case("a directory", List.of("JAR"), d -> Files.createDirectory(d.resolve("d")), ExitCodes.IO_ERROR,
                        "%s file %s cannot be written: it is a directory"),
                new Case("missing", List.of("DIR"), d -> d.resolve("missing"), ExitCodes.BAD_INPUT, "%s %s does not exist"),
                new Case("a file", List.of("DIR"), d -> Files.write(d.resolve("plain"), new byte[1]), ExitCodes.BAD_INPUT,
                        "%s %s is not a directory"));
    }

    @Test
    void everyBadPathIsNamedWithItsStatusAndNothingIsWritten() throws Exception {
        int checked = 0;
        for (Command command : commands()) {
            for (Case bad : cases()) {
                for (String label : bad.labels) {
                    if (command.labels.contains(label)) {
                        check(command, bad, label, bad.maker);
                        checked++;
                    }
                }
            }
        }
        // run (twice): 3 ROM cases, 7 for RAM/IN/OUT, 4 output directories; the jar (twice): the last 11; compile: 3 ROM,
        // 3 JAR; disasm: 3 ROM; riscv-tests: 2 DIR
        assertEquals(2 * 14 + 2 * 11 + 6 + 3 + 2, checked);
    }

    /** Root reads and writes through mode 000: these cases can only be checked as another user. */
    @Test
    void unreadableInputsAndUnwritableDirectoriesAreNamed() throws Exception {
        Path probe = Files.write(dir.resolve("probe"), new byte[1]);
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(probe), "running as root, who can read a mode-000 file: unreadable and unwritable "
                + "paths cannot be made here");
        Maker unreadable = d -> Files.setPosixFilePermissions(Files.write(d.resolve("locked"), new byte[4]),
                PosixFilePermissions.fromString("---------"));
        Maker inReadOnlyDirectory = d -> Files.setPosixFilePermissions(Files.createDirectory(d.resolve("ro")),
                PosixFilePermissions.fromString("r-xr-xr-x")).resolve("file");
        for (Command command : commands()) {
            for (String label : List.of("ROM", "RAM", "IN", "OUT")) {
                if (command.labels.contains(label)) {
                    check(command, new Case("unreadable", List.of(label), unreadable, ExitCodes.BAD_INPUT, "%s file %s is not readable"),
                            label, unreadable);
                }
            }
            for (String label : List.of("RAM", "OUT", "JAR")) {
                if (command.labels.contains(label)) {
                    check(command, new Case("unwritable", List.of(label), inReadOnlyDirectory, ExitCodes.IO_ERROR,
                            "%s file %s cannot be written: directory %s/ro is not writable"), label, inReadOnlyDirectory);
                }
            }
        }
    }

    private void check(Command command, Case bad, String label, Maker maker) throws Exception {
        Path scratch = Files.createTempDirectory(dir, "case");
        Map<String, Path> paths = new LinkedHashMap<>();
        paths.put("ROM", RomCall.rom("rv32imac", "hello.elf"));
        paths.put("RAM", Files.write(scratch.resolve("ram"), new byte[] {1, 2, 3}));
        paths.put("IN", Files.write(scratch.resolve("in"), RomCall.frame(new byte[0])));
        paths.put("OUT", Files.write(scratch.resolve("out"), RomCall.frame(new byte[] {'o', 'l', 'd'})));
        paths.put("JAR", scratch.resolve("made.jar"));
        paths.put("DIR", scratch);
        Path badPath = maker.make(scratch);
        paths.put(label, badPath);
        Map<String, byte[]> before = contents(scratch);

        Result result = command.runner.run(paths);

        String what = command.name + ", " + label + " " + bad.name;
        String message = String.format(bad.message, label, badPath, scratch.toAbsolutePath());
        assertEquals("rvjar: " + message + "\n", result.stderr, what);
        assertEquals(bad.status, result.status, what);
        Map<String, byte[]> after = contents(scratch);
        assertEquals(before.keySet(), after.keySet(), what + ": nothing written");
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), what + ": " + name + " unchanged");
        }
    }

    /** Every regular file under {@code root} (sizes only for large ones), by relative name. */
    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                String name = root.relativize(file).toString();
                if (Files.isDirectory(file)) {
                    files.put(name + "/", new byte[0]);
                } else if (!Files.isReadable(file) || Files.size(file) > (1 << 16)) {
                    files.put(name, Long.toString(Files.size(file)).getBytes(StandardCharsets.UTF_8));
                } else {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}
