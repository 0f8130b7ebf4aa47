package dev.rvjar.translate;

import dev.rvjar.translated.RegionDispatcher;

import java.util.HashMap;
import java.util.Map;

/**
 * Defines the classes of one translation in memory. Each translation gets a loader of its own, so
 * several ROMs can be translated in one JVM, and their classes are unloaded with the loader.
 */
final class GeneratedClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();

    private GeneratedClassLoader(Map<String, byte[]> internalNames) {
        super(RegionDispatcher.class.getClassLoader());
        internalNames.forEach((name, bytes) -> classes.put(name.replace('/', '.'), bytes));
    }

    static RegionDispatcher dispatcher(Map<String, byte[]> classes, String dispatcher) {
        GeneratedClassLoader loader = new GeneratedClassLoader(classes);
        try {
            return (RegionDispatcher) loader.loadClass(dispatcher.replace('/', '.')).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated dispatcher cannot be loaded", e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.remove(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
