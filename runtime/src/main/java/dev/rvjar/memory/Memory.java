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
 * {@code MappedByteBuffer} (see the README), it is the faster of the two.
 *
 * <p>Stores can be watched ({@link #watchStores}): a watched page is left out of the writable page
 * table, so stores to it take a slow path that performs the store and then tells the watchers,
 * while every other store costs nothing extra. Engines must store through these methods (not into
 * {@link Region#data()}) for watches to work.
 */
public final class Memory {
    public static final int PAGE_BITS = 16;
    public static final int PAGE_SIZE = 1 << PAGE_BITS;

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final List<Region> regions;
    private final Region[] readPages = new Region[1 << (32 - PAGE_BITS)];
    private final Region[] writePages = new Region[1 << (32 - PAGE_BITS)];
    private final Region[] execPages = new Region[1 << (32 - PAGE_BITS)];
    /** Writable pages taken out of {@link #writePages} because a store to them is watched; null until the first watch. */
    private Region[] watchedPages;
    private final List<StoreWatch> watches = new ArrayList<>();

    private record StoreWatch(int address, int length, Runnable onStore) {
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
     * Calls {@code onStore} after every guest store that starts in a page holding part of
     * {@code [address, address + length)} and writes a byte of that range. The range must be writable.
     */
    public void watchStores(int address, int length, Runnable onStore) {
        Region region = writePages[address >>> PAGE_BITS];
        if (watchedPages == null) {
            watchedPages = new Region[1 << (32 - PAGE_BITS)];
        }
        if (region == null) {
            region = watchedPages[address >>> PAGE_BITS];
        }
        if (region == null || !region.contains(address + length - 1)) {
            throw new IllegalArgumentException(String.format("0x%08x is not in writable memory", address));
        }
        for (int page = address >>> PAGE_BITS; page <= (address + length - 1) >>> PAGE_BITS; page++) {
            watchedPages[page] = region;
            writePages[page] = null;
        }
        watches.add(new StoreWatch(address, length, onStore));
    }

    /** A store that missed the writable page table: to a watched page, or a fault. */
    private void storeSlowly(int address, long value, int width) {
        Region r = watchedPages == null ? null : watchedPages[address >>> PAGE_BITS];
        if (r == null || address - r.base() > r.size() - width) {
            throw GuestFault.access(FaultKind.STORE_ACCESS, address);
        }
        int offset = address - r.base();
        for (int i = 0; i < width; i++) {
            r.data()[offset + i] = (byte) (value >>> (8 * i));
        }
        for (StoreWatch watch : watches) {
            if (watch.overlaps(address, width)) {
                watch.onStore().run();
            }
        }
    }

    public int loadByte(int address) {
        Region r = readable(address, 1);
        return r.data()[address - r.base()];
    }

    public int loadByteUnsigned(int address) {
        return loadByte(address) & 0xFF;
    }

    public int loadHalf(int address) {
        Region r = readable(address, 2);
        return (short) I16.get(r.data(), address - r.base());
    }

    public int loadHalfUnsigned(int address) {
        return loadHalf(address) & 0xFFFF;
    }

    public int loadWord(int address) {
        Region r = readable(address, 4);
        return (int) I32.get(r.data(), address - r.base());
    }

    public long loadDouble(int address) {
        Region r = readable(address, 8);
        return (long) I64.get(r.data(), address - r.base());
    }

    public void storeByte(int address, int value) {
        Region r = writePages[address >>> PAGE_BITS];
        if (r == null || address - r.base() > r.size() - 1) {
            storeSlowly(address, value, 1);
            return;
        }
        r.data()[address - r.base()] = (byte) value;
    }

    public void storeHalf(int address, int value) {
        Region r = writePages[address >>> PAGE_BITS];
        if (r == null || address - r.base() > r.size() - 2) {
            storeSlowly(address, value, 2);
            return;
        }
        I16.set(r.data(), address - r.base(), (short) value);
    }

    public void storeWord(int address, int value) {
        Region r = writePages[address >>> PAGE_BITS];
        if (r == null || address - r.base() > r.size() - 4) {
            storeSlowly(address, value, 4);
            return;
        }
        I32.set(r.data(), address - r.base(), value);
    }

    public void storeDouble(int address, long value) {
        Region r = writePages[address >>> PAGE_BITS];
        if (r == null || address - r.base() > r.size() - 8) {
            storeSlowly(address, value, 8);
            return;
        }
        I64.set(r.data(), address - r.base(), value);
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
        return writePages[address >>> PAGE_BITS] != null
                || watchedPages != null && watchedPages[address >>> PAGE_BITS] != null;
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
}
