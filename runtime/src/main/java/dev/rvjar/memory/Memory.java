package dev.rvjar.memory;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The guest's physical address space: a set of {@link Region}s found through three page tables
 * (readable, writable, executable), so that a missing right is a null entry and costs nothing extra.
 * Little-endian; misaligned accesses work as long as they stay inside one region.
 *
 * <p>Backed by {@code byte[]} with little-endian {@link VarHandle} views: measured against a
 * {@code MappedByteBuffer} (see the README), it is the faster of the two.
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

    private Region writable(int address, int width) {
        Region r = writePages[address >>> PAGE_BITS];
        if (r == null || address - r.base() > r.size() - width) {
            throw GuestFault.access(FaultKind.STORE_ACCESS, address);
        }
        return r;
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
        Region r = writable(address, 1);
        r.data()[address - r.base()] = (byte) value;
    }

    public void storeHalf(int address, int value) {
        Region r = writable(address, 2);
        I16.set(r.data(), address - r.base(), (short) value);
    }

    public void storeWord(int address, int value) {
        Region r = writable(address, 4);
        I32.set(r.data(), address - r.base(), value);
    }

    public void storeDouble(int address, long value) {
        Region r = writable(address, 8);
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
}
