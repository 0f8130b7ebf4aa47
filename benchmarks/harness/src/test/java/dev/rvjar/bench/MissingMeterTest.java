package dev.rvjar.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness run on a suite whose CPU-time meter was never built: one line naming it, status 2, no stack trace. */
class MissingMeterTest {
    @TempDir
    Path suite;

    @Test
    void namesTheMissingMeterAndExits2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(new Bench().logTo(new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute("--dir", suite.toString(), "--only", "crc32");
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(suite.resolve(Bench.CPU_METER).toString()) && message.contains("--clock wall"), message);
    }
}
