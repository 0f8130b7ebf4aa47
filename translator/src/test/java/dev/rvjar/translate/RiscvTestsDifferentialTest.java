package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Environment;
import dev.rvjar.machine.ToHost;
import dev.rvjar.memory.MemoryLayout;
import dev.rvjar.memory.Region;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance programs run interpreted and translated with identical results. They live in one
 * writable region at 0x80000000 together with their data, so this also checks that translated code
 * in writable memory is dropped when the guest stores into it (the official {@code fence_i} test
 * patches its own text).
 *
 * <p>Each runs as {@code rvjar riscv-tests} runs it: a bare machine-mode hart (ecall and exceptions
 * trap to mtvec) that stops when the program stores its verdict to {@code tohost}.
 *
 * <p>Runs {@code riscv-tests/build} (build it with {@code make -C riscv-tests}); more directories,
 * such as a build of the official riscv-tests, can be added with
 * {@code -Drvjar.riscvTests=dir1:dir2}.
 */
class RiscvTestsDifferentialTest {
    static final int BASE = 0x8000_0000;

    static List<Region> layout() {
        return MemoryLayout.parse("ram@0x80000000:2M:rwx").regions();
    }

    static List<Path> programs() throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("../riscv-tests/build")));
        for (String extra : System.getProperty("rvjar.riscvTests", "").split(":")) {
            if (!extra.isBlank()) {
                dirs.add(Path.of(extra));
            }
        }
        List<Path> programs = new ArrayList<>();
        for (Path dir : dirs) {
            assertTrue(Files.isDirectory(dir), dir + " is missing: make -C riscv-tests");
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().contains("-p-") && !p.toString().endsWith(".dump"))
                        .sorted().forEach(programs::add);
            }
        }
        return programs;
    }

    @TestFactory
    Stream<DynamicTest> everyConformanceProgramRunsTheSameTranslated() throws IOException {
        return programs().stream().map(program -> DynamicTest.dynamicTest(program.toString(), () -> {
            RomImage image = RomImage.read(program);
            Translation translation = Translator.translate(image, layout(), false);
            for (long limit : new long[] {2_000_000, 1, 50, 333}) {
                ToHost[] interpretedVerdict = new ToHost[1];
                ToHost[] translatedVerdict = new ToHost[1];
                GuestRun interpreted = run(image, limit, null, interpretedVerdict);
                GuestRun translated = run(image, limit, translation, translatedVerdict);
                assertNull(interpreted.difference(translated), program + " limit " + limit);
                assertEquals(interpretedVerdict[0].exitCode(), translatedVerdict[0].exitCode());
                if (limit == 2_000_000) {
                    assertEquals(OptionalInt.of(0), translatedVerdict[0].exitCode(), program + " passes translated");
                }
            }
        }));
    }

    private static GuestRun run(RomImage image, long limit, Translation translation, ToHost[] verdict) {
        return GuestRun.of(image, layout(), false, Environment.BARE_METAL,
                machine -> verdict[0] = ToHost.install(machine, image.addressOf("tohost").orElseThrow()),
                null, null, limit, translation);
    }
}
