package dev.rvjar.translate;

import dev.rvjar.translated.PrecompiledMain;
import dev.rvjar.translated.PrecompiledProgram;
import dev.rvjar.translated.ProgramProperties;
import org.objectweb.asm.ClassReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a translation as a self-contained, runnable jar (the layout is described on
 * {@link PrecompiledProgram}): the generated classes, the ROM, the code map, and exactly the rvjar
 * runtime classes they need, found by following class references from {@link PrecompiledMain} and
 * the generated code, so neither the translator, ASM nor the command line end up in the jar.
 *
 * <p>The jar is reproducible: entries in name order, one fixed timestamp, a fixed manifest.
 */
public final class PrecompiledJar {
    /** Every entry's timestamp (the project's reproducible-build date). */
    private static final LocalDateTime TIMESTAMP = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final Pattern RVJAR_CLASS = Pattern.compile("dev/rvjar/[A-Za-z0-9_$/]+");
    private static final String MANIFEST = "Manifest-Version: 1.0\r\n"
            + "Main-Class: " + PrecompiledMain.class.getName() + "\r\n"
            + "Created-By: rvjar compile\r\n\r\n";
    private static final int CONSTANT_UTF8 = 1;

    private PrecompiledJar() {
    }

    /** Writes the jar for the ROM file {@code romFile} (its bytes as read), described by {@code properties}, and its translation. */
    public static void write(Path jar, ProgramProperties properties, byte[] romFile, Translation translation) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put(PrecompiledProgram.PROPERTIES, properties.bytes());
        entries.put(PrecompiledProgram.ROM, romFile);
        ByteArrayOutputStream codeMap = new ByteArrayOutputStream();
        translation.codeMap().write(codeMap);
        entries.put(PrecompiledProgram.CODE_MAP, codeMap.toByteArray());
        translation.classes().forEach((name, bytes) -> entries.put(name + ".class", bytes));
        runtimeClasses(translation.classes()).forEach((name, bytes) -> entries.put(name + ".class", bytes));

        Path temp = Files.createTempFile(jar.toAbsolutePath().getParent(), "." + jar.getFileName(), ".tmp");
        try {
            readableByAll(temp);
            try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
                put(zip, "META-INF/", null);
                put(zip, "META-INF/MANIFEST.MF", MANIFEST.getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    put(zip, entry.getKey(), entry.getValue());
                }
            }
            Files.move(temp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A temporary file starts private (0600); the jar is an ordinary file others may run. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions are the platform's usual ones
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(TIMESTAMP);
        zip.putNextEntry(entry);
        if (bytes != null) {
            zip.write(bytes);
        }
        zip.closeEntry();
    }

    /** The rvjar runtime classes reachable from the launcher and from {@code generated}, by internal name. */
    static Map<String, byte[]> runtimeClasses(Map<String, byte[]> generated) throws IOException {
        Map<String, byte[]> found = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(PrecompiledMain.class.getName().replace('.', '/'));
        for (byte[] bytes : generated.values()) {
            queue.addAll(referencedClasses(bytes));
        }
        ClassLoader loader = PrecompiledMain.class.getClassLoader();
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (found.containsKey(name) || name.startsWith(Translator.PACKAGE) || generated.containsKey(name)) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(name + ".class")) {
                if (in == null) {
                    continue; // a package name or other string that only looks like a class
                }
                byte[] bytes = in.readAllBytes();
                found.put(name, bytes);
                queue.addAll(referencedClasses(bytes));
            }
        }
        return found;
    }

    /** Every rvjar class name mentioned in the constant pool: class entries, descriptors, signatures. */
    private static java.util.List<String> referencedClasses(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || reader.readByte(offset - 1) != CONSTANT_UTF8) {
                continue;
            }
            int length = reader.readUnsignedShort(offset);
            byte[] utf8 = new byte[length];
            for (int j = 0; j < length; j++) {
                utf8[j] = (byte) reader.readByte(offset + 2 + j);
            }
            Matcher matcher = RVJAR_CLASS.matcher(new String(utf8, StandardCharsets.ISO_8859_1));
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }
}
