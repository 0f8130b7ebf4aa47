package dev.rvjar.translate;

import net.jqwik.api.Arbitrary;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Large ROMs made of many random programs laid end to end, for size and speed checks of the translator. */
final class LargeRoms {
    private LargeRoms() {
    }

    /** About {@code size} bytes of code: random programs (each ending in exit) back to back, seeded. */
    static byte[] randomCode(int size, long seed) {
        Arbitrary<RandomPrograms.Program> programs = RandomPrograms.programs();
        Random random = new Random(seed);
        ByteArrayOutputStream rom = new ByteArrayOutputStream(size);
        var generator = programs.generator(1000);
        while (rom.size() < size) {
            byte[] program = generator.next(random).value().assemble();
            rom.write(program, 0, Math.min(program.length, size - rom.size()));
        }
        return rom.toByteArray();
    }
}
