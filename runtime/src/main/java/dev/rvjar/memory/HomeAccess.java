package dev.rvjar.memory;

/**
 * Translated code's direct path into the home region, the contract's RAM at {@link #BASE}: the
 * accesses it makes through here once it has found that an access fits (see the translator's
 * {@code AccessSites}, which writes out the test and the word, byte and half accesses in the
 * bytecode of a method per access, with the home words from {@link Memory#homeLoadWords}, stores
 * within {@link Memory#homeStoreLength} of them, and {@link Memory}'s own accessors for everything else). Loads
 * that miss RAM test the contract's ROM at {@link #ROM} the same way, with
 * {@link Memory#romLoadWords}.
 *
 * <p>The index of the word holding {@code address} is {@code (address >>> 2) & (words.length - 1)}:
 * the home words are a power of two long and {@link #BASE} is aligned to their size (see
 * {@link Region}), and the mask spares C2 a range check.
 */
public final class HomeAccess {
    /** Where translated code expects the home region: the contract's RAM. */
    public static final int BASE = McuLayout.RAM_BASE;
    /** Where translated code expects the region it also loads from directly: the contract's ROM. */
    public static final int ROM = McuLayout.ROM_BASE;

    private HomeAccess() {
    }

    public static long loadDouble(int[] words, int address) {
        return Memory.doubleWord(words, address);
    }

    public static void storeDouble(int[] words, int address, long value) {
        Memory.setDoubleWord(words, address, value);
    }

    public static void storeHalf(int[] words, int address, int value) {
        Memory.insert(words, address, value, 0xFFFF);
    }

    public static void storeByte(int[] words, int address, int value) {
        Memory.insert(words, address, value, 0xFF);
    }
}
