package dev.rvjar.image;

/** A ROM file that rvjar cannot load: not a valid ELF for RV32, or an image that does not fit the map. */
public final class RomFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RomFormatException(String message) {
        super(message);
    }
}
