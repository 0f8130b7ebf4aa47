package dev.rvjar.cli;

import dev.rvjar.lambda.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar ROM.jar} takes {@code rvjar run}'s call options with the same meanings, messages
 * and statuses, through a real {@code java -jar} process.
 */
class JarOptionsTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;
    private Path rom;

    record Result(int status, String stdout, String stderr) {
    }

    @BeforeEach
    void input() throws Exception {
        rom = RomCall.rom("rv32imac", "hello.elf");
        Files.write(dir.resolve("in"), RomCall.frame(new byte[0]));
    }

    private Path compile(String... options) {
        Path jar = dir.resolve("hello.jar");
        List<String> args = new ArrayList<>(List.of("compile"));
        args.addAll(Arrays.asList(options));
        args.addAll(List.of(rom.toString(), "-o", jar.toString()));
        assertEquals(0, Main.execute(new ByteArrayOutputStream(), new PrintStream(new ByteArrayOutputStream()), args.toArray(String[]::new)));
        return jar;
    }

    private Result javaJar(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", jar.toString()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), stdout, stderr);
    }

    private String[] files() {
        return new String[] {dir.resolve("ram").toString(), dir.resolve("in").toString(), dir.resolve("out").toString()};
    }

    private Result rvjarRun(String... options) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(Arrays.asList(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(out, new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpShowsTheOptionsTheDefaultLimitAndTheExitStatuses() throws Exception {
        Result r = javaJar(compile(), "--help");
        assertEquals(0, r.status, r.stderr);
        assertTrue(r.stdout.startsWith("Usage: java -jar hello.jar [-hV] [--stats] [--max-instructions=N] RAM IN OUT\n"), r.stdout);
        assertTrue(r.stdout.contains("--max-instructions=N"), r.stdout);
        assertTrue(r.stdout.contains("(default: 10000000000)"), r.stdout);
        assertTrue(r.stdout.contains("\n  152     instruction limit reached\n"), r.stdout);
        assertTrue(r.stdout.contains("\n  74      RAM or OUT cannot be written"), r.stdout);
        assertFalse(Files.exists(dir.resolve("ram")), "help runs nothing");
        assertEquals(0, javaJar(dir.resolve("hello.jar"), "-h").status);
    }

    @Test
    void versionNamesTheRomAndTheRvjarThatCompiledIt() throws Exception {
        Result r = javaJar(compile(), "--version");
        assertEquals(0, r.status, r.stderr);
        assertTrue(r.stdout.startsWith("hello.elf, precompiled by rvjar "), r.stdout);
        assertTrue(r.stdout.contains("\nJava "), r.stdout);
    }

    @Test
    void aCompiledDefaultLimitStopsTheCallAndTheOptionRaisesIt() throws Exception {
        Path jar = compile("--max-instructions", "100");
        assertTrue(javaJar(jar, "--help").stdout.contains("(default: 100)"));
        Result stopped = javaJar(jar, "ram", "in", "out");
        assertEquals(ExitCodes.INSTRUCTION_LIMIT, stopped.status);
        assertTrue(stopped.stderr.matches("rvjar: instruction limit reached: \\d+ instructions, pc 0x[0-9a-f]{8} "
                + "\\(the limit is 100: raise it with --max-instructions N\\)\n"), stopped.stderr);
        assertFalse(Files.exists(dir.resolve("out")), "a stopped call writes nothing");
        // rvjar run on the jar takes the jar's default too, and stops at the same place
        assertEquals(stopped.stderr, rvjarRun(jar.toString(), files()[0], files()[1], files()[2]).stderr);

        Result raised = javaJar(jar, "--max-instructions", "1000000", "ram", "in", "out");
        assertEquals(0, raised.status, raised.stderr);
        assertEquals("Hello from RISC-V!\n", new RomCall(dir).outText());
        assertEquals(0, javaJar(jar, "--max-instructions=1000000", "ram", "in", "out").status);
    }

    @Test
    void theLimitMessageIsTheSameAsRvjarRuns() throws Exception {
        Result jar = javaJar(compile(), "--max-instructions", "50", "ram", "in", "out");
        Result run = rvjarRun("--max-instructions", "50", rom.toString(), dir.resolve("ram").toString(),
                dir.resolve("in").toString(), dir.resolve("out").toString());
        assertEquals(ExitCodes.INSTRUCTION_LIMIT, jar.status);
        assertEquals(run.status, jar.status);
        assertEquals(run.stderr, jar.stderr);
    }

    @Test
    void statsReportCountTimeRateAndHowTheCodeRan() throws Exception {
        Result r = javaJar(compile(), "--stats", "ram", "in", "out");
        assertEquals(0, r.status, r.stderr);
        assertTrue(r.stderr.matches("rvjar: 726 instructions in \\d+\\.\\d{3} s \\(\\d+\\.\\d (MIPS|thousand instructions/s)\\)\n"
                + "rvjar: precompiled: \\d+ blocks in \\d+ regions\n"
                + "rvjar: ran 726 instructions translated \\(100\\.0%\\), 0 interpreted; .*\n"), r.stderr);
    }

    /** The same mistake gets the same status and message from both; only the hint names the command. */
    @Test
    void badCommandLinesAreUsageErrorsWithRvjarRunsMessages() throws Exception {
        Path jar = compile();
        List<List<String>> mistakes = List.of(
                List.of("--max-instructions", "x", "ram", "in", "out"),
                List.of("--max-instructions", "-5", "ram", "in", "out"),
                List.of("--max-instructions=", "ram", "in", "out"),
                List.of("ram", "in", "out", "--max-instructions"),
                List.of("--frobnicate", "ram", "in", "out"),
                List.of("ram", "in"),
                List.of());
        for (List<String> mistake : mistakes) {
            Result fromJar = javaJar(jar, mistake.toArray(String[]::new));
            List<String> runArgs = new ArrayList<>(mistake);
            runArgs.add(mistake.indexOf("ram") < 0 ? 0 : mistake.indexOf("ram"), rom.toString());
            Result fromRun = rvjarRun(runArgs.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, fromJar.status, mistake.toString());
            assertEquals(ExitCodes.USAGE, fromRun.status, mistake.toString());
            assertEquals(fromRun.stderr.replace("rvjar run --help", "java -jar hello.jar --help"), fromJar.stderr, mistake.toString());
            assertFalse(Files.exists(dir.resolve("out")), mistake.toString());
        }
        Result extra = javaJar(jar, "ram", "in", "out", "more");
        assertEquals(ExitCodes.USAGE, extra.status);
        assertEquals("rvjar: Unmatched argument at index 3: 'more'\nTry 'java -jar hello.jar --help' for more information.\n", extra.stderr);
    }
}
