package dev.rvjar.serve.exec;

import dev.rvjar.image.RomImage;
import dev.rvjar.lambda.LambdaCall;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.translate.Translation;
import dev.rvjar.translate.Translator;

import java.util.function.Function;

/**
 * A ROM translated once, when it is uploaded or first called on this node: its generated classes are
 * loaded into this JVM and attached to every machine that runs it (see {@link CallMachine}), so
 * HotSpot compiles them once and every call after the first few runs warm code.
 */
public final class CompiledRom {
    private final String id;
    private final int size;
    private final RomImage image;
    private final Function<Machine, TranslatedCode> code;
    private final Translation.Statistics statistics;
    private final Limits limits;

    private CompiledRom(String id, int size, RomImage image, Translation translation, Limits limits) {
        this.id = id;
        this.size = size;
        this.image = image;
        this.code = translation.forMachines();
        this.statistics = translation.statistics();
        this.limits = limits;
    }

    /**
     * Loads and translates {@code bytes} (a flat image or an ELF file).
     *
     * @throws dev.rvjar.image.RomFormatException when the bytes are not a ROM for the contract's map
     */
    public static CompiledRom translate(String id, byte[] bytes, Limits limits) {
        RomImage image = RomImage.of(bytes);
        LambdaCall.checkImageFitsRom(image);
        return new CompiledRom(id, bytes.length, image, Translator.translate(image, McuLayout.LAYOUT, image.rv32e()), limits);
    }

    public String id() {
        return id;
    }

    public int size() {
        return size;
    }

    public RomImage image() {
        return image;
    }

    public Limits limits() {
        return limits;
    }

    public Translation.Statistics statistics() {
        return statistics;
    }

    /** Binds the translated classes to a new machine. */
    TranslatedCode attach(Machine machine) {
        return code.apply(machine);
    }
}
