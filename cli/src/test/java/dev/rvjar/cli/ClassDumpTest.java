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
    void namesThatWouldEscapeTheDirectoryAreRefused() {
        assertThrows(IOException.class, () -> ClassDump.write(Map.of("../evil", new byte[1]), dir.resolve("d")));
        assertThrows(IOException.class, () -> ClassDump.write(Map.of("/abs", new byte[1]), dir.resolve("d")));
        assertFalse(Files.exists(dir.resolve("evil.class")));
    }
}
