package dev.rvjar.machine;

import dev.rvjar.image.RomImage;
import dev.rvjar.memory.Region;

import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Translates a program to JVM bytecode for {@link Machine.Builder#translate(boolean)}. The runtime
 * cannot depend on the translator (the translator depends on the runtime), so the translator
 * module provides this service ({@code META-INF/services}); with only the runtime on the class path
 * there is none, and machines interpret.
 */
public interface CodeTranslator {
    /**
     * Translates {@code image} for machines with memory {@code layout}; the function attaches the
     * translated code to one machine, and may be applied to many (the generated classes are shared).
     */
    Function<Machine, TranslatedCode> translate(RomImage image, List<Region> layout, boolean rv32e);

    /** The translator on the class path. */
    static CodeTranslator find() {
        return ServiceLoader.load(CodeTranslator.class, CodeTranslator.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("translation needs rvjar-translator on the class path"));
    }
}
