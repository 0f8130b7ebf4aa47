package dev.rvjar.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code rvjar disasm} against {@code riscv64-unknown-elf-objdump -d} (binutils 2.40) on every test
 * ROM in its four builds and on every conformance-suite ELF: the whole listing must be the same,
 * byte for byte (headers, symbols, addresses, raw bytes, text, data words, elided zeros). Skipped
 * when objdump is not on the PATH (CI installs it).
 *
 * <p>Not compared: the symbol named in objdump's {@code # address <symbol>} comments (objdump
 * picks among symbols at one data address by rules rvjar does not copy).
 */
class DisassemblerMatchesObjdumpTest {
    static final List<String> TARGETS = RomCall.TARGETS;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void testRomsListLikeObjdump(String target) throws Exception {
        for (Path elf : elfs(RomCall.BUILD.resolve(target), ".elf")) {
            compare(elf);
        }
    }

    @org.junit.jupiter.api.Test
    void conformanceTestsListLikeObjdump() throws Exception {
        Path build = Path.of("..", "riscv-tests", "build");
        Assumptions.assumeTrue(Files.isDirectory(build), "conformance suite not built");
        for (Path elf : elfs(build, "")) {
            compare(elf);
        }
    }

    private static List<Path> elfs(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> suffix.isEmpty() ? !f.getFileName().toString().contains(".") : f.toString().endsWith(suffix))
                    .sorted().toList();
        }
    }

    private static void compare(Path elf) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.execute(out, new PrintStream(new ByteArrayOutputStream()), "disasm", elf.toString());
        assertEquals(0, status);
        String actual = out.toString(StandardCharsets.UTF_8);
        assertEquals(withoutComments(objdump(elf)), withoutComments(actual), elf.toString());
    }

    /** The whole listing, byte for byte, but for the symbol named in each {@code # address <symbol>} comment. */
    private static String withoutComments(String listing) {
        return listing.replaceAll("(?m)( # [0-9a-f]+) <[^>]*>$", "$1");
    }

    private static String objdump(Path elf) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("riscv64-unknown-elf-objdump", "-d", elf.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("riscv64-unknown-elf-objdump is not on the PATH");
            throw e;
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), text);
        return text;
    }
}
