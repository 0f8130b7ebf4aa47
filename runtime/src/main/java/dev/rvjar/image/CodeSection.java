package dev.rvjar.image;

/**
 * An ELF section the linker marked as instructions (SHF_EXECINSTR), at its run address; a flat
 * image has one, named by the empty string, covering the whole image.
 */
public record CodeSection(String name, int address, byte[] bytes) {
}
