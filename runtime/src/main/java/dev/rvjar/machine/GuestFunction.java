package dev.rvjar.machine;

/**
 * A guest function's address, looked up once by name ({@link Machine#function(String)}) so that
 * repeated {@link Machine#vmcall(GuestFunction, Object...)} calls skip the symbol table.
 */
public record GuestFunction(String name, int address) {
}
