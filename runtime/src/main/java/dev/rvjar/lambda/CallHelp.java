package dev.rvjar.lambda;

/**
 * The help texts of a call's arguments, options and exit statuses, shared by {@code rvjar run}
 * (picocli reads them from its annotations, hence constants) and by the help of precompiled jars.
 * An exit-status line is {@code STATUS:MEANING}, as picocli's {@code exitCodeList} takes it.
 */
public final class CallHelp {
    public static final String RAM = "the RAM state file (created on exit if missing)";
    public static final String IN = "the input file: uint32 length (little-endian), then the payload";
    public static final String OUT = "the output file: written as uint32 length, then the payload";

    public static final String MAX_INSTRUCTIONS = "stop with status 152 after N instructions (checked at the end of each basic block)";
    public static final String STATS = "print to stderr: instructions, wall time and rate; how the code was made "
            + "(blocks and regions); how many instructions ran translated and interpreted";

    public static final String STATUS_GUEST = "0-255:the guest's exit status";
    public static final String STATUS_USAGE = "64:usage error";
    public static final String STATUS_BAD_ROM = "65:the ROM cannot be loaded (or is a directory)";
    public static final String STATUS_BAD_INPUT = "66:an input file is missing, a directory, unreadable or over 1 MiB";
    public static final String STATUS_INTERNAL = "70:internal error in rvjar (please report it)";
    public static final String STATUS_CANNOT_WRITE = "74:RAM or OUT cannot be written (checked before the call; old files intact)";
    public static final String STATUS_ILLEGAL = "132:illegal instruction";
    public static final String STATUS_BREAKPOINT = "133:breakpoint (ebreak)";
    public static final String STATUS_MISALIGNED = "135:misaligned jump target";
    public static final String STATUS_MEMORY = "139:memory fault (outside the map, or store to ROM/IN)";
    public static final String STATUS_LIMIT = "152:instruction limit reached";

    /** Every exit status of a call, in order. */
    public static final String[] STATUSES = {STATUS_GUEST, STATUS_USAGE, STATUS_BAD_ROM, STATUS_BAD_INPUT, STATUS_INTERNAL,
        STATUS_CANNOT_WRITE, STATUS_ILLEGAL, STATUS_BREAKPOINT, STATUS_MISALIGNED, STATUS_MEMORY, STATUS_LIMIT};

    private CallHelp() {
    }
}
