package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every test ROM, for every target and as ELF and flat image, runs interpreted and translated with
 * identical results: ending, counter, pc, registers, RAM, OUT and output. Also cut short by a few
 * instruction limits, so that limit stops are compared too.
 */
class TestRomsDifferentialTest {
    static final Path BUILD = Path.of("../testroms/build");
    /** Enough for every ROM to finish (fault_endless never does), then a few short budgets. */
    private static final long[] LIMITS = {5_000_000, 1, 7, 100, 1_000, 12_345};

    static List<Path> roms() throws IOException {
        assertTrue(Files.isDirectory(BUILD), "build the test ROMs first: make -C testroms");
        List<Path> roms = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BUILD, 2)) {
            files.filter(p -> p.toString().endsWith(".elf") || p.toString().endsWith(".bin")).sorted().forEach(roms::add);
        }
        return roms;
    }

    static byte[] input(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).put(bytes).array();
    }

    @TestFactory
    Stream<DynamicTest> everyTestRomRunsTheSameTranslated() throws IOException {
        return roms().stream().map(rom -> DynamicTest.dynamicTest(BUILD.relativize(rom).toString(), () -> {
            RomImage image = RomImage.read(rom);
            Translation translation = Translator.translate(image);
            byte[] in = input("The quick brown fox jumps over the lazy dog");
            for (long limit : LIMITS) {
                GuestRun interpreted = GuestRun.of(image, null, in, limit, null);
                GuestRun translated = GuestRun.of(image, null, in, limit, translation);
                assertNull(interpreted.difference(translated), rom + " limit " + limit);
            }
        }));
    }
}
