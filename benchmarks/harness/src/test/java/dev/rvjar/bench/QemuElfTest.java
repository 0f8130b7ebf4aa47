package dev.rvjar.bench;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ELF wrapper's layout, read back field by field as the ELF specification defines it. */
class QemuElfTest {
    @Test
    void fourLoadSegmentsWithTheMcuMapAndTheBytesInPlace() {
        byte[] rom = {0x13, 0, 0, 0, 0x6f, 0, 0, 0};
        byte[] in = Suite.inFile(12);
        ByteBuffer b = ByteBuffer.wrap(QemuElf.build(rom, in, true)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x464c457f, b.getInt(0));
        assertEquals(1, b.get(4));                 // ELFCLASS32
        assertEquals(1, b.get(5));                 // little endian
        assertEquals(2, b.getShort(16));           // ET_EXEC
        assertEquals(243, b.getShort(18));         // EM_RISCV
        assertEquals(0, b.getInt(24));             // entry
        assertEquals(0x5, b.getInt(36));           // RVC | double-float ABI
        int phoff = b.getInt(28);
        assertEquals(4, b.getShort(44));
        int[][] expected = {
            // vaddr, filesz, memsz, flags
            {0x0000_0000, rom.length, rom.length, 5},
            {0x0100_0000, 0, 1 << 20, 6},
            {0x0800_0000, in.length, 1 << 20, 6},
            {0x0810_0000, 0, 1 << 20, 6},
        };
        for (int i = 0; i < 4; i++) {
            int ph = phoff + 32 * i;
            assertEquals(1, b.getInt(ph), "PT_LOAD");
            int offset = b.getInt(ph + 4);
            assertEquals(0, offset % 4096, "page-aligned file offset");
            assertEquals(expected[i][0], b.getInt(ph + 8));
            assertEquals(expected[i][0], b.getInt(ph + 12));
            assertEquals(expected[i][1], b.getInt(ph + 16));
            assertEquals(expected[i][2], b.getInt(ph + 20));
            assertEquals(expected[i][3], b.getInt(ph + 24));
            byte[] content = new byte[expected[i][1]];
            b.get(offset, content);
            assertArrayEquals(i == 0 ? rom : i == 2 ? in : new byte[0], content);
        }
    }

    @Test
    void inFileIsLengthHeaderAndDecimalScale() {
        assertArrayEquals(new byte[] {3, 0, 0, 0, '1', '2', '5'}, Suite.inFile(125));
        assertArrayEquals(new byte[] {0, 0, 0, 0}, Suite.inFile(0));
    }
}
