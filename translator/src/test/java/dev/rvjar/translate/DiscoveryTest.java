package dev.rvjar.translate;

import dev.rvjar.image.CodeSection;
import dev.rvjar.image.RomImage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Code discovery's guesses (the pointer and gap sweeps) stay inside the sections an ELF marks as code. */
class DiscoveryTest {
    private static List<BasicBlock> blocks(RomImage image) {
        return Discovery.discover(new ExecutableCode(image, address -> true, image.rv32e()), in -> true,
                List.of(image.entry()), image.symbols()).blocks();
    }

    private static boolean inCode(RomImage image, int address) {
        for (CodeSection section : image.codeSections()) {
            if (Integer.compareUnsigned(address - section.address(), section.bytes().length) < 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noTestRomElfHasABlockOutsideItsCodeSections() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path rom : TestRomsDifferentialTest.roms()) {
            if (!rom.toString().endsWith(".elf")) {
                continue;
            }
            RomImage image = RomImage.read(rom);
            for (BasicBlock block : blocks(image)) {
                if (!inCode(image, block.start())) {
                    outside.add(rom.getFileName() + String.format("@%08x", block.start()));
                }
            }
        }
        assertEquals(List.of(), outside);
    }
}
