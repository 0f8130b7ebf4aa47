package dev.rvjar.image;

/** A named address from an ELF symbol table; {@code function} marks STT_FUNC symbols. */
public record Symbol(String name, int address, int size, boolean function) {
}
