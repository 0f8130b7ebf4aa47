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
    private static final int SHT_SYMTAB = 2;
    private static final int EF_RISCV_RVE = 0x8;
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
        List<Symbol> symbols = shnum == 0 ? List.of() : symbols(elf, shoff, shentsize, shnum);
        return new RomImage(segments, entry, (flags & EF_RISCV_RVE) != 0, symbols);
    }

    private static List<Symbol> symbols(ByteBuffer elf, int shoff, int shentsize, int shnum) {
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int sh = shoff + i * shentsize;
            if (elf.getInt(sh + 4) != SHT_SYMTAB) {
                continue;
            }
            int offset = elf.getInt(sh + 16);
            int size = elf.getInt(sh + 20);
            int link = elf.getInt(sh + 24);
            int entsize = elf.getInt(sh + 36);
            int strtab = elf.getInt(shoff + link * shentsize + 16);
            for (int s = offset + entsize; s + entsize <= offset + size; s += entsize) {
                int type = elf.get(s + 12) & 0xF;
                int shndx = Short.toUnsignedInt(elf.getShort(s + 14));
                if (type == STT_SECTION || type == STT_FILE || shndx == 0) {
                    continue;
                }
                String name = cString(elf, strtab + elf.getInt(s));
                if (!name.isEmpty() && !name.startsWith("$")) {
                    symbols.add(new Symbol(name, elf.getInt(s + 4), elf.getInt(s + 8), type == STT_FUNC, shndx == SHN_ABS,
                            (elf.get(s + 12) & 0xFF) >>> 4 == STB_GLOBAL));
                }
            }
        }
        return symbols;
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
