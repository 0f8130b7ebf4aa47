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
     * Runs the guest from {@code cpu.pc}, translated code where there is some and the interpreter
     * elsewhere, until the guest stops, the instruction limit is reached at the end of a block, or
     * the pc reaches {@link Machine#HOST_RETURN}; the cpu state is exact on return and when a
     * {@link dev.rvjar.fault.GuestFault} escapes.
     */
    void run(Machine machine);
}
