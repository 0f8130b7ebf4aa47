package dev.rvjar.interp;

import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;

/**
 * Decoded blocks by start pc. Blocks in read-only regions (the ROM) are decoded once and kept;
 * code in writable regions is decoded on every fetch, one instruction per block, so code the guest
 * writes or changes is always run as it is now, even when an instruction changes the next one.
 */
final class BlockCache {
    /** The end of the address space, as an exclusive unsigned bound. */
    private static final long TOP = 1L << 32;

    private final Memory memory;
    private final boolean rv32e;
    private final int maxBlockLength;
    private final Block[][] pages = new Block[1 << (32 - Memory.PAGE_BITS)][];
    /**
     * The first read-only executable region (the ROM) as one flat table, one slot per 2 bytes: the
     * hot path is one subtraction, one unsigned compare and one load.
     */
    private final Block[] flat;
    private final int flatBase;

    /** Caches blocks of at most {@code maxBlockLength} instructions. */
    BlockCache(Memory memory, boolean rv32e, int maxBlockLength) {
        this.memory = memory;
        this.rv32e = rv32e;
        this.maxBlockLength = maxBlockLength;
        Block[] flat = new Block[0];
        int flatBase = 0;
        Region flatRegion = null;
        for (Region region : memory.regions()) {
            if (region.executable() && !region.writable() && flatRegion == null) {
                flat = new Block[region.size() / 2];
                flatBase = region.base();
                flatRegion = region;
            }
        }
        this.flat = flat;
        this.flatBase = flatBase;
        for (Region region : memory.regions()) {
            // further read-only executable regions get per-page tables (the flat one needs none)
            if (region.executable() && !region.writable() && region != flatRegion) {
                int first = region.base() >>> Memory.PAGE_BITS;
                int last = (int) ((Integer.toUnsignedLong(region.base()) + region.size() - 1) >>> Memory.PAGE_BITS);
                for (int page = first; page <= last; page++) {
                    pages[page] = new Block[Memory.PAGE_SIZE / 2];
                }
            }
        }
    }

    Block at(int pc) {
        int index = (pc - flatBase) >>> 1;
        if (index < flat.length && (pc & 1) == 0) {
            Block block = flat[index];
            return block != null ? block : decodeFlat(pc, index);
        }
        return atPage(pc);
    }

    private Block decodeFlat(int pc, int index) {
        Block block = Block.decode(memory, rv32e, pc, Integer.toUnsignedLong(flatBase) + 2L * flat.length, maxBlockLength);
        flat[index] = block;
        return block;
    }

    private Block atPage(int pc) {
        Block[] page = pages[pc >>> Memory.PAGE_BITS];
        if (page == null) {
            return Block.decode(memory, rv32e, pc, TOP, 1);
        }
        int slot = (pc & (Memory.PAGE_SIZE - 1)) >>> 1;
        Block block = page[slot];
        if (block == null) {
            Region region = memory.regionAt(pc);
            block = Block.decode(memory, rv32e, pc, Integer.toUnsignedLong(region.base()) + region.size(), maxBlockLength);
            page[slot] = block;
        }
        return block;
    }
}
