package dev.rvjar.translated;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where translated code is: for every block start, the region that holds it, and for every region
 * the guest bytes its instructions came from. Built by the translator, stored in precompiled jars,
 * and consulted by {@link TranslatedProgram} on every region entry and on stores into code.
 *
 * <p>Block starts are found through a two-level table (64 KiB pages of halfword slots), so a lookup
 * is two array loads wherever the code lives.
 */
public final class CodeMap {
    private static final int PAGE_BITS = 16;
    private static final int FORMAT = 0x52564A31; // "RVJ1"

    private final int[] blockStarts;
    private final int[] blockRegions;
    private final int[] regionStarts;
    private final int[] regionEnds;
    /** Per 64 KiB page, per halfword: region number + 1, or 0 where no block starts. */
    private final int[][] regionByHalfword = new int[1 << (32 - PAGE_BITS)][];
    /** Region numbers sorted by start address, and the running maximum of their end addresses. */
    private final int[] byStart;
    private final long[] maxEndUpTo;

    /**
     * @param blockStarts the start address of every block
     * @param blockRegions the region of each block
     * @param regionStarts the lowest guest address of each region's instructions
     * @param regionEnds one past the highest guest address of each region's instructions
     */
    public CodeMap(int[] blockStarts, int[] blockRegions, int[] regionStarts, int[] regionEnds) {
        if (blockStarts.length != blockRegions.length || regionStarts.length != regionEnds.length) {
            throw new IllegalArgumentException("mismatched code map arrays");
        }
        this.blockStarts = blockStarts.clone();
        this.blockRegions = blockRegions.clone();
        this.regionStarts = regionStarts.clone();
        this.regionEnds = regionEnds.clone();
        for (int i = 0; i < blockStarts.length; i++) {
            int pc = blockStarts[i];
            int[] page = regionByHalfword[pc >>> PAGE_BITS];
            if (page == null) {
                page = new int[1 << (PAGE_BITS - 1)];
                regionByHalfword[pc >>> PAGE_BITS] = page;
            }
            page[(pc & ((1 << PAGE_BITS) - 1)) >>> 1] = blockRegions[i] + 1;
        }
        // sorted as (start, region number) pairs packed into longs, the start with its sign bit
        // flipped so that signed order is unsigned address order: no comparator lambda to
        // bootstrap at start-up, and no boxing
        long[] startAndRegion = new long[regionStarts.length];
        for (int i = 0; i < startAndRegion.length; i++) {
            startAndRegion[i] = (long) (regionStarts[i] ^ Integer.MIN_VALUE) << 32 | i;
        }
        Arrays.sort(startAndRegion);
        byStart = new int[startAndRegion.length];
        maxEndUpTo = new long[startAndRegion.length];
        long maxEnd = 0;
        for (int i = 0; i < startAndRegion.length; i++) {
            byStart[i] = (int) startAndRegion[i];
            maxEnd = Math.max(maxEnd, Integer.toUnsignedLong(regionEnds[byStart[i]]));
            maxEndUpTo[i] = maxEnd;
        }
    }

    /** The region holding the block that starts at {@code pc}, or -1. */
    public int regionAt(int pc) {
        int[] page = regionByHalfword[pc >>> PAGE_BITS];
        if (page == null || (pc & 1) != 0) {
            return -1;
        }
        return page[(pc & ((1 << PAGE_BITS) - 1)) >>> 1] - 1;
    }

    public int regionCount() {
        return regionStarts.length;
    }

    public int blockCount() {
        return blockStarts.length;
    }

    /** Calls {@code action} with every region whose guest bytes overlap {@code [address, address + width)}. */
    public void forEachRegionOverlapping(int address, int width, java.util.function.IntConsumer action) {
        long from = Integer.toUnsignedLong(address);
        long to = from + width;
        // the last region starting below `to`; walk down while some earlier region may still reach `from`
        int low = 0;
        int high = byStart.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Integer.toUnsignedLong(regionStarts[byStart[mid]]) < to) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low - 1; i >= 0 && maxEndUpTo[i] > from; i--) {
            int region = byStart[i];
            if (Integer.toUnsignedLong(regionEnds[region]) > from) {
                action.accept(region);
            }
        }
    }

    /** The lowest and highest guest address any region covers, as {start, end} (end exclusive). */
    public long[] extent() {
        long start = Long.MAX_VALUE;
        long end = 0;
        for (int i = 0; i < regionStarts.length; i++) {
            start = Math.min(start, Integer.toUnsignedLong(regionStarts[i]));
            end = Math.max(end, Integer.toUnsignedLong(regionEnds[i]));
        }
        return regionStarts.length == 0 ? new long[] {0, 0} : new long[] {start, end};
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        writeArray(data, blockStarts);
        writeArray(data, blockRegions);
        writeArray(data, regionStarts);
        writeArray(data, regionEnds);
        data.flush();
    }

    public static CodeMap read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != FORMAT) {
            throw new IOException("not an rvjar code map");
        }
        return new CodeMap(readArray(data), readArray(data), readArray(data), readArray(data));
    }

    private static void writeArray(DataOutputStream data, int[] values) throws IOException {
        data.writeInt(values.length);
        for (int value : values) {
            data.writeInt(value);
        }
    }

    private static int[] readArray(DataInputStream data) throws IOException {
        int[] values = new int[data.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.readInt();
        }
        return values;
    }
}
