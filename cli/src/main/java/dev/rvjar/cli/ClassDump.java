package dev.rvjar.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --dump-classes DIR}: writes generated class files under DIR in the usual package
 * directories ({@code DIR/dev/rvjar/guest/Region_00000000.class}), so that
 * {@code javap -c -p -cp DIR dev.rvjar.guest.Region_00000000} shows the bytecode of a region.
 */
final class ClassDump {
    private ClassDump() {
    }

    /** Writes each class (internal name to class file bytes); returns how many were written. */
    static int write(Map<String, byte[]> classes, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                throw new IOException("refusing to write class " + name);
            }
            Path file = dir.resolve(name + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return classes.size();
    }
}
