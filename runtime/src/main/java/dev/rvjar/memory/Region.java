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
 * <p>The contents are little-endian 32-bit words in <em>chunks</em>: {@code int[]}s of a power of
 * two of bytes, each at an address aligned to its size, so that the word of an address inside a
 * chunk is {@code chunk[(address >>> 2) & (chunk.length - 1)]} wherever the chunk sits (the last
 * chunk of a region that does not end on a chunk boundary is shorter). A fresh region whose size is
 * a power of two and whose base is aligned to it is one chunk: the contract's 1 MiB regions are,
 * which gives translated code one array for all of RAM ({@link Memory#homeLoadWords}). Others are
 * chunked by {@link Memory#PAGE_SIZE}, as host buffers are. The host reads and writes a region
 * through copies ({@link #read}, {@link #write}, {@link #load}).
 */
public final class Region {
    private final String name;
    private final int base;
    private final int size;
    private final int[][] chunks;
    /** log2 of the bytes of every chunk but a shorter last one. */
    private final int chunkBits;
    private final boolean readable;
    private final boolean writable;
    private final boolean executable;

    public Region(String name, int base, int size, boolean readable, boolean writable, boolean executable) {
        this(name, base, size, freshChunks(name, base, size), chunkBits(base, size), readable, writable, executable);
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
        this(name, base, sizeOf(name, pages), pages.clone(), Memory.PAGE_BITS, true, writable, false);
    }

    private Region(String name, int base, int size, int[][] chunks, int chunkBits, boolean readable, boolean writable,
            boolean executable) {
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
        this.chunks = chunks;
        this.chunkBits = chunkBits;
        this.readable = readable;
        this.writable = writable;
        this.executable = executable;
    }

    /** One chunk for a power-of-two size at a base aligned to it, else pages. */
    private static int chunkBits(int base, int size) {
        boolean single = Integer.bitCount(size) == 1 && (base & (size - 1)) == 0 && size >= Memory.PAGE_SIZE;
        return single ? Integer.numberOfTrailingZeros(size) : Memory.PAGE_BITS;
    }

    private static int[][] freshChunks(String name, int base, int size) {
        if (size <= 0 || (size & 3) != 0) {
            throw new IllegalArgumentException("region " + name + ": bad size " + size + " (a positive number of 4-byte words)");
        }
        int bits = chunkBits(base, size);
        int[][] chunks = new int[(int) ((size + (1L << bits) - 1) >>> bits)][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new int[(int) (Math.min(1L << bits, size - ((long) i << bits)) >>> 2)];
        }
        return chunks;
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
        return (int) ((size + (long) Memory.PAGE_SIZE - 1) >>> Memory.PAGE_BITS);
    }

    /** The words of the chunk holding {@code offset} (0 at {@link #base()}), for {@link Memory} alone. */
    int[] chunk(int offset) {
        return chunks[offset >>> chunkBits];
    }

    /** Whether the chunk holding {@code offset} is whole: every chunk but a shorter last one. */
    boolean wholeChunk(int offset) {
        return chunk(offset).length == 1 << (chunkBits - 2);
    }

    /** The index of the word holding byte {@code offset} in its {@link #chunk}. */
    private int wordIndex(int offset) {
        return (offset & ((1 << chunkBits) - 1)) >>> 2;
    }

    /** The byte at {@code offset} (0 at {@link #base()}), zero-extended; the offset must be inside. */
    int byteAt(int offset) {
        return (chunk(offset)[wordIndex(offset)] >>> ((offset & 3) << 3)) & 0xFF;
    }

    /** Sets the byte at {@code offset}; the offset must be inside. */
    void setByte(int offset, int value) {
        int[] page = chunk(offset);
        int index = wordIndex(offset);
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
            int[] chunk = chunk(at);
            int first = wordIndex(at);
            int count = Math.min(chunk.length - first, target.remaining());
            target.put(chunk, first, count);
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
            int[] chunk = chunk(at);
            int first = wordIndex(at);
            int count = Math.min(chunk.length - first, source.remaining());
            source.get(chunk, first, count);
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
        for (int[] chunk : chunks) {
            Arrays.fill(chunk, 0);
        }
        write(0, content);
    }

    @Override
    public String toString() {
        return String.format("%s 0x%08x-0x%08x %s%s%s", name, base, base + size - 1,
                readable ? "r" : "-", writable ? "w" : "-", executable ? "x" : "-");
    }
}
