package dev.rvjar.memory;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The guest's physical address space: a set of {@link Region}s found through page tables, so that a
 * missing right is a null entry and costs nothing extra. Little-endian; misaligned accesses work as
 * long as they stay inside one region.
 *
 * <p><b>The fast path is a handful of bytecodes.</b> Regions hold little-endian {@code int} words in
 * chunks of a power of two of bytes, aligned to their size (see {@link Region}), and two tables map
 * each {@value #PAGE_SIZE}-byte page number to the chunk holding it: one for loads, one for stores.
 * An aligned word load is a table load, a null and alignment test and one {@code iaload} at
 * {@code (address >>> 2) & (chunk.length - 1)}, an index the JIT needs no range check for; bytes
 * and halves are the same word shifted and masked (a byte or half store rewrites its word). Every
 * accessor stays within 35 bytes of bytecode, so C1 and C2 inline it wherever it is called,
 * without exhausting C2's per-compilation inlining budget ({@code DesiredMethodLimit}), which the
 * little-endian {@code VarHandle} over a {@code byte[]} used before (over 200 bytes each, inlined)
 * did for any region method with more than a dozen memory accesses. The interpreter calls the same methods.
 *
 * <p>Everything else takes the slow path, behind the same null test: a page without the right
 * (the fault), a misaligned access (assembled byte by byte, within its region), the shorter last
 * page of a region that does not end on a page boundary, and a watched page.
 *
 * <p>Stores can be watched ({@link #watchStores}): a watched page is left out of the fast store
 * table, so stores to it take the slow path, which performs the store and then tells the watchers
 * of every watched byte it wrote (also for a misaligned store that only reaches into a watched
 * page), while every other store costs nothing extra. Engines must store through these methods for
 * watches to work. Translated code in writable memory is watched this way, and so is the
 * riscv-tests {@code tohost} word.
 *
 * <p><b>Home.</b> Translated code reaches one region without any table: the region at
 * {@link HomeAccess#BASE} (the contract's RAM), when it is readable, writable and one chunk. A
 * region method keeps {@link #homeLoadWords} in a local and passes them to the translator's
 * per-access methods, which test loads against their length and stores against
 * {@link #homeStoreLength} (read at every store, so a watch the host begins is seen at once), and
 * fall back on this class's accessors for every other access. Loads
 * reach a second region the same way, the read-only one at {@link HomeAccess#ROM} (the contract's
 * ROM, where constant tables, jump tables and string literals live), through {@link #romLoadWords}.
 */
public final class Memory {
    public static final int PAGE_BITS = 16;
    public static final int PAGE_SIZE = 1 << PAGE_BITS;
    /** What {@link #homeLoadWords} gives where home access is off: every access misses. */
    private static final int[] NO_WORDS = new int[0];

    private static final int PAGES = 1 << (32 - PAGE_BITS);

    private final List<Region> regions;
    /** Host buffers mapped in after construction ({@link #map}), not part of the memory map. */
    private final List<Region> mapped = new ArrayList<>();
    private final Region[] readPages = new Region[PAGES];
    private final Region[] writePages = new Region[PAGES];
    private final Region[] execPages = new Region[PAGES];
    /** The chunk holding each whole readable page; null where loads take the slow path. */
    private final int[][] loadWords = new int[PAGES][];
    /** The chunk holding each whole writable, unwatched page; null where stores take the slow path. */
    private final int[][] storeWords = new int[PAGES][];
    /** The home region ({@link #homeLoadWords}), or null. */
    private final Region home;
    /** The home region's words for loads, or none. */
    private final int[] homeLoads;
    /** The words of the region at {@link HomeAccess#ROM}, when it is readable and one chunk, for loads; or none. */
    private final int[] romLoads;
    /**
     * How many of the home words stores may write directly: all of them, until a watch or
     * {@link #trackStores} sends the home region's stores the long way (then none).
     */
    private int homeStoreLength;
    /** Whether stores to each page are watched; null until the first watch. */
    private boolean[] watchedPages;
    private final List<StoreWatch> watches = new ArrayList<>();
    /** Whether each page was stored to since {@link #trackStores}; null until the first call. */
    private boolean[] storedPages;

    private record StoreWatch(int address, int length, StoreWatcher watcher) {
        boolean overlaps(int start, int width) {
            return Integer.compareUnsigned(start - address, length) < 0 || Integer.compareUnsigned(address - start, width) < 0;
        }
    }

    public Memory(List<Region> regions) {
        this.regions = List.copyOf(regions);
        for (Region region : this.regions) {
            enter(region);
        }
        this.home = wholeChunkAt(this.regions, HomeAccess.BASE, true);
        this.homeLoads = home == null ? NO_WORDS : home.chunk(0);
        this.homeStoreLength = homeLoads.length;
        Region rom = wholeChunkAt(this.regions, HomeAccess.ROM, false);
        this.romLoads = rom == null ? NO_WORDS : rom.chunk(0);
    }

    /**
     * The region at {@code base} if it is readable (and writable, if asked) and one whole chunk (a
     * power of two of words, which the direct path's index needs), else null. A loop, not a stream:
     * a precompiled jar's start-up loads no lambda classes.
     */
    private static Region wholeChunkAt(List<Region> regions, int base, boolean writable) {
        for (Region region : regions) {
            if (region.base() == base && region.readable() && (region.writable() || !writable) && region.wholeChunk(0)
                    && region.chunk(0).length << 2 == region.size()) {
                return region;
            }
        }
        return null;
    }

    /**
     * The words of the home region (see the class comment), where every load in it may read
     * directly (see {@link HomeAccess}); none where there is no home region, so that every access
     * takes the long way.
     */
    public int[] homeLoadWords() {
        return homeLoads;
    }

    /**
     * The words of the read-only region at {@link HomeAccess#ROM} (see the class comment), where
     * every load in it may read directly; none where that region is missing or not one chunk. Only
     * loads use them, and a watch concerns stores only, so they never change.
     */
    public int[] romLoadWords() {
        return romLoads;
    }

    /**
     * Stores the byte {@code value} at {@code count} addresses from {@code address} on, as that
     * many guest byte stores in a row would, as far as they fall in the home region while its
     * stores may go there directly ({@link #homeStoreLength}): returns how many it stored, up to
     * the region's end, or none where the first is outside it or the host watches its stores.
     * Translated code fills a byte-store loop's bytes this way (see {@code ByteFillLoop}).
     */
    public int fillHome(int address, long count, int value) {
        int offset = address - HomeAccess.BASE;
        long reach = ((long) homeStoreLength << 2) - Integer.toUnsignedLong(offset);
        if (reach <= 0 || count <= 0) {
            return 0;
        }
        int filled = (int) Math.min(count, reach);
        int end = offset + filled;
        int at = offset;
        for (; at < end && (at & 3) != 0; at++) {
            insert(homeLoads, at, value, 0xFF);
        }
        int wholeWordsEnd = end & ~3;
        if (at < wholeWordsEnd) {
            Arrays.fill(homeLoads, at >>> 2, wholeWordsEnd >>> 2, (value & 0xFF) * 0x01010101);
            at = wholeWordsEnd;
        }
        for (; at < end; at++) {
            insert(homeLoads, at, value, 0xFF);
        }
        return filled;
    }

    /**
     * How many of the {@link #homeLoadWords} stores may write directly, from the start: all, and none
     * from the first {@link #watchStores} on the home region, or {@link #trackStores}, on. Translated
     * code tests each store against this where it tests each load against the words' length, so
     * loads and stores share one array (one register fewer in a loop than an array of their own
     * for stores) and a watch begun by the host is seen at the next store.
     */
    public int homeStoreLength() {
        return homeStoreLength;
    }

    private static int firstPage(Region region) {
        return region.base() >>> PAGE_BITS;
    }

    private static int lastPage(Region region) {
        return (int) ((Integer.toUnsignedLong(region.base()) + region.size() - 1) >>> PAGE_BITS);
    }

    /** Puts {@code region} into the page tables; every page it covers must be unmapped. */
    private void enter(Region region) {
        for (int page = firstPage(region); page <= lastPage(region); page++) {
            if (readPages[page] != null || writePages[page] != null || execPages[page] != null) {
                throw new IllegalArgumentException("region " + region.name() + " overlaps another region");
            }
        }
        for (int page = firstPage(region); page <= lastPage(region); page++) {
            readPages[page] = region.readable() ? region : null;
            writePages[page] = region.writable() ? region : null;
            execPages[page] = region.executable() ? region : null;
            int[] words = wholeChunk(region, page);
            loadWords[page] = region.readable() ? words : null;
            storeWords[page] = region.writable() ? words : null;
        }
    }

    /**
     * Maps {@code region} (a host buffer: see {@link Region#Region(String, int, int[][], boolean)})
     * into the address space, where every page it covers must be unmapped; it is not executable.
     * From the next access on, guest loads and stores reach the region's words directly.
     *
     * @throws IllegalArgumentException where a page is mapped already, or the region is executable
     */
    public void map(Region region) {
        if (region.executable()) {
            throw new IllegalArgumentException("a mapped host buffer cannot be executable");
        }
        enter(region);
        mapped.add(region);
    }

    /** The chunk holding {@code page} of {@code region}, or null where the page is not whole (the short end of a region). */
    private static int[] wholeChunk(Region region, int page) {
        int offset = (page << PAGE_BITS) - region.base();
        return region.wholeChunk(offset) ? region.chunk(offset) : null;
    }

    /** Takes a region {@link #map} mapped out of the address space again: accesses to it fault from now on. */
    public void unmap(Region region) {
        if (!mapped.remove(region)) {
            throw new IllegalArgumentException("region " + region.name() + " is not a mapped host buffer");
        }
        for (int page = firstPage(region); page <= lastPage(region); page++) {
            readPages[page] = null;
            writePages[page] = null;
            loadWords[page] = null;
            storeWords[page] = null;
        }
    }

    /** The regions of the memory map (the layout the memory was made with), without mapped host buffers. */
    public List<Region> regions() {
        return regions;
    }

    /** The host buffers mapped in with {@link #map}, in the order they were mapped. */
    public List<Region> mapped() {
        return List.copyOf(mapped);
    }

    /** The region with the given name. */
    public Region region(String name) {
        for (Region region : regions) {
            if (region.name().equals(name)) {
                return region;
            }
        }
        throw new IllegalArgumentException("no region named " + name);
    }

    /** The region holding {@code address}, whatever its rights, or null where nothing is mapped. */
    public Region regionAt(int address) {
        for (Region region : regions) {
            if (region.contains(address)) {
                return region;
            }
        }
        for (Region region : mapped) {
            if (region.contains(address)) {
                return region;
            }
        }
        return null;
    }

    /**
     * Calls {@code watcher} after every guest store that writes a byte of
     * {@code [address, address + length)}. The range must be writable.
     */
    public void watchStores(int address, int length, StoreWatcher watcher) {
        Region region = writePages[address >>> PAGE_BITS];
        if (region == null || !region.contains(address + length - 1)) {
            throw new IllegalArgumentException(String.format("0x%08x is not in writable memory", address));
        }
        if (watchedPages == null) {
            watchedPages = new boolean[PAGES];
        }
        for (int page = address >>> PAGE_BITS; page <= (address + length - 1) >>> PAGE_BITS; page++) {
            watchedPages[page] = true;
            storeWords[page] = null;
        }
        if (region == home) {
            homeStoreLength = 0;
        }
        watches.add(new StoreWatch(address, length, watcher));
    }

    /**
     * Starts, or starts over, recording which pages of writable memory are stored to, for a host
     * that runs many calls on one machine and puts back only what the last one changed (rvjar
     * serve): every whole writable page leaves the fast store table, its next store takes the slow
     * path once, which marks the page and puts it back, so tracking costs one slow store per page
     * written, and nothing on loads. Guest stores and {@link #write} count; the host's own writes
     * to a {@link Region} do not.
     */
    public void trackStores() {
        if (storedPages == null) {
            storedPages = new boolean[PAGES];
        }
        for (Region region : regions) {
            if (region.writable()) {
                int first = firstPage(region);
                for (int page = first; page < first + region.pageCount(); page++) {
                    storedPages[page] = false;
                    storeWords[page] = null;
                }
            }
        }
        homeStoreLength = 0;
    }

    /** Whether a store reached the page holding {@code address} since {@link #trackStores}; false when not tracking. */
    public boolean pageStored(int address) {
        return storedPages != null && storedPages[address >>> PAGE_BITS];
    }

    /** Marks the pages of a store as stored to (a misaligned store may reach into a second). */
    private void noteStore(int address, int width) {
        markStored(address >>> PAGE_BITS);
        markStored((address + width - 1) >>> PAGE_BITS);
    }

    /** Marks a page as stored to and gives it its fast path back, unless it is watched or short. */
    private void markStored(int page) {
        storedPages[page] = true;
        if (watchedPages == null || !watchedPages[page]) {
            storeWords[page] = wholeChunk(writePages[page], page);
        }
    }

    /** The offset of {@code [address, address + width)} in {@code region}, or -1 where it does not fit inside it. */
    private static int offsetInside(Region region, int address, int width) {
        if (region == null) {
            return -1;
        }
        int offset = address - region.base();
        return Integer.compareUnsigned(offset, region.size() - width) <= 0 ? offset : -1;
    }

    /** A load that missed the fast path: {@code width} bytes, zero-extended, or the fault. */
    private long loadSlowly(int address, int width) {
        Region region = readPages[address >>> PAGE_BITS];
        int offset = offsetInside(region, address, width);
        if (offset < 0) {
            throw loadFault(address);
        }
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (long) region.byteAt(offset + i) << (8 * i);
        }
        return value;
    }

    /** A store that missed the fast path: misaligned, to a watched page or a short page, or a fault. */
    private void storeSlowly(int address, long value, int width) {
        Region region = writePages[address >>> PAGE_BITS];
        int offset = offsetInside(region, address, width);
        if (offset < 0) {
            throw storeFault(address);
        }
        if (storedPages != null) {
            noteStore(address, width);
        }
        for (int i = 0; i < width; i++) {
            region.setByte(offset + i, (int) (value >>> (8 * i)));
        }
        if (watchedPages != null
                && (watchedPages[address >>> PAGE_BITS] || watchedPages[(address + width - 1) >>> PAGE_BITS])) {
            for (StoreWatch watch : watches) {
                if (watch.overlaps(address, width)) {
                    watch.watcher().stored(address, width);
                }
            }
        }
    }

    private static GuestFault loadFault(int address) {
        return GuestFault.access(FaultKind.LOAD_ACCESS, address);
    }

    private static GuestFault storeFault(int address) {
        return GuestFault.access(FaultKind.STORE_ACCESS, address);
    }

    /*
     * Every accessor below stays within the 35 bytes of bytecode up to which C1, and C2 at a rarely
     * run call site, inline a callee: translated code's per-access methods fall back on them for
     * every address outside the home region, and a fallback that stayed a call would be a call inside every translated loop,
     * around which C2 spills every live register (measured: crc32 1.3x slower). The shifts rely on
     * the JVM using the low five bits of a shift count: address << 3 is the bit offset of the
     * address's byte in its word.
     */

    /** The word holding {@code address} in {@code chunk} (a power of two of words, aligned to its size). */
    static int word(int[] chunk, int address) {
        return chunk[(address >>> 2) & (chunk.length - 1)];
    }

    /** Sets the word holding {@code address} in {@code chunk}. */
    static void setWord(int[] chunk, int address, int value) {
        chunk[(address >>> 2) & (chunk.length - 1)] = value;
    }

    /** The two words at {@code address} (aligned to 8) in {@code chunk}, little-endian. */
    static long doubleWord(int[] chunk, int address) {
        int index = (address >>> 2) & (chunk.length - 1);
        return chunk[index] & 0xFFFF_FFFFL | (long) chunk[index + 1] << 32;
    }

    static void setDoubleWord(int[] chunk, int address, long value) {
        int index = (address >>> 2) & (chunk.length - 1);
        chunk[index] = (int) value;
        chunk[index + 1] = (int) (value >>> 32);
    }

    /** Stores the bits of {@code value} under {@code mask} (0xFF, 0xFFFF) at {@code address}, within its word of {@code chunk}. */
    static void insert(int[] chunk, int address, int value, int mask) {
        int index = (address >>> 2) & (chunk.length - 1);
        chunk[index] = chunk[index] & ~(mask << (address << 3)) | (value & mask) << (address << 3);
    }

    private int[] chunkToLoad(int address) {
        return loadWords[address >>> PAGE_BITS];
    }

    private int[] chunkToStore(int address) {
        return storeWords[address >>> PAGE_BITS];
    }

    /** A load of up to a word that missed the fast path, zero-extended. */
    private int loadSmallSlowly(int address, int width) {
        return (int) loadSlowly(address, width);
    }

    public int loadByte(int address) {
        int[] chunk = chunkToLoad(address);
        if (chunk == null) {
            return (byte) loadSmallSlowly(address, 1);
        }
        return (byte) (word(chunk, address) >>> (address << 3));
    }

    public int loadByteUnsigned(int address) {
        int[] chunk = chunkToLoad(address);
        if (chunk == null) {
            return loadSmallSlowly(address, 1);
        }
        return word(chunk, address) >>> (address << 3) & 0xFF;
    }

    public int loadHalf(int address) {
        int[] chunk = chunkToLoad(address);
        if (chunk == null || (address & 1) != 0) {
            return (short) loadSmallSlowly(address, 2);
        }
        return (short) (word(chunk, address) >>> (address << 3));
    }

    public int loadHalfUnsigned(int address) {
        int[] chunk = chunkToLoad(address);
        if (chunk == null || (address & 1) != 0) {
            return loadSmallSlowly(address, 2);
        }
        return (char) (word(chunk, address) >>> (address << 3));
    }

    public int loadWord(int address) {
        int[] chunk = chunkToLoad(address);
        if (chunk == null || (address & 3) != 0) {
            return loadSmallSlowly(address, 4);
        }
        return word(chunk, address);
    }

    public long loadDouble(int address) {
        int[] chunk = chunkToLoad(address);
        if (chunk == null || (address & 7) != 0) {
            return loadSlowly(address, 8);
        }
        return doubleWord(chunk, address);
    }

    public void storeByte(int address, int value) {
        int[] chunk = chunkToStore(address);
        if (chunk == null) {
            storeSlowly(address, value, 1);
            return;
        }
        insert(chunk, address, value, 0xFF);
    }

    public void storeHalf(int address, int value) {
        int[] chunk = chunkToStore(address);
        if (chunk == null || (address & 1) != 0) {
            storeSlowly(address, value, 2);
            return;
        }
        insert(chunk, address, value, 0xFFFF);
    }

    public void storeWord(int address, int value) {
        int[] chunk = chunkToStore(address);
        if (chunk == null || (address & 3) != 0) {
            storeSlowly(address, value, 4);
            return;
        }
        setWord(chunk, address, value);
    }

    public void storeDouble(int address, long value) {
        int[] chunk = chunkToStore(address);
        if (chunk == null || (address & 7) != 0) {
            storeSlowly(address, value, 8);
            return;
        }
        setDoubleWord(chunk, address, value);
    }

    /**
     * Fetches the instruction at {@code pc}: 16 bits for a compressed instruction, 32 otherwise
     * (the upper half read only when the lower half says the instruction is 4 bytes long).
     */
    public int fetch(int pc) {
        Region region = execPages[pc >>> PAGE_BITS];
        int offset = offsetInside(region, pc, 2);
        if (offset < 0) {
            throw GuestFault.access(FaultKind.FETCH_ACCESS, pc);
        }
        int low = region.byteAt(offset) | region.byteAt(offset + 1) << 8;
        if ((low & 3) != 3) {
            return low;
        }
        if (offsetInside(region, pc + 2, 2) < 0) {
            throw GuestFault.access(FaultKind.FETCH_ACCESS, pc + 2);
        }
        return low | region.byteAt(offset + 2) << 16 | region.byteAt(offset + 3) << 24;
    }

    /** Whether {@code address} lies in executable memory. */
    public boolean isExecutable(int address) {
        return execPages[address >>> PAGE_BITS] != null;
    }

    /** Whether {@code address} lies in writable memory. */
    public boolean isWritable(int address) {
        return writePages[address >>> PAGE_BITS] != null;
    }

    /** Copies guest bytes out, with the guest's read rights; faults as a load would. */
    public byte[] read(int address, int length) {
        if (length == 0) {
            return new byte[0];
        }
        checkRange(address, length, false);
        Region region = readPages[address >>> PAGE_BITS];
        return region.read(address - region.base(), length);
    }

    /**
     * Copies {@code bytes} in at {@code address} with the guest's write rights, as guest stores
     * would (store watches see them); the whole range must lie in one writable region, else it
     * faults as a store would and nothing is written.
     */
    public void write(int address, byte[] bytes) {
        checkRange(address, bytes.length, true);
        int i = 0;
        for (; i + 4 <= bytes.length; i += 4) {
            storeWord(address + i, (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16 | bytes[i + 3] << 24);
        }
        for (; i < bytes.length; i++) {
            storeByte(address + i, bytes[i]);
        }
    }

    /**
     * Checks that {@code [address, address + length)} lies in one region the guest may read (and
     * write, if asked), and faults as a load or store would where it does not: at {@code address}
     * without the right, at the region's end where the range runs past it (or the length is negative,
     * as a C {@code size_t} over 2 GiB arrives here).
     */
    public void checkRange(int address, int length, boolean write) {
        Region region = (write ? writePages : readPages)[address >>> PAGE_BITS];
        FaultKind kind = write ? FaultKind.STORE_ACCESS : FaultKind.LOAD_ACCESS;
        if (offsetInside(region, address, 1) < 0 || !region.readable()) {
            throw GuestFault.access(kind, address);
        }
        if (length < 0 || Integer.toUnsignedLong(address - region.base()) + length > region.size()) {
            throw GuestFault.access(kind, region.base() + region.size());
        }
    }
}
