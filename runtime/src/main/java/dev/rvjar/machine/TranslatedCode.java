package dev.rvjar.machine;

/**
 * Guest code translated to JVM bytecode ahead of time. The machine hands control to it whenever the
 * pc is at the start of a translated block, and takes it back (into the interpreter) when it
 * leaves translated code.
 */
public interface TranslatedCode {
    /** Whether a translated block starts at {@code pc}. */
    boolean hasCodeAt(int pc);

    /**
     * Where a call of {@code pc} enters the translated code, for a {@link GuestFunction} to keep:
     * {@code known} itself when it is this code's entry at {@code pc} (or a fork's: forks share
     * their translated code) and as direct as it gets, else a new one (the code may make an entry
     * more direct on a later call); null where no translated block starts at {@code pc}.
     */
    CallEntry entryAt(int pc, CallEntry known);

    /**
     * Runs the guest from {@code cpu.pc}, translated code where there is some and the interpreter
     * elsewhere, until the guest stops, the instruction limit is reached at the end of a block, or
     * the pc reaches {@link Machine#HOST_RETURN}; the cpu state is exact on return and when a
     * {@link dev.rvjar.fault.GuestFault} escapes. {@code first}, when not null, is an
     * {@link #entryAt} that the pc is at: the first region is then entered through it, without a
     * lookup, as long as its code has not been overwritten since.
     */
    void run(Machine machine, CallEntry first);

    /** A resolved entry into translated code (see {@link #entryAt}); what it holds is the code's own business. */
    interface CallEntry {
    }
}
