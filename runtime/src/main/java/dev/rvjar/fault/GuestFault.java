package dev.rvjar.fault;

/**
 * A guest program did something the machine does not allow: it stops the guest, never the host.
 * Carries the kind, the pc of the faulting instruction and the address involved (the data address
 * for loads and stores, the fetch address for fetches, the instruction bits for illegal instructions).
 *
 * <p>Memory accesses raise it before the pc is known; the executing engine completes it with
 * {@link #at(int)}. It carries no stack trace: it is a guest event, not a host bug.
 */
public final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Marks a fault whose pc is not yet known. */
    private static final long PC_UNKNOWN = -1;

    private final FaultKind kind;
    private final long pc;
    private final int address;

    private GuestFault(FaultKind kind, long pc, int address) {
        super(null, null, false, false);
        this.kind = kind;
        this.pc = pc;
        this.address = address;
    }

    public static GuestFault of(FaultKind kind, int pc, int address) {
        return new GuestFault(kind, pc & 0xFFFFFFFFL, address);
    }

    /** A fault raised by a memory access; the engine adds the pc. */
    public static GuestFault access(FaultKind kind, int address) {
        return new GuestFault(kind, PC_UNKNOWN, address);
    }

    /** This fault with its pc filled in, unless it already has one. */
    public GuestFault at(int pc) {
        return this.pc == PC_UNKNOWN ? of(kind, pc, address) : this;
    }

    public FaultKind kind() {
        return kind;
    }

    public int pc() {
        return (int) pc;
    }

    public int address() {
        return address;
    }

    @Override
    public String getMessage() {
        String where = pc == PC_UNKNOWN ? "" : String.format(" at pc 0x%08x", pc);
        String what = kind == FaultKind.ILLEGAL_INSTRUCTION
                ? String.format(" (instruction 0x%08x)", address)
                : String.format(" (address 0x%08x)", address);
        return kind.description() + where + what;
    }
}
