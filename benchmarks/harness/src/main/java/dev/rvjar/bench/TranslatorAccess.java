package dev.rvjar.bench;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;

import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * The ahead-of-time translator, when this build has one ({@code dev.rvjar.translate.Translator}):
 * found by reflection so the bench command also runs (with "n/a" in the translated columns) on a
 * build without it.
 */
final class TranslatorAccess {
    private final Method translate;
    private final Method forMachines;

    private TranslatorAccess(Method translate, Method forMachines) {
        this.translate = translate;
        this.forMachines = forMachines;
    }

    /** The translator, or null when this build has none. */
    static TranslatorAccess find() {
        try {
            Class<?> translator = Class.forName("dev.rvjar.translate.Translator");
            Method translate = translator.getMethod("translate", RomImage.class);
            Method forMachines = translate.getReturnType().getMethod("forMachines");
            return new TranslatorAccess(translate, forMachines);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
        }
    }

    /** Translates the image (discovery, code generation): the result is the translation. */
    Object translate(RomImage image) {
        try {
            return translate.invoke(null, image);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Loads a translation's classes into this JVM and returns the hook that runs it on a machine. */
    @SuppressWarnings("unchecked")
    Function<Machine, TranslatedCode> load(Object translation) {
        try {
            return (Function<Machine, TranslatedCode>) forMachines.invoke(translation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    Function<Machine, TranslatedCode> translateAndLoad(RomImage image) {
        return load(translate(image));
    }
}
