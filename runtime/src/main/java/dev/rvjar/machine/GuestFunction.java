package dev.rvjar.machine;

import java.util.Objects;

/**
 * A guest function's address, looked up once by name ({@link Machine#function(String)}) so that
 * repeated {@link Machine#vmcall(GuestFunction, Object...)} calls skip the symbol table; on a
 * translated machine it also keeps where its calls enter the translated code (resolved on the
 * first call, made direct on the second, and resolved again when it is called on a machine with
 * other translated code), so that they skip the code map and the dispatcher too. Two functions
 * are equal when name and address are.
 */
public final class GuestFunction {
    private final String name;
    private final int address;
    /**
     * Not volatile: the entry is immutable (its fields final), so a thread that sees another's
     * reference sees it whole, and one that sees null or a stale one only resolves again.
     */
    private TranslatedCode.CallEntry entry;

    public GuestFunction(String name, int address) {
        this.name = Objects.requireNonNull(name);
        this.address = address;
    }

    public String name() {
        return name;
    }

    public int address() {
        return address;
    }

    /** Where a call enters {@code code} (see {@link TranslatedCode#entryAt}). */
    TranslatedCode.CallEntry entryIn(TranslatedCode code) {
        TranslatedCode.CallEntry known = entry;
        TranslatedCode.CallEntry resolved = code.entryAt(address, known);
        if (resolved != known) {
            entry = resolved;
        }
        return resolved;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GuestFunction function && function.name.equals(name) && function.address == address;
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + address;
    }

    @Override
    public String toString() {
        return String.format("GuestFunction[name=%s, address=0x%08x]", name, address);
    }
}
