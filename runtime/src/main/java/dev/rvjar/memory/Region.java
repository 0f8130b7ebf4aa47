package dev.rvjar.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One contiguous region of guest memory: a name, a base address, a size, access rights and the
 * words behind it. Bases are aligned to {@link Memory#PAGE_SIZE}, so a page belongs to one region,
 * and sizes are whole words.
 *
 * <p>The contents are little-endian 32-bit words, one {@code int[]} per page of
 * {@link Memory#PAGE_SIZE} bytes (the last page of a region that does not end on a page boundary
 * is shorter): an aligned word access is one array element, which is what keeps {@link Memory}'s
 * accessors small enough for the JIT to inline into every translated load and store. The host
 * reads and writes a region through copies ({@link #read}, {@link #write}, {@link #load}).
 */
public final class Region {
    private final String name;
    private final int base;
    private final int size;
    private final int[][] pages;
    private final boolean readable;
    private final boolean writable;
    private final boolean executable;

    public Region(String name, int base, int size, boolean readable, boolean writable, boolean executable) {
        this(name, base, size, freshPages(name, size), readable, writable, executable);
    }

    /**
     * A region over words the host owns, to share with the guest through {@link Memory#map}: no
     * copy, the guest's loads and stores and the host's array accesses see the same words. Page
     * {@code i} covers guest bytes {@code base + i * PAGE_SIZE} on, {@code pages[i][j]} holding
     * bytes {@code 4j..4j+3} of it little-endian (the byte at the lowest address in bits 0-7).
     * Every page holds {@code PAGE_SIZE / 4} words, the last one possibly fewer. Readable, and
     * writable by the guest if asked; never executable.
     */
    public Region(String name, int base, int[][] pages, boolean writable) {
        // the outer array copied: the memory's page tables hold the page arrays themselves
        this(name, base, sizeOf(name, pages), pages.clone(), true, writable, false);
    }

    private Region(String name, int base, int size, int[][] pages, boolean readable, boolean writable, boolean executable) {
        if ((base & (Memory.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException(String.format("region %s: base 0x%08x is not aligned to %d bytes",
                    name, base, Memory.PAGE_SIZE));
        }
        if (Integer.toUnsignedLong(base) + size > 1L << 32) {
            throw new IllegalArgumentException("region " + name + ": bad size " + size + " (beyond the address space)");
        }
        this.name = name;
        this.base = base;
        this.size = size;
        this.pages = pages;
        this.readable = readable;
        this.writable = writable;
        this.executable = executable;
    }

    private static int[][] freshPages(String name, int size) {
        if (size <= 0 || (size & 3) != 0) {
            throw new IllegalArgumentException("region " + name + ": bad size " + size + " (a positive number of 4-byte words)");
        }
        int[][] pages = new int[(size + Memory.PAGE_SIZE - 1) >>> Memory.PAGE_BITS][];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = new int[Math.min(Memory.PAGE_SIZE, size - (i << Memory.PAGE_BITS)) >>> 2];
        }
        return pages;
    }

    /** The size of host-owned pages: every one whole but the last, which holds at least one word. */
    private static int sizeOf(String name, int[][] pages) {
        long size = 0;
        for (int i = 0; i < pages.length; i++) {
            int words = pages[i].length;
            boolean last = i == pages.length - 1;
            if (last ? words == 0 || words > Memory.PAGE_SIZE >>> 2 : words != Memory.PAGE_SIZE >>> 2) {
                throw new IllegalArgumentException("region " + name + ": page " + i + " holds " + words
                        + " words, not " + (Memory.PAGE_SIZE >>> 2) + (last ? " or fewer" : ""));
            }
            size += 4L * words;
        }
        if (size == 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("region " + name + ": bad size " + size);
        }
        return (int) size;
    }

    public String name() {
        return name;
    }

    public int base() {
        return base;
    }

    public int size() {
        return size;
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
        return Integer.compareUnsigned(address - base, size) < 0 && Integer.compareUnsigned(address, base) >= 0;
    }

    /** How many pages of {@link Memory#PAGE_SIZE} bytes the region spans (the last may be shorter). */
    public int pageCount() {
        return pages.length;
    }

    /** The words of page {@code index} of the region (0 at {@link #base()}), for {@link Memory} alone. */
    int[] page(int index) {
        return pages[index];
    }

    /** The byte at {@code offset} (0 at {@link #base()}), zero-extended; the offset must be inside. */
    int byteAt(int offset) {
        return (pages[offset >>> Memory.PAGE_BITS][(offset & (Memory.PAGE_SIZE - 1)) >>> 2] >>> ((offset & 3) << 3)) & 0xFF;
    }

    /** Sets the byte at {@code offset}; the offset must be inside. */
    void setByte(int offset, int value) {
        int[] page = pages[offset >>> Memory.PAGE_BITS];
        int index = (offset & (Memory.PAGE_SIZE - 1)) >>> 2;
        int shift = (offset & 3) << 3;
        page[index] = page[index] & ~(0xFF << shift) | (value & 0xFF) << shift;
    }

    /** A copy of {@code length} bytes from {@code offset} (0 at {@link #base()}); no access rights apply. */
    public byte[] read(int offset, int length) {
        Objects.checkFromIndexSize(offset, length, size);
        byte[] bytes = new byte[length];
        int head = Math.min(length, -offset & 3);
        int words = (length - head) >>> 2;
        for (int i = 0; i < head; i++) {
            bytes[i] = (byte) byteAt(offset + i);
        }
        IntBuffer target = wordsOf(bytes, head, words);
        int at = offset + head;
        while (target.hasRemaining()) {
            int[] page = pages[at >>> Memory.PAGE_BITS];
            int first = (at & (Memory.PAGE_SIZE - 1)) >>> 2;
            int count = Math.min(page.length - first, target.remaining());
            target.put(page, first, count);
            at += count << 2;
        }
        for (int i = head + 4 * words; i < length; i++) {
            bytes[i] = (byte) byteAt(offset + i);
        }
        return bytes;
    }

    /** A copy of the whole region. */
    public byte[] contents() {
        return read(0, size);
    }

    /**
     * Writes {@code bytes} at {@code offset} (0 at {@link #base()}), bypassing access rights and
     * store watches: for loaders and the host, never for guest stores.
     */
    public void write(int offset, byte[] bytes) {
        write(offset, bytes, 0, bytes.length);
    }

    /** Like {@link #write(int, byte[])}, for {@code length} bytes of {@code bytes} from {@code from}. */
    public void write(int offset, byte[] bytes, int from, int length) {
        Objects.checkFromIndexSize(from, length, bytes.length);
        Objects.checkFromIndexSize(offset, length, size);
        int head = Math.min(length, -offset & 3);
        int words = (length - head) >>> 2;
        for (int i = 0; i < head; i++) {
            setByte(offset + i, bytes[from + i]);
        }
        IntBuffer source = wordsOf(bytes, from + head, words);
        int at = offset + head;
        while (source.hasRemaining()) {
            int[] page = pages[at >>> Memory.PAGE_BITS];
            int first = (at & (Memory.PAGE_SIZE - 1)) >>> 2;
            int count = Math.min(page.length - first, source.remaining());
            source.get(page, first, count);
            at += count << 2;
        }
        for (int i = head + 4 * words; i < length; i++) {
            setByte(offset + i, bytes[from + i]);
        }
    }

    /** {@code count} little-endian words of {@code bytes} from {@code start}, in bulk: the page copies run at memcpy speed. */
    private static IntBuffer wordsOf(byte[] bytes, int start, int count) {
        return ByteBuffer.wrap(bytes, start, 4 * count).slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    }

    /** Fills the region's start with {@code content}, the rest with zeros. */
    public void load(byte[] content) {
        if (content.length > size) {
            throw new IllegalArgumentException(name + ": " + content.length + " bytes do not fit in " + size);
        }
        for (int[] page : pages) {
            Arrays.fill(page, 0);
        }
        write(0, content);
    }

    @Override
    public String toString() {
        return String.format("%s 0x%08x-0x%08x %s%s%s", name, base, base + size - 1,
                readable ? "r" : "-", writable ? "w" : "-", executable ? "x" : "-");
    }
}
