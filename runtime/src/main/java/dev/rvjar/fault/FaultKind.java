package dev.rvjar.fault;

/** The kinds of guest fault, with the RISC-V exception code a trap of that kind reports in mcause. */
public enum FaultKind {
    MISALIGNED_FETCH("misaligned instruction fetch", 0),
    FETCH_ACCESS("instruction fetch outside executable memory", 1),
    ILLEGAL_INSTRUCTION("illegal instruction", 2),
    BREAKPOINT("breakpoint", 3),
    LOAD_ACCESS("load outside readable memory", 5),
    STORE_ACCESS("store outside writable memory", 7),
    ENVIRONMENT_CALL("environment call", 11),
    /**
     * free or realloc of a pointer the host heap did not hand out (or already took back), or a
     * heap whose bookkeeping the guest overwrote; reported as a store access fault, the heap's
     * write the machine refused.
     */
    HEAP_MISUSE("free or realloc of a pointer the host heap did not hand out, or a corrupted heap", 7);

    private final String description;
    private final int exceptionCode;

    FaultKind(String description, int exceptionCode) {
        this.description = description;
        this.exceptionCode = exceptionCode;
    }

    public String description() {
        return description;
    }

    /** The value of mcause for a trap of this kind. */
    public int exceptionCode() {
        return exceptionCode;
    }
}
