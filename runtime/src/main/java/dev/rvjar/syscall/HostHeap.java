package dev.rvjar.syscall;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.memory.Memory;

/**
 * malloc, calloc, realloc and free done by the host over an arena of guest memory that the guest
 * names on every call: system calls 516-520 (see {@link HostFunctions}).
 *
 * <p><b>All of the heap's state lives in the arena</b>, none in the host: a RAM file kept between
 * {@code rvjar run} calls, a snapshot and a fork carry the heap with the rest of memory, and a
 * machine rebuilt from them goes on where the old one stopped. The arena starts with a header
 * (magic, end, first free block); an arena whose header lacks the magic or names another end is
 * formatted on first use (so zeroed RAM needs no set-up), and {@link #reset} formats it at will.
 *
 * <p>Blocks are 8-byte aligned, each with an 8-byte header: its size (header included), then for
 * a block in use its address XOR {@link #IN_USE} (a check word garbage rarely matches), for a free
 * block the next free block. The free list is in address order, so {@link #free} finds the
 * neighbours to merge with and detects a block that overlaps a free one. Every step of a walk
 * checks what it reads from guest memory (inside the arena, ascending, sane sizes): a pointer the
 * heap did not hand out, a double free or a corrupted heap is a {@link FaultKind#HEAP_MISUSE}
 * guest fault, never a host exception, and walks always end. Memory is accessed with the guest's
 * rights, so an arena the guest cannot write faults as its own stores would.
 */
final class HostHeap {
    private static final int MAGIC = 0x50485652; // "RVHP"
    private static final int IN_USE = 0xA110_C8ED;
    private static final int HEADER = 16;
    private static final int BLOCK_HEADER = 8;
    private static final int MIN_BLOCK = 16;

    private final Memory memory;
    private final int arena;
    /** The first block and the arena's end, as unsigned addresses. */
    private final long first;
    private final long end;

    private HostHeap(Memory memory, int arena, long end) {
        this.memory = memory;
        this.arena = arena;
        this.first = Integer.toUnsignedLong(arena) + HEADER;
        this.end = end;
    }

    /**
     * The heap in the arena {@code [arena, arenaEnd)}, formatted now unless its header says it
     * already is (the end is rounded down to 8 bytes).
     */
    static HostHeap open(Memory memory, int arena, int arenaEnd) {
        HostHeap heap = checked(memory, arena, arenaEnd);
        if (memory.loadWord(arena) != MAGIC || memory.loadWord(arena + 4) != (int) heap.end) {
            heap.format();
        }
        return heap;
    }

    /** Formats the arena {@code [arena, arenaEnd)}: every earlier allocation is forgotten. */
    static void reset(Memory memory, int arena, int arenaEnd) {
        checked(memory, arena, arenaEnd).format();
    }

    private static HostHeap checked(Memory memory, int arena, int arenaEnd) {
        long end = Integer.toUnsignedLong(arenaEnd) & ~7L;
        if ((arena & 7) != 0 || end < Integer.toUnsignedLong(arena) + HEADER) {
            throw misuse(arena);
        }
        memory.checkRange(arena, (int) (end - Integer.toUnsignedLong(arena)), true);
        return new HostHeap(memory, arena, end);
    }

    private void format() {
        memory.storeWord(arena, MAGIC);
        memory.storeWord(arena + 4, (int) end);
        memory.storeWord(arena + 12, 0);
        if (end - first >= MIN_BLOCK) {
            memory.storeWord(arena + 8, (int) first);
            memory.storeWord((int) first, (int) (end - first));
            memory.storeWord((int) first + 4, 0);
        } else {
            memory.storeWord(arena + 8, 0);
        }
    }

    /** A free block of at least {@code size} payload bytes, or 0 when none is left. */
    int malloc(int size) {
        long need = blockSize(size);
        if (need > end - first) {
            return 0;
        }
        int link = arena + 8;
        long floor = first;
        for (int block = memory.loadWord(link); block != 0; block = memory.loadWord(link)) {
            long blockSize = blockSizeAt(block, floor);
            if (blockSize >= need) {
                int next = memory.loadWord(block + 4);
                if (blockSize - need >= MIN_BLOCK) {
                    int rest = block + (int) need;
                    memory.storeWord(rest, (int) (blockSize - need));
                    memory.storeWord(rest + 4, next);
                    next = rest;
                    blockSize = need;
                }
                memory.storeWord(link, next);
                markInUse(block, blockSize);
                return block + BLOCK_HEADER;
            }
            link = block + 4;
            floor = Integer.toUnsignedLong(block) + blockSize;
        }
        return 0;
    }

    /** {@code count * size} zeroed bytes, or 0 when they do not fit. */
    int calloc(int count, int size) {
        long bytes = Integer.toUnsignedLong(count) * Integer.toUnsignedLong(size);
        if (bytes > end - first) {
            return 0;
        }
        int pointer = malloc((int) bytes);
        if (pointer != 0) {
            int payloadEnd = pointer - BLOCK_HEADER + memory.loadWord(pointer - BLOCK_HEADER);
            for (int at = pointer; at != payloadEnd; at += 4) {
                memory.storeWord(at, 0);
            }
        }
        return pointer;
    }

    /** Gives back the block at {@code pointer} (0 does nothing), merging it with free neighbours. */
    void free(int pointer) {
        if (pointer != 0) {
            int block = pointer - BLOCK_HEADER;
            release(block, usedBlockSize(block));
        }
    }

    /**
     * The block at {@code pointer} resized to {@code size} bytes, in place where it or its free
     * successor has room, else moved (contents kept up to the smaller size); 0 when there is no
     * room, with the old block untouched. A null pointer allocates; size 0 frees and returns 0.
     */
    int realloc(int pointer, int size) {
        if (pointer == 0) {
            return malloc(size);
        }
        int block = pointer - BLOCK_HEADER;
        long blockSize = usedBlockSize(block);
        if (size == 0) {
            release(block, blockSize);
            return 0;
        }
        long need = blockSize(size);
        if (need > end - first) {
            return 0;
        }
        if (need > blockSize) {
            blockSize += takeFreeSuccessor(block, blockSize, need - blockSize);
        }
        if (need <= blockSize) {
            if (blockSize - need >= MIN_BLOCK) {
                int rest = block + (int) need;
                markInUse(rest, blockSize - need);
                blockSize = need;
                release(rest, usedBlockSize(rest));
            }
            markInUse(block, blockSize);
            return pointer;
        }
        int moved = malloc(size);
        if (moved != 0) {
            memory.write(moved, memory.read(pointer, (int) blockSize - BLOCK_HEADER));
            release(block, blockSize);
        }
        return moved;
    }

    /** The size of a block for {@code size} payload bytes: header added, rounded up to 8. */
    private static long blockSize(int size) {
        return Math.max(MIN_BLOCK, (Integer.toUnsignedLong(size) + BLOCK_HEADER + 7) & ~7L);
    }

    private void markInUse(int block, long size) {
        memory.storeWord(block, (int) size);
        memory.storeWord(block + 4, block ^ IN_USE);
    }

    /** The size of the block in use at {@code block}, checked: else the pointer was not the heap's to take back. */
    private long usedBlockSize(int block) {
        long size = blockSizeAt(block, first);
        if (memory.loadWord(block + 4) != (block ^ IN_USE)) {
            throw misuse(block + BLOCK_HEADER);
        }
        return size;
    }

    /**
     * The size of the block at {@code block}, checked to lie in the arena at or above
     * {@code floor} (for a free block: past the one before it on the list, which keeps walks
     * ascending and so finite); else the pointer or the free list is not the heap's.
     */
    private long blockSizeAt(int block, long floor) {
        long at = Integer.toUnsignedLong(block);
        if ((block & 7) != 0 || at < floor || at + MIN_BLOCK > end) {
            throw misuse(block + BLOCK_HEADER);
        }
        long size = Integer.toUnsignedLong(memory.loadWord(block));
        if ((size & 7) != 0 || size < MIN_BLOCK || at + size > end) {
            throw misuse(block + BLOCK_HEADER);
        }
        return size;
    }

    /**
     * Puts the block at {@code block} of {@code size} bytes on the free list, merged with a free
     * block right before or after it; faults where it overlaps a free block (a double free).
     */
    private void release(int block, long size) {
        long at = Integer.toUnsignedLong(block);
        int previous = 0;
        long previousSize = 0;
        int link = arena + 8;
        long floor = first;
        int next = memory.loadWord(link);
        while (next != 0 && Integer.toUnsignedLong(next) < at) {
            previous = next;
            previousSize = blockSizeAt(next, floor);
            floor = Integer.toUnsignedLong(next) + previousSize;
            link = next + 4;
            next = memory.loadWord(link);
        }
        if (previous != 0 && floor > at) {
            throw misuse(block + BLOCK_HEADER);
        }
        if (next != 0) {
            long nextSize = blockSizeAt(next, floor);
            if (at + size > Integer.toUnsignedLong(next)) {
                throw misuse(block + BLOCK_HEADER);
            }
            if (at + size == Integer.toUnsignedLong(next)) {
                size += nextSize;
                next = memory.loadWord(next + 4);
            }
        }
        if (previous != 0 && floor == at) {
            memory.storeWord(previous, (int) (previousSize + size));
            memory.storeWord(previous + 4, next);
        } else {
            memory.storeWord(block, (int) size);
            memory.storeWord(block + 4, next);
            memory.storeWord(link, block);
        }
    }

    /**
     * Takes the free block right after the block at {@code block} off the free list when it has
     * at least {@code wanted} bytes, and returns its size (0 when it is not free or too small).
     */
    private long takeFreeSuccessor(int block, long size, long wanted) {
        long successor = Integer.toUnsignedLong(block) + size;
        int link = arena + 8;
        long floor = first;
        for (int free = memory.loadWord(link); free != 0 && Integer.toUnsignedLong(free) <= successor; free = memory.loadWord(link)) {
            long freeSize = blockSizeAt(free, floor);
            if (Integer.toUnsignedLong(free) == successor) {
                if (freeSize < wanted) {
                    return 0;
                }
                memory.storeWord(link, memory.loadWord(free + 4));
                return freeSize;
            }
            link = free + 4;
            floor = Integer.toUnsignedLong(free) + freeSize;
        }
        return 0;
    }

    private static GuestFault misuse(int pointer) {
        return GuestFault.access(FaultKind.HEAP_MISUSE, pointer);
    }
}
