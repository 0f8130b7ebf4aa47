package dev.rvjar.image;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Malformed ELF files are refused with the documented {@link RomFormatException}, promptly. */
class ElfReaderTest {
    /**
     * An ELF32 RISC-V file (System V gABI layout): the 52-byte header, then two section headers
     * (the null section and a symbol table with the given sh_entsize), then the symbol table: 64 zero
     * bytes, symbols whose names are all the string at offset 0.
     */
    private static byte[] elfWithSymbolTable(int entrySize) {
        ByteBuffer elf = ByteBuffer.allocate(52 + 2 * 40 + 64).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1});
        elf.putShort(16, (short) 2);      // e_type: executable
        elf.putShort(18, (short) 243);    // e_machine: RISC-V
        elf.putInt(20, 1);                // e_version
        elf.putInt(32, 52);               // e_shoff
        elf.putShort(40, (short) 52);     // e_ehsize
        elf.putShort(46, (short) 40);     // e_shentsize
        elf.putShort(48, (short) 2);      // e_shnum
        int symtab = 52 + 40;
        elf.putInt(symtab + 4, 2);        // sh_type: SHT_SYMTAB
        elf.putInt(symtab + 16, 52 + 2 * 40);   // sh_offset
        elf.putInt(symtab + 20, 64);      // sh_size
        elf.putInt(symtab + 36, entrySize);
        return elf.array();
    }

    /** Found by the fuzzer: an entry size of 0 made the symbol loop endless. */
    @Test
    void aSymbolTableWithEntriesSmallerThanASymbolIsRefusedWithoutHanging() {
        for (int entrySize : new int[] {0, 1, 15, -16}) {
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(RomFormatException.class, () -> RomImage.of(elfWithSymbolTable(entrySize))));
        }
    }

    @Test
    void aSymbolTableOutsideTheFileIsRefused() {
        byte[] elf = elfWithSymbolTable(16);
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putInt(52 + 40 + 20, 1 << 20);
        assertThrows(RomFormatException.class, () -> RomImage.of(elf));
    }

    /**
     * An ELF32 RISC-V file with two PT_LOAD program headers loading 16 bytes each, the first
     * executable at 0, the second at {@code secondAddress}.
     */
    private static byte[] elfWithTwoSegments(int secondAddress) {
        ByteBuffer elf = ByteBuffer.allocate(52 + 2 * 32 + 32).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1});
        elf.putShort(16, (short) 2);
        elf.putShort(18, (short) 243);
        elf.putInt(20, 1);
        elf.putInt(28, 52);               // e_phoff
        elf.putShort(42, (short) 32);     // e_phentsize
        elf.putShort(44, (short) 2);      // e_phnum
        for (int i = 0; i < 2; i++) {
            int ph = 52 + i * 32;
            elf.putInt(ph, 1);                        // p_type: PT_LOAD
            elf.putInt(ph + 4, 52 + 2 * 32 + i * 16); // p_offset
            elf.putInt(ph + 8, i == 0 ? 0 : secondAddress);
            elf.putInt(ph + 12, i == 0 ? 0 : secondAddress);
            elf.putInt(ph + 16, 16);                  // p_filesz
            elf.putInt(ph + 20, 16);                  // p_memsz
            elf.putInt(ph + 24, i == 0 ? 5 : 6);      // p_flags: R+X, then R+W
        }
        return elf.array();
    }

    @Test
    void segmentsSideBySideLoad() {
        assertEquals(2, RomImage.of(elfWithTwoSegments(16)).segments().size());
    }

    /** Found by the fuzzer: a data segment over code made memory and the translator's view of the code differ. */
    @Test
    void overlappingSegmentsAreRefused() {
        RomFormatException e = assertThrows(RomFormatException.class, () -> RomImage.of(elfWithTwoSegments(4)));
        assertEquals("ELF segments overlap at 0x00000004", e.getMessage());
        assertThrows(RomFormatException.class, () -> RomImage.of(elfWithTwoSegments(15)));
        assertThrows(RomFormatException.class, () -> RomImage.of(elfWithTwoSegments(0)));
    }
}
