package dev.rvjar.cli;

import dev.rvjar.lambda.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rvjar compile} makes a jar that {@code java -jar} runs exactly like {@code rvjar run} runs
 * the ROM: same status, output, messages, RAM and OUT; the jar holds the runtime only and is the
 * same bytes every time.
 */
class CompileCommandTest {
    @TempDir
    Path dir;

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void everyTestRomRunsFromItsJarExactlyAsWithRvjarRun() throws Exception {
        List<Path> roms;
        try (Stream<Path> files = Files.list(RomCall.BUILD.resolve("rv32imac"))) {
            roms = files.filter(p -> p.toString().endsWith(".elf")).sorted().toList();
        }
        assertTrue(roms.size() >= 10, "test ROMs missing: make -C testroms");
        for (Path rom : roms) {
            Path jar = dir.resolve(rom.getFileName() + ".jar");
            assertEquals(0, compile(rom, jar));
            RomCall direct = new RomCall(Files.createDirectories(dir.resolve("direct"))).input(payload());
            direct.run(rom);
            Path jarDir = Files.createDirectories(dir.resolve("jar"));
            Files.write(jarDir.resolve("in"), RomCall.frame(payload()));
            Process process = new ProcessBuilder(JAVA, "-jar", jar.toString(), "ram", "in", "out")
                    .directory(jarDir.toFile()).start();
            byte[] stdout = process.getInputStream().readAllBytes();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            String what = rom.getFileName().toString();
            assertEquals(direct.status, status, what + ": " + stderr);
            assertArrayEquals(direct.stdout, stdout, what);
            assertEquals(direct.stderr.replace(rom.toString(), rom.getFileName().toString()), stderr, what);
            assertSameFile(direct.ram, jarDir.resolve("ram"), what);
            assertSameFile(direct.out, jarDir.resolve("out"), what);
            // and rvjar run on the jar runs the precompiled code the same way
            RomCall viaRun = new RomCall(Files.createDirectories(dir.resolve("run-jar"))).input(payload()).run(jar);
            assertEquals(direct.status, viaRun.status, what);
            assertArrayEquals(direct.stdout, viaRun.stdout, what);
            for (Path d : List.of(direct.dir, jarDir, viaRun.dir)) {
                Files.deleteIfExists(d.resolve("ram"));
                Files.deleteIfExists(d.resolve("out"));
            }
        }
    }

    private static byte[] payload() {
        return "Some input, 123!".getBytes(StandardCharsets.UTF_8);
    }

    private static void assertSameFile(Path expected, Path actual, String what) throws IOException {
        assertEquals(Files.exists(expected), Files.exists(actual), what + ": " + actual.getFileName());
        if (Files.exists(expected)) {
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), what + ": " + actual.getFileName());
        }
    }

    /**
     * Start-up is most of a precompiled call: the path to the guest's exit bootstraps no lambda of
     * rvjar's, seeds no SecureRandom (temporary files), and makes no interpreter for a ROM that runs
     * wholly translated. The JVM's class-loading log shows each.
     */
    @Test
    void aPrecompiledCallLoadsNothingItDoesNotNeed() throws Exception {
        Path jar = dir.resolve("hello.jar");
        assertEquals(0, compile(RomCall.BUILD.resolve("rv32imac").resolve("hello.elf"), jar));
        Path log = dir.resolve("classes.log");
        Files.write(dir.resolve("in"), RomCall.frame(new byte[0]));
        Process process = new ProcessBuilder(JAVA, "-Xlog:class+load:file=" + log, "-jar", jar.toString(), "ram", "in", "out")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" dev.rvjar.guest.Region_")), "the log lists the classes");
        for (String unwanted : List.of("dev.rvjar.[^ ]*\\$\\$Lambda", "java.security.SecureRandom ", "dev.rvjar.interp.Interpreter ")) {
            Pattern pattern = Pattern.compile(unwanted);
            assertEquals(List.of(), loaded.stream().filter(line -> pattern.matcher(line).find()).toList(), unwanted);
        }
    }

    @Test
    void theSameRomGivesTheSameJarByteForByte() throws Exception {
        Path rom = RomCall.rom("rv32gc", "sha256.elf");
        assertEquals(0, compile(rom, dir.resolve("a.jar")));
        assertEquals(0, compile(rom, dir.resolve("b.jar")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.jar")), Files.readAllBytes(dir.resolve("b.jar")));
    }

    @Test
    void theJarHoldsTheRuntimeButNeitherTranslatorNorAsmNorPicocli() throws Exception {
        Path jar = dir.resolve("hello.jar");
        assertEquals(0, compile(RomCall.rom("rv32i", "hello.bin"), jar));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("dev/rvjar/translated/PrecompiledMain.class"), names.toString());
            assertTrue(names.contains("dev/rvjar/interp/Interpreter.class"), names.toString());
            assertTrue(names.contains("dev/rvjar/guest/Dispatcher.class"), names.toString());
            for (String name : names) {
                assertTrue(!name.startsWith("picocli/") && !name.startsWith("org/objectweb/")
                        && !name.startsWith("dev/rvjar/cli/") && !name.startsWith("dev/rvjar/translate/")
                        && !name.startsWith("dev/rvjar/emit/"), name);
            }
            assertTrue(new String(zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                    StandardCharsets.UTF_8).contains("Main-Class: dev.rvjar.translated.PrecompiledMain"));
        }
    }

    @Test
    void aMissingRomIsABadInputAndABrokenOneABadRom() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(ExitCodes.BAD_INPUT, compile(dir.resolve("missing.bin"), dir.resolve("x.jar"), err));
        assertEquals("rvjar: ROM file " + dir.resolve("missing.bin") + " does not exist\n", err.toString(StandardCharsets.UTF_8));
        Path broken = dir.resolve("broken.elf");
        Files.write(broken, new byte[] {0x7F, 'E', 'L', 'F', 1});
        assertEquals(ExitCodes.BAD_ROM, compile(broken, dir.resolve("x.jar"), new ByteArrayOutputStream()));
    }

    @Test
    void aJarWithWrongArgumentsIsAUsageError() throws Exception {
        Path jar = dir.resolve("hello.jar");
        assertEquals(0, compile(RomCall.rom("rv32i", "hello.bin"), jar));
        Process process = new ProcessBuilder(JAVA, "-jar", jar.toString(), "ram").start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, process.waitFor());
        assertEquals("rvjar: Missing required parameters: 'IN', 'OUT'\nTry 'java -jar hello.jar --help' for more information.\n", stderr);
    }

    private static int compile(Path rom, Path jar) {
        return compile(rom, jar, new ByteArrayOutputStream());
    }

    private static int compile(Path rom, Path jar, ByteArrayOutputStream err) {
        return Main.execute(new ByteArrayOutputStream(), new PrintStream(err, true, StandardCharsets.UTF_8),
                "compile", rom.toString(), "-o", jar.toString());
    }
}
