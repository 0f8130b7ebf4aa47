package dev.rvjar.memory;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Translated code's direct path into RAM: which memories have home words, and the accesses
 * {@link HomeAccess} makes for translated code against a little-endian {@link ByteBuffer} model and
 * {@link Memory}'s own accessors. Which accesses take this path is the translator's
 * {@code AccessSitesTest}.
 */
class HomeAccessTest {
    private static final int RAM = McuLayout.RAM_BASE;
    private static final int SIZE = McuLayout.REGION_SIZE;

    @Test
    void thereAreNoHomeWordsWhereRamIsElsewhereOrNotOneChunk() {
        Memory elsewhere = new Memory(List.of(new Region("ram", RAM + SIZE, SIZE, true, true, true)));
        Memory paged = new Memory(List.of(new Region("ram", RAM, SIZE - 4, true, true, true)));
        Memory readOnly = new Memory(List.of(new Region("ram", RAM, SIZE, true, false, true)));
        Memory tiny = new Memory(List.of(new Region("ram", RAM, 0x100, true, true, true))); // one short page, not a power of two of pages
        for (Memory memory : List.of(elsewhere, paged, readOnly, tiny)) {
            assertEquals(0, memory.homeLoadWords().length);
            assertEquals(0, memory.homeStoreLength());
        }
        assertEquals(SIZE / 4, new Memory(McuLayout.regions()).homeLoadWords().length);
    }

    @Test
    void romWordsAreTheRegionAtZeroWhereItIsOneReadableChunk() {
        Memory contract = new Memory(McuLayout.regions());
        assertSame(contract.region(McuLayout.ROM).chunk(0), contract.romLoadWords());
        assertEquals(SIZE / 4, contract.romLoadWords().length);
        Memory unreadable = new Memory(List.of(new Region("rom", 0, SIZE, false, false, true)));
        Memory paged = new Memory(List.of(new Region("rom", 0, SIZE - 4, true, false, true)));
        Memory elsewhere = new Memory(List.of(new Region("rom", SIZE, SIZE, true, false, true)));
        for (Memory memory : List.of(unreadable, paged, elsewhere)) {
            assertEquals(0, memory.romLoadWords().length);
        }
        contract.region(McuLayout.ROM).write(8, new byte[] {0x78, 0x56, 0x34, 0x12});
        assertEquals(0x1234_5678, contract.romLoadWords()[2], "the image as loads read it");
    }

    @Test
    void accessesWithinAndAcrossWordsLandWhereMemorysOwnFindThem() {
        Memory memory = new Memory(McuLayout.regions());
        int[] words = memory.homeLoadWords();
        assertEquals(words.length, memory.homeStoreLength(), "every word open to stores until a watch");
        ByteBuffer model = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            int width = 1 << random.nextInt(4);
            int address = RAM + (random.nextBoolean() ? random.nextInt(64) : random.nextInt(SIZE - 8)) / width * width;
            int offset = address - RAM;
            int value = random.nextInt();
            switch (width) {
                case 1 -> { HomeAccess.storeByte(words, address, value); model.put(offset, (byte) value); }
                case 2 -> { HomeAccess.storeHalf(words, address, value); model.putShort(offset, (short) value); }
                case 4 -> { HomeAccess.storeDouble(words, address & ~7, value * 0x9E37_79B9_7F4A_7C15L);
                    model.putLong(offset & ~7, value * 0x9E37_79B9_7F4A_7C15L); }
                default -> assertEquals(model.getLong(offset & ~7), HomeAccess.loadDouble(words, address & ~7));
            }
            int at = address & ~3;
            assertEquals(model.getInt(at - RAM), memory.loadWord(at));
        }
        assertArrayEquals(model.array(), memory.region(McuLayout.RAM).contents());
    }

    @Test
    void aWatchOrStoreTrackingSendsStoresTheLongWay() {
        Memory watched = new Memory(McuLayout.regions());
        watched.watchStores(RAM + 0x100, 4, (address, width) -> { });
        Memory tracked = new Memory(McuLayout.regions());
        tracked.trackStores();
        Memory watchedElsewhere = new Memory(McuLayout.regions());
        watchedElsewhere.watchStores(McuLayout.OUT_BASE, 4, (address, width) -> { });
        assertEquals(0, watched.homeStoreLength());
        assertEquals(0, tracked.homeStoreLength());
        assertEquals(SIZE / 4, watched.homeLoadWords().length, "loads stay direct");
        assertEquals(SIZE / 4, watchedElsewhere.homeStoreLength());
    }
}
