package dev.rvjar.serve.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RamCodecTest {
    @Test
    void keepsOnlyNonZeroPagesAndRestoresTheWholeMegabyte() throws IOException {
        byte[] ram = new byte[1 << 20];
        ram[0] = 1;                      // page 0
        ram[4096 * 7 + 4095] = 2;        // the last byte of page 7
        ram[(1 << 20) - 1] = 3;          // the last page (the stack's top)
        byte[] encoded = RamCodec.encode(ram);
        assertEquals(3 * (2 + 4096), encoded.length);
        assertArrayEquals(ram, RamCodec.decode(encoded));
        assertEquals(0, RamCodec.encode(new byte[1 << 20]).length);
        assertArrayEquals(new byte[1 << 20], RamCodec.decode(new byte[0]));
    }

    @Test
    void aShorterRamIsPaddedWithZeros() throws IOException {
        byte[] expected = new byte[1 << 20];
        expected[5000] = 9;
        byte[] shorter = new byte[5001];
        shorter[5000] = 9;
        assertArrayEquals(expected, RamCodec.decode(RamCodec.encode(shorter)));
    }

    @Test
    void damageIsReported() {
        assertThrows(IOException.class, () -> RamCodec.decode(new byte[100]));
        byte[] badPage = new byte[2 + 4096];
        badPage[0] = 0x01; // page 256 and up does not exist
        assertThrows(IOException.class, () -> RamCodec.decode(badPage));
    }
}
