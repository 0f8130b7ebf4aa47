package dev.rvjar.machine;

/** Thrown by {@link Machine#simulate(long)} when the instruction budget runs out before the guest stops. */
public final class MachineTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long instructions;
    private final int pc;

    public MachineTimeoutException(long instructions, int pc) {
        super(String.format("instruction limit reached after %d instructions at pc 0x%08x", instructions, pc));
        this.instructions = instructions;
        this.pc = pc;
    }

    public long instructions() {
        return instructions;
    }

    public int pc() {
        return pc;
    }
}
