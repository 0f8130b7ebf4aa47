package dev.rvjar.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A run leaves nothing behind: the temporary directory of compiled jars, RAM and output files is removed. */
class WorkDirectoryTest {
    @Test
    void aRunRemovesItsWorkDirectory() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Bench bench = new Bench().logTo(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = new CommandLine(bench).execute("--dir", TinySizeTest.SUITE_DIR.toString(),
                "--only", "crc32", "--scale", "1", "--repeat", "1", "--no-qemu", "--no-interpreter", "--no-targets", "--clock", "wall");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertNotNull(bench.workDirectory());
        assertFalse(Files.exists(bench.workDirectory()), bench.workDirectory() + " is left behind");
    }
}
