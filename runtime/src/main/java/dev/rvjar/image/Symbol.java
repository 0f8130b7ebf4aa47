package dev.rvjar.image;

/**
 * A named address from an ELF symbol table; {@code function} marks STT_FUNC symbols,
 * {@code absolute} symbols defined outside every section (SHN_ABS) such as linker-script values,
 * {@code global} STB_GLOBAL ones (not local, not weak).
 */
public record Symbol(String name, int address, int size, boolean function, boolean absolute, boolean global) {
}
