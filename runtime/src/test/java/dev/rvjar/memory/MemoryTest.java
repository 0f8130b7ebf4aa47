package dev.rvjar.memory;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guest memory against an independent model: a little-endian {@link ByteBuffer} per region
 * (Java's own byte order handling), for every width, alignment and page and region boundary.
 */
class MemoryTest {
    /** Two whole pages and a short third one (the slow path's page), then a gap, then a read-only region. */
    private static final int RAM = 0x0100_0000;
    private static final int RAM_SIZE = 2 * Memory.PAGE_SIZE + 0x100;
    private static final int ROM = 0x0200_0000;
    private static final int ROM_SIZE = Memory.PAGE_SIZE;

    private static Memory memory() {
        return new Memory(List.of(new Region("ram", RAM, RAM_SIZE, true, true, true),
                new Region("rom", ROM, ROM_SIZE, true, false, true)));
    }

    private static ByteBuffer model(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Addresses where accesses take every path: aligned and not, both sides of page and region ends. */
    private static int[] interestingOffsets() {
        List<Integer> offsets = new ArrayList<>();
        for (int around : new int[] {0, Memory.PAGE_SIZE, 2 * Memory.PAGE_SIZE, RAM_SIZE - 8}) {
            for (int d = -9; d <= 9; d++) {
                if (around + d >= 0 && around + d + 8 <= RAM_SIZE) {
                    offsets.add(around + d);
                }
            }
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyWidthAndAlignmentReadsBackWhatTheModelHolds() {
        Memory memory = memory();
        ByteBuffer model = model(RAM_SIZE);
        Random random = new Random(1);
        for (int offset : interestingOffsets()) {
            for (int width : new int[] {1, 2, 4, 8}) {
                long value = random.nextLong();
                int address = RAM + offset;
                switch (width) {
                    case 1 -> { memory.storeByte(address, (int) value); model.put(offset, (byte) value); }
                    case 2 -> { memory.storeHalf(address, (int) value); model.putShort(offset, (short) value); }
                    case 4 -> { memory.storeWord(address, (int) value); model.putInt(offset, (int) value); }
                    default -> { memory.storeDouble(address, value); model.putLong(offset, value); }
                }
                for (int at = Math.max(0, offset - 3); at <= Math.min(offset + 3, RAM_SIZE - 8); at++) {
                    int a = RAM + at;
                    assertEquals(model.get(at), memory.loadByte(a), () -> "lb at " + Integer.toHexString(a));
                    assertEquals(model.get(at) & 0xFF, memory.loadByteUnsigned(a));
                    assertEquals(model.getShort(at), memory.loadHalf(a), () -> "lh at " + Integer.toHexString(a));
                    assertEquals(model.getShort(at) & 0xFFFF, memory.loadHalfUnsigned(a));
                    assertEquals(model.getInt(at), memory.loadWord(a), () -> "lw at " + Integer.toHexString(a));
                    assertEquals(model.getLong(at), memory.loadDouble(a), () -> "ld at " + Integer.toHexString(a));
                }
            }
        }
        assertArrayEquals(model.array(), memory.region("ram").contents());
    }

    @Test
    void signAndZeroExtensionOfEveryByteLane() {
        Memory memory = memory();
        memory.storeWord(RAM, 0x80FF_7F01);
        assertEquals(0x01, memory.loadByte(RAM));
        assertEquals(0x7F, memory.loadByte(RAM + 1));
        assertEquals(-1, memory.loadByte(RAM + 2));
        assertEquals(-128, memory.loadByte(RAM + 3));
        assertEquals(0xFF, memory.loadByteUnsigned(RAM + 2));
        assertEquals(0x7F01, memory.loadHalf(RAM));
        assertEquals((short) 0x80FF, memory.loadHalf(RAM + 2));
        assertEquals(0x80FF, memory.loadHalfUnsigned(RAM + 2));
        assertEquals((short) 0xFF7F, memory.loadHalf(RAM + 1)); // misaligned, inside one word
    }

    @Test
    void anAccessReachingPastItsRegionFaultsAtItsStartAndWritesNothing() {
        Memory memory = memory();
        int last = RAM + RAM_SIZE - 4;
        memory.storeWord(last, 0x1122_3344);
        GuestFault store = assertThrows(GuestFault.class, () -> memory.storeWord(last + 2, -1));
        assertEquals(FaultKind.STORE_ACCESS, store.kind());
        assertEquals(last + 2, store.address());
        assertEquals(0x1122_3344, memory.loadWord(last));
        GuestFault load = assertThrows(GuestFault.class, () -> memory.loadDouble(last));
        assertEquals(FaultKind.LOAD_ACCESS, load.kind());
        assertEquals(last, load.address());
        assertThrows(GuestFault.class, () -> memory.loadByte(RAM + RAM_SIZE));
        assertThrows(GuestFault.class, () -> memory.loadWord(RAM - 4));
    }

    @Test
    void storesToReadOnlyOrUnmappedMemoryFault() {
        Memory memory = memory();
        memory.region("rom").write(0, new byte[] {1, 2, 3, 4});
        assertEquals(0x0403_0201, memory.loadWord(ROM));
        for (int address : new int[] {ROM, ROM + 1, 0x0300_0000}) {
            GuestFault fault = assertThrows(GuestFault.class, () -> memory.storeByte(address, 0));
            assertEquals(FaultKind.STORE_ACCESS, fault.kind());
            assertEquals(address, fault.address());
        }
        assertEquals(0x0403_0201, memory.loadWord(ROM));
    }

    @Test
    void fetchReadsCompressedAndFullInstructions() {
        Memory memory = memory();
        memory.storeWord(RAM, 0x0050_0513); // addi a0, zero, 5
        memory.storeHalf(RAM + 4, 0x4501);  // c.li a0, 0
        assertEquals(0x0050_0513, memory.fetch(RAM));
        assertEquals(0x4501, memory.fetch(RAM + 4));
        memory.storeWord(RAM + RAM_SIZE - 4, 0x0000_0513);
        assertEquals(0x0000_0513, memory.fetch(RAM + RAM_SIZE - 4));
        memory.storeHalf(RAM + RAM_SIZE - 2, 0x0513); // the low half of a 4-byte instruction at the very end
        GuestFault fault = assertThrows(GuestFault.class, () -> memory.fetch(RAM + RAM_SIZE - 2));
        assertEquals(FaultKind.FETCH_ACCESS, fault.kind());
        assertEquals(RAM + RAM_SIZE, fault.address());
    }

    @Test
    void watchersHearEveryStoreThatReachesTheirRangeAndNoOther() {
        Memory memory = memory();
        int watched = RAM + Memory.PAGE_SIZE; // the first byte of the second page
        List<String> heard = new ArrayList<>();
        memory.watchStores(watched, 4, (address, width) -> heard.add(Integer.toHexString(address) + "/" + width));
        memory.storeWord(watched - 8, 1);  // the page before: not heard
        memory.storeWord(watched + 4, 2);  // the watched page, after the range: not heard
        memory.storeWord(watched - 2, 0x0403_0201); // misaligned, from an unwatched page into the range
        memory.storeByte(watched + 3, 9);
        assertEquals(List.of(Integer.toHexString(watched - 2) + "/4", Integer.toHexString(watched + 3) + "/1"), heard);
        assertEquals(0x0900_0403, memory.loadWord(watched)); // the watched store still happened
        assertEquals(2, memory.loadWord(watched + 4));
    }

    @Test
    void hostCopiesInAndOutAtAnyOffsetAndLength() {
        Region region = new Region("r", RAM, RAM_SIZE, true, true, false);
        ByteBuffer model = model(RAM_SIZE);
        Random random = new Random(2);
        for (int i = 0; i < 200; i++) {
            int offset = random.nextInt(RAM_SIZE);
            byte[] bytes = new byte[random.nextInt(Math.min(RAM_SIZE - offset, 70_000) + 1)];
            random.nextBytes(bytes);
            region.write(offset, bytes);
            model.put(offset, bytes);
            int from = random.nextInt(RAM_SIZE);
            int length = random.nextInt(RAM_SIZE - from + 1);
            byte[] expected = new byte[length];
            model.get(from, expected);
            assertArrayEquals(expected, region.read(from, length));
        }
        assertArrayEquals(model.array(), region.contents());
        region.load(new byte[] {5, 6, 7});
        byte[] reset = new byte[RAM_SIZE];
        reset[0] = 5;
        reset[1] = 6;
        reset[2] = 7;
        assertArrayEquals(reset, region.contents());
        assertThrows(IndexOutOfBoundsException.class, () -> region.read(RAM_SIZE - 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Region("odd", RAM, 10, true, true, false));
    }

    @Test
    void trackedStoresMarkTheirPagesAndStillLandWhileHostWritesAreNotMarked() {
        Memory memory = memory();
        ByteBuffer model = model(RAM_SIZE);
        assertFalse(memory.pageStored(RAM));
        memory.trackStores();
        memory.region("ram").write(0, new byte[] {7});
        model.put(0, (byte) 7);
        assertFalse(memory.pageStored(RAM), "a host write to the region");
        // a misaligned store across the first page boundary marks both pages; its second store takes the fast path
        int across = RAM + Memory.PAGE_SIZE - 2;
        memory.storeWord(across, 0x1122_3344);
        model.putInt(Memory.PAGE_SIZE - 2, 0x1122_3344);
        memory.storeWord(RAM + 8, 0x5566_7788);
        memory.storeWord(RAM + 12, 0x0A0B_0C0D);
        model.putInt(8, 0x5566_7788).putInt(12, 0x0A0B_0C0D);
        assertTrue(memory.pageStored(RAM) && memory.pageStored(RAM + Memory.PAGE_SIZE));
        assertFalse(memory.pageStored(RAM + 2 * Memory.PAGE_SIZE), "the short last page, not stored to");
        memory.storeByte(RAM + 2 * Memory.PAGE_SIZE + 1, 0x99);
        model.put(2 * Memory.PAGE_SIZE + 1, (byte) 0x99);
        assertTrue(memory.pageStored(RAM + 2 * Memory.PAGE_SIZE));
        assertArrayEquals(model.array(), memory.region("ram").contents());
        memory.trackStores();
        assertFalse(memory.pageStored(RAM) || memory.pageStored(RAM + Memory.PAGE_SIZE), "tracking starts over");
        memory.storeDouble(RAM + Memory.PAGE_SIZE, 42);
        assertFalse(memory.pageStored(RAM));
        assertTrue(memory.pageStored(RAM + Memory.PAGE_SIZE));
        assertEquals(42, memory.loadDouble(RAM + Memory.PAGE_SIZE));
    }

    @Test
    void aRegionThatIsOneChunkWorksAcrossItsPagesAndTracksAndWatchesThemOneByOne() {
        int size = 4 * Memory.PAGE_SIZE; // a power of two at a base aligned to it: one array
        Memory memory = new Memory(List.of(new Region("ram", RAM, size, true, true, false)));
        ByteBuffer model = model(size);
        Random random = new Random(3);
        memory.trackStores();
        memory.watchStores(RAM + 3 * Memory.PAGE_SIZE + 16, 4, (address, width) -> model.put(size - 1, (byte) 1));
        for (int round = 0; round < 50_000; round++) {
            int offset = random.nextBoolean() ? random.nextInt(size - 8)
                    : Math.floorMod(random.nextInt(4) * Memory.PAGE_SIZE + random.nextInt(16) - 8, size - 8);
            int value = random.nextInt();
            switch (random.nextInt(4)) {
                case 0 -> { memory.storeByte(RAM + offset, value); model.put(offset, (byte) value); }
                case 1 -> { memory.storeHalf(RAM + offset, value); model.putShort(offset, (short) value); }
                case 2 -> { memory.storeWord(RAM + offset, value); model.putInt(offset, value); }
                default -> { memory.storeDouble(RAM + offset, value * 31L); model.putLong(offset, value * 31L); }
            }
            int at = random.nextInt(size - 8);
            assertEquals(model.get(at), memory.loadByte(RAM + at));
            assertEquals(model.getShort(at) & 0xFFFF, memory.loadHalfUnsigned(RAM + at));
            assertEquals(model.getInt(at), memory.loadWord(RAM + at), () -> "lw at +" + Integer.toHexString(at));
            assertEquals(model.getLong(at), memory.loadDouble(RAM + at));
        }
        memory.storeByte(RAM + size - 1, 0); // the watcher's flag byte, as the model keeps it
        model.put(size - 1, (byte) 0);
        assertArrayEquals(model.array(), memory.region("ram").contents());
        for (int page = 0; page < 4; page++) {
            assertTrue(memory.pageStored(RAM + page * Memory.PAGE_SIZE));
        }
        memory.trackStores();
        memory.storeWord(RAM + Memory.PAGE_SIZE + 4, 5);
        assertFalse(memory.pageStored(RAM) || memory.pageStored(RAM + 2 * Memory.PAGE_SIZE));
        assertTrue(memory.pageStored(RAM + Memory.PAGE_SIZE));
    }
}
