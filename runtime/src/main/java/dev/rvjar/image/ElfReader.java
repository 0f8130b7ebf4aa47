package dev.rvjar.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the parts of a 32-bit little-endian RISC-V ELF file that rvjar needs: segments and symbols. */
final class ElfReader {
    private static final int EM_RISCV = 243;
    private static final int PT_LOAD = 1;
    private static final int PF_X = 1;
    private static final int SHT_PROGBITS = 1;
    private static final int SHT_SYMTAB = 2;
    /** The size of an ELF32 symbol table entry (Elf32_Sym). */
    private static final int SYMBOL_SIZE = 16;
    private static final int SHF_ALLOC = 2;
    private static final int SHF_EXECINSTR = 4;
    private static final int EF_RISCV_RVE = 0x8;
    /** e_flags bits 1-2: the floating-point calling convention (0 soft, 1 single, 2 double, 3 quad). */
    private static final int EF_RISCV_FLOAT_ABI = 0x6;
    private static final int STT_FUNC = 2;
    private static final int STT_SECTION = 3;
    private static final int STT_FILE = 4;
    private static final int SHN_ABS = 0xFFF1;
    private static final int STB_GLOBAL = 1;

    private ElfReader() {
    }

    static boolean isElf(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
    }

    static RomImage read(byte[] bytes) {
        try {
            return parse(bytes);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new RomFormatException("truncated or malformed ELF file");
        }
    }

    private static RomImage parse(byte[] bytes) {
        ByteBuffer elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 52) {
            throw new RomFormatException("truncated ELF header");
        }
        if (bytes[4] != 1) {
            throw new RomFormatException("not a 32-bit ELF file (RV64 is not supported)");
        }
        if (bytes[5] != 1) {
            throw new RomFormatException("not a little-endian ELF file");
        }
        if (Short.toUnsignedInt(elf.getShort(18)) != EM_RISCV) {
            throw new RomFormatException("not a RISC-V ELF file (e_machine " + Short.toUnsignedInt(elf.getShort(18)) + ")");
        }
        int entry = elf.getInt(24);
        int phoff = elf.getInt(28);
        int shoff = elf.getInt(32);
        int flags = elf.getInt(36);
        int phentsize = Short.toUnsignedInt(elf.getShort(42));
        int phnum = Short.toUnsignedInt(elf.getShort(44));
        int shentsize = Short.toUnsignedInt(elf.getShort(46));
        int shnum = Short.toUnsignedInt(elf.getShort(48));

        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int ph = phoff + i * phentsize;
            if (elf.getInt(ph) != PT_LOAD) {
                continue;
            }
            int offset = elf.getInt(ph + 4);
            int paddr = elf.getInt(ph + 12);
            int filesz = elf.getInt(ph + 16);
            int pflags = elf.getInt(ph + 24);
            if (filesz == 0) {
                continue;
            }
            if (filesz < 0 || offset < 0 || (long) offset + filesz > bytes.length) {
                throw new RomFormatException("ELF segment " + i + " lies outside the file");
            }
            byte[] content = new byte[filesz];
            System.arraycopy(bytes, offset, content, 0, filesz);
            segments.add(new Segment(paddr, content, (pflags & PF_X) != 0));
        }
        checkNoOverlap(segments);
        List<Symbol> symbols = new ArrayList<>();
        List<Integer> dataStarts = new ArrayList<>();
        List<Integer> codeStarts = new ArrayList<>();
        List<CodeSection> code = new ArrayList<>();
        if (shnum != 0) {
            readSymbols(elf, shoff, shentsize, shnum, symbols, dataStarts, codeStarts);
            code = codeSections(elf, shoff, shentsize, shnum);
        }
        if (code.isEmpty()) {
            for (Segment segment : segments) {
                if (segment.executable()) {
                    code.add(new CodeSection("", segment.address(), segment.bytes()));
                }
            }
        }
        return new RomImage(true, segments, entry, (flags & EF_RISCV_RVE) != 0, symbols, code)
                .withMappingSymbols(dataStarts, codeStarts)
                .withFloatArgumentBits(16 << ((flags & EF_RISCV_FLOAT_ABI) >>> 1) & ~16);
    }

    /**
     * Loadable segments must not overlap: where they do, memory holds the later one's bytes while
     * the translator would read code from the earlier one (the fuzzer found such a file), and no
     * linker makes one.
     */
    private static void checkNoOverlap(List<Segment> segments) {
        // pairwise, without a sorting lambda: an ELF has a handful of segments, and a lambda would
        // bootstrap invokedynamic on the start-up path of every precompiled jar
        for (int i = 0; i < segments.size(); i++) {
            for (int j = i + 1; j < segments.size(); j++) {
                Segment a = segments.get(i);
                Segment b = segments.get(j);
                long aStart = Integer.toUnsignedLong(a.address());
                long bStart = Integer.toUnsignedLong(b.address());
                if (aStart < bStart + b.bytes().length && bStart < aStart + a.bytes().length) {
                    throw new RomFormatException(String.format("ELF segments overlap at 0x%08x", (int) Math.max(aStart, bStart)));
                }
            }
        }
    }

    private static List<CodeSection> codeSections(ByteBuffer elf, int shoff, int shentsize, int shnum) {
        int shstrndx = Short.toUnsignedInt(elf.getShort(50));
        int names = elf.getInt(shoff + shstrndx * shentsize + 16);
        List<CodeSection> sections = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int sh = shoff + i * shentsize;
            int flags = elf.getInt(sh + 8);
            if (elf.getInt(sh + 4) != SHT_PROGBITS || (flags & SHF_ALLOC) == 0 || (flags & SHF_EXECINSTR) == 0) {
                continue;
            }
            int offset = elf.getInt(sh + 16);
            int size = elf.getInt(sh + 20);
            if (size < 0 || offset < 0 || (long) offset + size > elf.capacity()) {
                throw new RomFormatException("ELF section " + i + " lies outside the file");
            }
            byte[] content = new byte[size];
            elf.get(offset, content);
            sections.add(new CodeSection(cString(elf, names + elf.getInt(sh)), elf.getInt(sh + 12), content));
        }
        return sections;
    }

    /**
     * Reads the symbol table in one pass: the symbols listings and profiles name, and the
     * assembler's mapping symbols, {@code $d} where data starts inside code and {@code $x} (with
     * an optional ISA suffix) where instructions start again. Listings print data as data.
     */
    private static void readSymbols(ByteBuffer elf, int shoff, int shentsize, int shnum,
                                    List<Symbol> symbols, List<Integer> dataStarts, List<Integer> codeStarts) {
        for (int i = 0; i < shnum; i++) {
            int sh = shoff + i * shentsize;
            if (elf.getInt(sh + 4) != SHT_SYMTAB) {
                continue;
            }
            int offset = elf.getInt(sh + 16);
            int size = elf.getInt(sh + 20);
            int link = elf.getInt(sh + 24);
            int entsize = elf.getInt(sh + 36);
            // a smaller entry size would make the loop below endless (0) or quadratic
            if (entsize < SYMBOL_SIZE) {
                throw new RomFormatException("ELF symbol table " + i + " has entries of " + entsize + " bytes");
            }
            if (size < 0 || offset < 0 || (long) offset + size > elf.capacity()) {
                throw new RomFormatException("ELF section " + i + " lies outside the file");
            }
            int strtab = elf.getInt(shoff + link * shentsize + 16);
            for (int s = offset + entsize; s + entsize <= offset + size; s += entsize) {
                String name = cString(elf, strtab + elf.getInt(s));
                int value = elf.getInt(s + 4);
                int info = elf.get(s + 12) & 0xFF;
                int type = info & 0xF;
                int shndx = Short.toUnsignedInt(elf.getShort(s + 14));
                if (name.equals("$d") || name.startsWith("$d.")) {
                    dataStarts.add(value);
                } else if (name.startsWith("$x")) {
                    codeStarts.add(value);
                }
                if (type != STT_SECTION && type != STT_FILE && shndx != 0 && !name.isEmpty() && !name.startsWith("$")) {
                    symbols.add(new Symbol(name, value, elf.getInt(s + 8), type == STT_FUNC, shndx == SHN_ABS,
                            info >>> 4 == STB_GLOBAL));
                }
            }
        }
    }

    private static String cString(ByteBuffer elf, int at) {
        int end = at;
        while (elf.get(end) != 0) {
            end++;
        }
        byte[] name = new byte[end - at];
        elf.get(at, name);
        return new String(name, StandardCharsets.UTF_8);
    }
}
