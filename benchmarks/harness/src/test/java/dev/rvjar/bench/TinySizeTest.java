package dev.rvjar.bench;

import dev.rvjar.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every benchmark ROM, at its tiny size (scale 1), through {@code rvjar run}, interpreted and
 * translated: it must exit 0, which
 * it does only when its result equals the reference value computed independently by
 * tools/Reference.java (see benchmarks/README.md). Correctness only: nothing here is timed.
 */
class TinySizeTest {
    static final Path SUITE_DIR = Path.of("..").toAbsolutePath().normalize();
    static final Suite SUITE = new Suite(SUITE_DIR);

    @TempDir
    Path dir;

    static Stream<Arguments> builds() {
        // each program once per engine (CI time): interpreted in its rv32gc build, translated in its rv32imac build
        return Suite.PROGRAMS.stream().flatMap(p -> Stream.of(
                Arguments.of("rv32gc", p.name(), "interpreted"), Arguments.of("rv32imac", p.name(), "translated")));
    }

    @ParameterizedTest(name = "{1} {0} {2}")
    @MethodSource("builds")
    void atTinySizeVerifiesItsResult(String target, String name, String engine) throws Exception {
        Path rom = SUITE.rom(target, name);
        assertTrue(Files.isRegularFile(rom), rom + " was not built");
        Path in = Files.write(dir.resolve("in"), Suite.inFile(1));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        // rvjar run translates in memory by default; --interpret runs the interpreter only
        String[] args = engine.equals("interpreted")
                ? new String[] {"run", "--interpret", "--stats", rom.toString(), dir.resolve("ram").toString(), in.toString(), dir.resolve("out").toString()}
                : new String[] {"run", "--stats", rom.toString(), dir.resolve("ram").toString(), in.toString(), dir.resolve("out").toString()};
        int status = Main.execute(stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8), args);
        byte[] outFile = Files.readAllBytes(dir.resolve("out"));
        String out = new String(Arrays.copyOfRange(outFile, 4, outFile.length), StandardCharsets.UTF_8);
        assertEquals(0, status, out + stderr.toString(StandardCharsets.UTF_8));
        assertTrue(out.startsWith(name + " scale=1 result=") && out.endsWith(" ok\n"), out);
        String stats = stderr.toString(StandardCharsets.UTF_8);
        if (engine.equals("translated")) {
            // most of the work ran as translated code, not in the interpreter fallback
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("ran \\d+ instructions translated \\((\\d+)\\.\\d%\\)").matcher(stats);
            assertTrue(m.find(), stats);
            assertTrue(Integer.parseInt(m.group(1)) >= 90, stats);
        } else {
            assertTrue(!stats.contains("translated"), stats);
        }
    }
}
