package dev.rvjar.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDumpTest {
    @TempDir
    Path dir;

    @Test
    void classesGoToTheirPackageDirectories() throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        classes.put("dev/rvjar/guest/Region_00000000", new byte[] {(byte) 0xca, (byte) 0xfe, 1});
        classes.put("dev/rvjar/guest/Dispatcher", new byte[] {(byte) 0xca, (byte) 0xfe, 2});
        assertEquals(2, ClassDump.write(classes, dir));
        assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe, 1}, Files.readAllBytes(dir.resolve("dev/rvjar/guest/Region_00000000.class")));
        assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe, 2}, Files.readAllBytes(dir.resolve("dev/rvjar/guest/Dispatcher.class")));
    }

    @Test
    void runDumpsTheTranslatedClassesAndStatsSplitTheTime() throws Exception {
        Path classes = dir.resolve("classes");
        RomCall call = new RomCall(dir).input(new byte[0]).run(RomCall.rom("rv32imac", "hello.elf"), "--dump-classes", classes.toString(), "--stats");
        assertEquals(0, call.status, call.stderr);
        assertEquals("Hello from RISC-V!\n", call.outText());
        java.util.List<Path> files;
        try (var walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() >= 2, files.toString());   // at least one region and the dispatcher
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(b).getInt(), f.toString());
        }
        assertTrue(call.stderr.contains("rvjar: wrote " + files.size() + " classes under " + classes), call.stderr);
        assertTrue(call.stderr.matches("(?s).*rvjar: time: translation \\d+\\.\\d ms, class loading \\d+\\.\\d ms, the call \\(execution, files\\) \\d+\\.\\d ms\n.*"),
                call.stderr);
    }

    @Test
    void namesThatWouldEscapeTheDirectoryAreRefused() {
        assertThrows(IOException.class, () -> ClassDump.write(Map.of("../evil", new byte[1]), dir.resolve("d")));
        assertThrows(IOException.class, () -> ClassDump.write(Map.of("/abs", new byte[1]), dir.resolve("d")));
        assertFalse(Files.exists(dir.resolve("evil.class")));
    }
}
