package dev.rvjar.translate;

import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.translated.CodeMap;
import dev.rvjar.translated.RegionDispatcher;
import dev.rvjar.translated.TranslatedProgram;

import java.util.Collections;
import java.util.Map;
import java.util.function.Function;

/**
 * A translated ROM: the generated classes (internal name to class file) and the code map. Load it
 * into this JVM with {@link #load()}, or write it into a jar.
 */
public final class Translation {
    /** What translation produced and how long it took. */
    public record Statistics(int blocks, int regions, int instructions, int largestMethod, int droppedBlocks,
            long nanos) {
    }

    private final Map<String, byte[]> classes;
    private final CodeMap codeMap;
    private final Statistics statistics;
    private RegionDispatcher dispatcher;

    Translation(Map<String, byte[]> classes, CodeMap codeMap, Statistics statistics) {
        this.classes = Collections.unmodifiableMap(classes);
        this.codeMap = codeMap;
        this.statistics = statistics;
    }

    /** The generated class files by internal name, sorted. */
    public Map<String, byte[]> classes() {
        return classes;
    }

    public CodeMap codeMap() {
        return codeMap;
    }

    public Statistics statistics() {
        return statistics;
    }

    /** Defines the generated classes in a class loader of their own (once) and returns the dispatcher. */
    public synchronized RegionDispatcher load() {
        if (dispatcher == null) {
            dispatcher = GeneratedClassLoader.dispatcher(classes, Translator.DISPATCHER);
        }
        return dispatcher;
    }

    /** The {@link dev.rvjar.lambda.LambdaCall#translation} hook that runs this translation on a machine. */
    public Function<Machine, TranslatedCode> forMachines() {
        RegionDispatcher loaded = load();
        return machine -> TranslatedProgram.attach(machine, codeMap, loaded);
    }
}
