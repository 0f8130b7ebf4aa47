package dev.rvjar.translated;

/**
 * The instructions of a translated region method that may raise a guest fault, as its shared
 * fault code finds them. Each such instruction's exception handler is a stub that pushes the
 * instruction's site number and jumps to that code, which reads from the method's table where the
 * site is and how many instructions of its block retired before it, and so makes the fault
 * precise. The stubs stay six bytes each, where setting pc and counter in each took 13-15: all of
 * a method's bytecode counts against C2's inlining budget for it.
 *
 * <p>A table is a string constant of the class, three chars per site: the pc's upper and lower
 * halves and the retired count.
 */
public final class FaultSites {
    private static final int CHARS_PER_SITE = 3;

    private final StringBuilder table = new StringBuilder();

    /** Adds a site and returns its number. */
    public int add(int pc, int retiredBefore) {
        if (retiredBefore < 0 || retiredBefore > Character.MAX_VALUE) {
            throw new IllegalArgumentException("retired count out of range: " + retiredBefore);
        }
        table.append((char) (pc >>> 16)).append((char) pc).append((char) retiredBefore);
        return table.length() / CHARS_PER_SITE - 1;
    }

    public boolean isEmpty() {
        return table.isEmpty();
    }

    /** The table, for the class's constant pool. */
    public String table() {
        return table.toString();
    }

    /** The pc of site {@code site} in {@code table}. */
    public static int pc(String table, int site) {
        int at = site * CHARS_PER_SITE;
        return table.charAt(at) << 16 | table.charAt(at + 1);
    }

    /** How many instructions of its block had retired (and were not yet counted) at site {@code site}. */
    public static int retiredBefore(String table, int site) {
        return table.charAt(site * CHARS_PER_SITE + 2);
    }
}
