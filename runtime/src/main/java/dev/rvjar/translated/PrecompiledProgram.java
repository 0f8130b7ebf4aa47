package dev.rvjar.translated;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A ROM translated ahead of time and packed into a jar by {@code rvjar compile}: the ROM file, its
 * code map and the generated classes, found through a class loader. The jar's layout:
 *
 * <pre>
 * rvjar/program.properties   the {@link ProgramProperties}
 * rvjar/rom                  the ROM file as given (ELF or flat), symbols included
 * rvjar/code-map             the {@link CodeMap}
 * dev/rvjar/guest/*.class    the generated regions and their dispatcher
 * dev/rvjar/**.class         the rvjar runtime
 * </pre>
 */
public final class PrecompiledProgram {
    public static final String PROPERTIES = "rvjar/program.properties";
    public static final String ROM = "rvjar/rom";
    public static final String CODE_MAP = "rvjar/code-map";
    public static final String DISPATCHER = "dev.rvjar.guest.Dispatcher";

    private final ProgramProperties properties;
    private final byte[] rom;
    private final CodeMap codeMap;
    private final RegionDispatcher dispatcher;

    private PrecompiledProgram(ProgramProperties properties, byte[] rom, CodeMap codeMap, RegionDispatcher dispatcher) {
        this.properties = properties;
        this.rom = rom;
        this.codeMap = codeMap;
        this.dispatcher = dispatcher;
    }

    /** Loads the precompiled program that {@code loader} sees (the jar on the class path, or one opened by rvjar run). */
    public static PrecompiledProgram load(ClassLoader loader) throws IOException {
        ProgramProperties properties;
        try (InputStream in = resource(loader, PROPERTIES)) {
            properties = ProgramProperties.read(in);
        }
        byte[] rom;
        try (InputStream in = resource(loader, ROM)) {
            rom = in.readAllBytes();
        }
        CodeMap codeMap;
        try (InputStream in = resource(loader, CODE_MAP)) {
            codeMap = CodeMap.read(in);
        }
        RegionDispatcher dispatcher;
        try {
            dispatcher = (RegionDispatcher) Class.forName(DISPATCHER, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IOException("the precompiled code cannot be loaded: " + e, e);
        }
        return new PrecompiledProgram(properties, rom, codeMap, dispatcher);
    }

    /**
     * Opens the precompiled program in {@code jar} (made by {@code rvjar compile}) in a class
     * loader of its own, whose parent is this runtime's: the jar's copy of the runtime is not used.
     */
    public static PrecompiledProgram open(Path jar) throws IOException {
        return load(new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, PrecompiledProgram.class.getClassLoader()));
    }

    /** Whether {@code file} is a jar (a zip file) rather than an ELF or flat ROM. */
    public static boolean isJar(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("not a precompiled rvjar program: " + name + " is missing");
        }
        return in;
    }

    public ProgramProperties properties() {
        return properties;
    }

    /** The name of the ROM file it was compiled from. */
    public String romName() {
        return properties.romName();
    }

    /** Whether it was translated for strict RV32E. */
    public boolean rv32e() {
        return properties.rv32e();
    }

    /** What {@code --stats} says about the code. */
    public String summary() {
        return "precompiled: " + codeMap.blockCount() + " blocks in " + codeMap.regionCount() + " regions";
    }

    public RomImage image() {
        return RomImage.of(rom);
    }

    public CodeMap codeMap() {
        return codeMap;
    }

    /** Runs the precompiled code on {@code machine}: the {@link dev.rvjar.lambda.LambdaCall#translation} hook. */
    public TranslatedCode attach(Machine machine) {
        return TranslatedProgram.attach(machine, codeMap, dispatcher);
    }
}
