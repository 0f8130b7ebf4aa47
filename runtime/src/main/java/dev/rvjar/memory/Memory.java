package dev.rvjar.memory;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest's physical address space: a set of {@link Region}s found through three page tables
 * (readable, writable, executable), so that a missing right is a null entry and costs nothing extra.
 * Little-endian; misaligned accesses work as long as they stay inside one region.
 *
 * <p>Backed by {@code byte[]} with little-endian {@link VarHandle} views: measured against a
 * {@code MappedByteBuffer} (see the README), it is the faster of the two. Loads and stores look the
 * page up in two parallel tables (the region's bytes and its base) and let the array bounds check
 * of the JVM catch an access that runs past the region's end: two table loads and no explicit
 * compare on the hot path, for the interpreter and for translated code alike.
 *
 * <p>Stores can be watched ({@link #watchStores}): a watched page is left out of the fast store
 * table, so stores to it take a slow path that performs the store and then tells the watchers,
 * while every other store costs nothing extra. Engines must store through these methods (not into
 * {@link Region#data()}) for watches to work. Translated code in writable memory is watched this
 * way, and so is the riscv-tests {@code tohost} word.
 */
public final class Memory {
    public static final int PAGE_BITS = 16;
    public static final int PAGE_SIZE = 1 << PAGE_BITS;

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int PAGES = 1 << (32 - PAGE_BITS);

    private final List<Region> regions;
    private final Region[] readPages = new Region[PAGES];
    private final Region[] writePages = new Region[PAGES];
    private final Region[] execPages = new Region[PAGES];
    /** The bytes of the region holding each readable page; null where loads fault. */
    private final byte[][] loadData = new byte[PAGES][];
    /** The bytes of the region holding each writable page; null where stores fault or are watched. */
    private final byte[][] storeData = new byte[PAGES][];
    /** The base address of the region holding each page. */
    private final int[] pageBase = new int[PAGES];
    /** Whether stores to each page are watched; null until the first watch. */
    private boolean[] watchedPages;
    private final List<StoreWatch> watches = new ArrayList<>();

    private record StoreWatch(int address, int length, StoreWatcher watcher) {
        boolean overlaps(int start, int width) {
            return Integer.compareUnsigned(start - address, length) < 0 || Integer.compareUnsigned(address - start, width) < 0;
        }
    }

    public Memory(List<Region> regions) {
        this.regions = List.copyOf(regions);
        for (Region region : this.regions) {
            int first = region.base() >>> PAGE_BITS;
            int last = (int) ((Integer.toUnsignedLong(region.base()) + region.size() - 1) >>> PAGE_BITS);
            for (int page = first; page <= last; page++) {
                if (readPages[page] != null || writePages[page] != null || execPages[page] != null) {
                    throw new IllegalArgumentException("region " + region.name() + " overlaps another region");
                }
                readPages[page] = region.readable() ? region : null;
                writePages[page] = region.writable() ? region : null;
                execPages[page] = region.executable() ? region : null;
                loadData[page] = region.readable() ? region.data() : null;
                storeData[page] = region.writable() ? region.data() : null;
                pageBase[page] = region.base();
            }
        }
    }

    public List<Region> regions() {
        return regions;
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
        return null;
    }

    private Region readable(int address, int width) {
        Region r = readPages[address >>> PAGE_BITS];
        if (r == null || address - r.base() > r.size() - width) {
            throw GuestFault.access(FaultKind.LOAD_ACCESS, address);
        }
        return r;
    }

    /**
     * Calls {@code watcher} after every guest store that starts in a page holding part of
     * {@code [address, address + length)} and writes a byte of that range. The range must be writable.
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
            storeData[page] = null;
        }
        watches.add(new StoreWatch(address, length, watcher));
    }

    /** A store that missed the fast store table: to a watched page, or a fault. */
    private void storeSlowly(int address, long value, int width) {
        Region r = writePages[address >>> PAGE_BITS];
        if (r == null || watchedPages == null || !watchedPages[address >>> PAGE_BITS]
                || address - r.base() > r.size() - width) {
            throw storeFault(address);
        }
        int offset = address - r.base();
        for (int i = 0; i < width; i++) {
            r.data()[offset + i] = (byte) (value >>> (8 * i));
        }
        for (StoreWatch watch : watches) {
            if (watch.overlaps(address, width)) {
                watch.watcher().stored(address, width);
            }
        }
    }

    private static GuestFault loadFault(int address) {
        return GuestFault.access(FaultKind.LOAD_ACCESS, address);
    }

    private static GuestFault storeFault(int address) {
        return GuestFault.access(FaultKind.STORE_ACCESS, address);
    }

    private byte[] loadable(int address) {
        byte[] data = loadData[address >>> PAGE_BITS];
        if (data == null) {
            throw loadFault(address);
        }
        return data;
    }

    public int loadByte(int address) {
        byte[] data = loadable(address);
        try {
            return data[address - pageBase[address >>> PAGE_BITS]];
        } catch (IndexOutOfBoundsException e) {
            throw loadFault(address);
        }
    }

    public int loadByteUnsigned(int address) {
        return loadByte(address) & 0xFF;
    }

    public int loadHalf(int address) {
        byte[] data = loadable(address);
        try {
            return (short) I16.get(data, address - pageBase[address >>> PAGE_BITS]);
        } catch (IndexOutOfBoundsException e) {
            throw loadFault(address);
        }
    }

    public int loadHalfUnsigned(int address) {
        return loadHalf(address) & 0xFFFF;
    }

    public int loadWord(int address) {
        byte[] data = loadable(address);
        try {
            return (int) I32.get(data, address - pageBase[address >>> PAGE_BITS]);
        } catch (IndexOutOfBoundsException e) {
            throw loadFault(address);
        }
    }

    public long loadDouble(int address) {
        byte[] data = loadable(address);
        try {
            return (long) I64.get(data, address - pageBase[address >>> PAGE_BITS]);
        } catch (IndexOutOfBoundsException e) {
            throw loadFault(address);
        }
    }

    public void storeByte(int address, int value) {
        byte[] data = storeData[address >>> PAGE_BITS];
        if (data == null) {
            storeSlowly(address, value, 1);
            return;
        }
        try {
            data[address - pageBase[address >>> PAGE_BITS]] = (byte) value;
        } catch (IndexOutOfBoundsException e) {
            throw storeFault(address);
        }
    }

    public void storeHalf(int address, int value) {
        byte[] data = storeData[address >>> PAGE_BITS];
        if (data == null) {
            storeSlowly(address, value, 2);
            return;
        }
        try {
            I16.set(data, address - pageBase[address >>> PAGE_BITS], (short) value);
        } catch (IndexOutOfBoundsException e) {
            throw storeFault(address);
        }
    }

    public void storeWord(int address, int value) {
        byte[] data = storeData[address >>> PAGE_BITS];
        if (data == null) {
            storeSlowly(address, value, 4);
            return;
        }
        try {
            I32.set(data, address - pageBase[address >>> PAGE_BITS], value);
        } catch (IndexOutOfBoundsException e) {
            throw storeFault(address);
        }
    }

    public void storeDouble(int address, long value) {
        byte[] data = storeData[address >>> PAGE_BITS];
        if (data == null) {
            storeSlowly(address, value, 8);
            return;
        }
        try {
            I64.set(data, address - pageBase[address >>> PAGE_BITS], value);
        } catch (IndexOutOfBoundsException e) {
            throw storeFault(address);
        }
    }

    /**
     * Fetches the instruction at {@code pc}: 16 bits for a compressed instruction, 32 otherwise
     * (the upper half read only when the lower half says the instruction is 4 bytes long).
     */
    public int fetch(int pc) {
        Region r = execPages[pc >>> PAGE_BITS];
        int offset;
        if (r == null || (offset = pc - r.base()) > r.size() - 2) {
            throw GuestFault.access(FaultKind.FETCH_ACCESS, pc);
        }
        int low = (short) I16.get(r.data(), offset) & 0xFFFF;
        if ((low & 3) != 3) {
            return low;
        }
        if (offset > r.size() - 4) {
            throw GuestFault.access(FaultKind.FETCH_ACCESS, pc + 2);
        }
        return low | ((short) I16.get(r.data(), offset + 2) << 16);
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
        byte[] bytes = new byte[length];
        if (length == 0) {
            return bytes;
        }
        Region r = readable(address, 1);
        int offset = address - r.base();
        if (length > r.size() - offset) {
            throw GuestFault.access(FaultKind.LOAD_ACCESS, r.base() + r.size());
        }
        System.arraycopy(r.data(), offset, bytes, 0, length);
        return bytes;
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
     * write, if asked), and faults as a load or store would where it does not.
     */
    public void checkRange(int address, int length, boolean write) {
        Region region = regionAt(address);
        FaultKind kind = write ? FaultKind.STORE_ACCESS : FaultKind.LOAD_ACCESS;
        if (region == null || !region.readable() || write && !region.writable()) {
            throw GuestFault.access(kind, address);
        }
        if (length < 0 || Integer.toUnsignedLong(address - region.base()) + length > region.size()) {
            throw GuestFault.access(kind, region.base() + region.size());
        }
    }
}
