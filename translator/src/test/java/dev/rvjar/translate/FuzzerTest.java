package dev.rvjar.translate;

import net.jqwik.api.Example;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short run of the {@link Fuzzer} (the long one is {@code translator/fuzz}): every kind of input,
 * every engine, the precompiled jar included, and not one failure.
 */
class FuzzerTest {
    @Example // a jqwik example: the random programs come from jqwik generators
    void fuzzedRomsRunTheSameInEveryEngineWithoutHostExceptions() throws IOException {
        Path work = java.nio.file.Files.createTempDirectory("rvjar-fuzz-test");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Fuzzer fuzzer = new Fuzzer(Fuzzer.inputsFrom(TestRomsDifferentialTest.BUILD), 4, work, null,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        int failed = fuzzer.run(20261205, 0, 400);
        String summary = fuzzer.summary();
        System.out.println("fuzz: " + summary);
        assertEquals(0, failed, log.toString(StandardCharsets.UTF_8));
        for (FuzzInputs.Kind kind : FuzzInputs.Kind.values()) {
            assertTrue(summary.contains(kind.name()), kind + " missing from " + summary);
        }
        assertTrue(summary.contains("rejected") && summary.contains("fault") && summary.contains("limit"), summary);
    }
}
