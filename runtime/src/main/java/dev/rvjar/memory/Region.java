package dev.rvjar.memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * One contiguous region of guest memory: a name, a base address, a size, access rights and the
 * bytes behind it. Bases are aligned to {@link Memory#PAGE_SIZE}, so a page belongs to one region.
 */
public final class Region {
    private final String name;
    private final int base;
    private final byte[] data;
    private final boolean readable;
    private final boolean writable;
    private final boolean executable;

    public Region(String name, int base, int size, boolean readable, boolean writable, boolean executable) {
        if ((base & (Memory.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException(String.format("region %s: base 0x%08x is not aligned to %d bytes",
                    name, base, Memory.PAGE_SIZE));
        }
        if (size <= 0 || Integer.toUnsignedLong(base) + size > 1L << 32) {
            throw new IllegalArgumentException("region " + name + ": bad size " + size);
        }
        this.name = name;
        this.base = base;
        this.data = new byte[size];
        this.readable = readable;
        this.writable = writable;
        this.executable = executable;
    }

    public String name() {
        return name;
    }

    public int base() {
        return base;
    }

    public int size() {
        return data.length;
    }

    /** A copy of {@code length} bytes from {@code offset} (0 at {@link #base()}); no access rights apply. */
    public byte[] read(int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** A copy of the whole region. */
    public byte[] contents() {
        return data.clone();
    }

    /**
     * Writes {@code bytes} at {@code offset} (0 at {@link #base()}), bypassing access rights and
     * store watches: for loaders and the host, never for guest stores.
     */
    public void write(int offset, byte[] bytes) {
        Objects.checkFromIndexSize(offset, bytes.length, data.length);
        System.arraycopy(bytes, 0, data, offset, bytes.length);
    }

    /** The bytes behind the region, for {@link Memory} alone. */
    byte[] data() {
        return data;
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    public boolean executable() {
        return executable;
    }

    public boolean contains(int address) {
        return Integer.compareUnsigned(address - base, data.length) < 0 && Integer.compareUnsigned(address, base) >= 0;
    }

    /** Fills the region's start with {@code content}, the rest with zeros. */
    public void load(byte[] content) {
        if (content.length > data.length) {
            throw new IllegalArgumentException(name + ": " + content.length + " bytes do not fit in " + data.length);
        }
        System.arraycopy(content, 0, data, 0, content.length);
        Arrays.fill(data, content.length, data.length, (byte) 0);
    }

    @Override
    public String toString() {
        return String.format("%s 0x%08x-0x%08x %s%s%s", name, base, base + data.length - 1,
                readable ? "r" : "-", writable ? "w" : "-", executable ? "x" : "-");
    }
}
