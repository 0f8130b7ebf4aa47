package dev.rvjar.translate;

import net.jqwik.api.Example;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        Path work = Files.createTempDirectory("rvjar-fuzz-test");
        try {
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
        } finally {
            Files.deleteIfExists(work.resolve("fuzz.jar")); // the precompiled jar the fuzzer writes there
            Files.delete(work);
        }
    }

    @Example
    void theGeneratorMakesEveryRomWhoseElfOffsetsWrapAround() throws IOException {
        // these ROMs of seed 1 threw IndexOutOfBoundsException in the generator (an int sum of a
        // hostile section offset and a field offset wrapped), which ended a chunk of the long run
        FuzzInputs inputs = Fuzzer.inputsFrom(TestRomsDifferentialTest.BUILD);
        for (long index : new long[] {23643, 55323, 68906, 105709, 109009}) {
            assertEquals(FuzzInputs.Kind.MALFORMED_ELF, inputs.next(Fuzzer.random(1, index)).kind());
        }
    }
}
