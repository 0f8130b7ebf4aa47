package dev.rvjar.lambda;

import dev.rvjar.fault.FaultKind;

/**
 * The exit statuses of the {@code rvjar} command and of precompiled ROM jars. A guest that exits passes its own status (low 8
 * bits); everything rvjar itself reports uses the values below, after the BSD sysexits and the
 * shell's 128+signal convention, and prints one line to stderr saying what happened.
 */
public final class ExitCodes {
    /** Bad command line. */
    public static final int USAGE = 64;
    /** The ROM cannot be loaded (malformed ELF, too large, outside the ROM region). */
    public static final int BAD_ROM = 65;
    /** An input file is missing, unreadable or larger than its region. */
    public static final int BAD_INPUT = 66;
    /** An unexpected error inside rvjar (a bug: please report it). */
    public static final int INTERNAL = 70;
    /** Writing the ram or out file failed; the old files are intact. */
    public static final int IO_ERROR = 74;
    /** The guest executed an illegal instruction (128 + SIGILL). */
    public static final int ILLEGAL_INSTRUCTION = 132;
    /** The guest executed ebreak with no debugger attached (128 + SIGTRAP). */
    public static final int BREAKPOINT = 133;
    /** The guest handed the host heap a pointer it did not hand out, as C libraries abort on (128 + SIGABRT). */
    public static final int HEAP_MISUSE = 134;
    /** The guest jumped to a misaligned address (128 + SIGBUS). */
    public static final int MISALIGNED = 135;
    /** The guest accessed memory outside the map or without the right (128 + SIGSEGV). */
    public static final int MEMORY_FAULT = 139;
    /** The instruction limit was reached (128 + SIGXCPU). */
    public static final int INSTRUCTION_LIMIT = 152;

    private ExitCodes() {
    }

    public static int forFault(FaultKind kind) {
        return switch (kind) {
            case ILLEGAL_INSTRUCTION, ENVIRONMENT_CALL -> ILLEGAL_INSTRUCTION;
            case BREAKPOINT -> BREAKPOINT;
            case MISALIGNED_FETCH -> MISALIGNED;
            case FETCH_ACCESS, LOAD_ACCESS, STORE_ACCESS -> MEMORY_FAULT;
            case HEAP_MISUSE -> HEAP_MISUSE;
        };
    }
}
