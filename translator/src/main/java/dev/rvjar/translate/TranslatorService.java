package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.CodeTranslator;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.Region;

import java.util.List;
import java.util.function.Function;

/** The {@link CodeTranslator} service: what {@code Machine.builder().translate(true)} finds on the class path. */
public final class TranslatorService implements CodeTranslator {
    @Override
    public Function<Machine, TranslatedCode> translate(RomImage image, List<Region> layout, boolean rv32e) {
        return Translator.translate(image, layout, rv32e).forMachines();
    }
}
