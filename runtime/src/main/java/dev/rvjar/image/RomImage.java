package dev.rvjar.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A program to run: the bytes to place in memory, the entry point and the symbols. Made from a flat
 * {@code objcopy -O binary} image (loaded at address 0, no symbols) or from an RV32 ELF file.
 */
public final class RomImage {
    /**
     * Addresses in unsigned order. An anonymous class rather than a method reference: see
     * {@link dev.rvjar.translated.PrecompiledMain}.
     */
    private static final Comparator<Integer> UNSIGNED = new Comparator<>() {
        @Override
        public int compare(Integer a, Integer b) {
            return Integer.compareUnsigned(a, b);
        }
    };

    private final List<Segment> segments;
    private final int entry;
    private final boolean rv32e;
    private final List<Symbol> symbols;
    private final Map<String, Symbol> byName = new HashMap<>();
    private final TreeMap<Integer, Symbol> byAddress = new TreeMap<>(UNSIGNED);

    private final List<CodeSection> codeSections;
    private final boolean elf;
    /** Mapping symbols by address: true where data starts, false where instructions start again. */
    private final TreeMap<Integer, Boolean> mapping = new TreeMap<>(UNSIGNED);
    /** The widest floating-point argument passed in f registers: 0 (ilp32, ilp32e), 32 (ilp32f), 64 (ilp32d). */
    private int floatArgumentBits;

    RomImage(boolean elf, List<Segment> segments, int entry, boolean rv32e, List<Symbol> symbols, List<CodeSection> codeSections) {
        this.elf = elf;
        this.segments = List.copyOf(segments);
        this.codeSections = List.copyOf(codeSections);
        this.entry = entry;
        this.rv32e = rv32e;
        this.symbols = List.copyOf(symbols);
        for (Symbol symbol : symbols) {
            byName.putIfAbsent(symbol.name(), symbol);
            Symbol known = byAddress.get(symbol.address());
            if (known == null || preferred(symbol, known)) {
                byAddress.put(symbol.address(), symbol);
            }
        }
    }

    /**
     * objdump's choice among symbols at one address (its compare_symbols): symbols in a section
     * before absolute ones, functions first, global before weak or local, larger size first,
     * then the smaller name.
     */
    private static boolean preferred(Symbol symbol, Symbol known) {
        if (symbol.absolute() != known.absolute()) {
            return !symbol.absolute();
        }
        if (symbol.function() != known.function()) {
            return symbol.function();
        }
        if (symbol.global() != known.global()) {
            return symbol.global();
        }
        if (symbol.size() != known.size()) {
            return Integer.compareUnsigned(symbol.size(), known.size()) > 0;
        }
        return symbol.name().compareTo(known.name()) < 0;
    }

    /** A flat image: the bytes of the ROM region from address 0. */
    public static RomImage flat(byte[] bytes) {
        byte[] image = bytes.clone();
        return new RomImage(false, List.of(new Segment(0, image, true)), 0, false, List.of(), List.of(new CodeSection("", 0, image)));
    }

    /** Reads a ROM file, telling ELF from a flat image by the ELF magic number. */
    public static RomImage read(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    /** A ROM from the bytes of a ROM file, ELF or flat as the ELF magic number says. */
    public static RomImage of(byte[] bytes) {
        return ElfReader.isElf(bytes) ? ElfReader.read(bytes) : flat(bytes);
    }

    public List<Segment> segments() {
        return segments;
    }

    /**
     * The code as the linker laid it out: executable sections of an ELF (an ELF without section
     * headers gives its executable segments instead), or the whole of a flat image.
     */
    public List<CodeSection> codeSections() {
        return codeSections;
    }

    RomImage withMappingSymbols(List<Integer> dataStarts, List<Integer> codeStarts) {
        for (int address : codeStarts) {
            mapping.put(address, false);
        }
        for (int address : dataStarts) {
            mapping.put(address, true);
        }
        return this;
    }

    RomImage withFloatArgumentBits(int bits) {
        this.floatArgumentBits = bits;
        return this;
    }

    /**
     * The calling convention's widest floating-point argument passed in f registers, from the ELF
     * header: 0 for ilp32 and ilp32e (and every flat image), 32 for ilp32f, 64 for ilp32d.
     */
    public int floatArgumentBits() {
        return floatArgumentBits;
    }

    /** Whether the assembler marked {@code address} as data inside code (a {@code $d} mapping symbol). */
    public boolean isDataAt(int address) {
        Map.Entry<Integer, Boolean> mark = mapping.floorEntry(address);
        return mark != null && mark.getValue();
    }

    /** The next address after {@code address} where a mapping symbol switches between code and data, or null. */
    public Integer nextMappingChange(int address) {
        return mapping.higherKey(address);
    }

    /** Whether the image came from an ELF file (rather than a flat binary). */
    public boolean isElf() {
        return elf;
    }

    /** The ELF entry point (0 for a flat image). */
    public int entry() {
        return entry;
    }

    /** Whether the ELF header marks the program as RV32E (16 integer registers). */
    public boolean rv32e() {
        return rv32e;
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    /** The address of the named symbol, if the image has it. */
    public Optional<Integer> addressOf(String name) {
        Symbol symbol = byName.get(name);
        return symbol == null ? Optional.empty() : Optional.of(symbol.address());
    }

    /** The symbol that starts exactly at {@code address}, or null. */
    public String symbolAt(int address) {
        Symbol symbol = byAddress.get(address);
        return symbol == null ? null : symbol.name();
    }

    /**
     * The address as objdump names it: the nearest symbol at or below it, plus the offset in hex
     * ({@code main+0x1c}); null when no symbol lies below.
     */
    public String describe(int address) {
        Map.Entry<Integer, Symbol> below = byAddress.floorEntry(address);
        if (below == null) {
            return null;
        }
        int offset = address - below.getKey();
        return offset == 0 ? below.getValue().name() : below.getValue().name() + "+0x" + Integer.toHexString(offset);
    }

    /** Symbols sorted by address, for listings. */
    public Map<Integer, Symbol> symbolsByAddress() {
        return Collections.unmodifiableMap(byAddress);
    }
}
