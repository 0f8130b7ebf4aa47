package dev.rvjar.image;

/** Bytes to place at a guest address when the machine is set up; {@code executable} marks code. */
public record Segment(int address, byte[] bytes, boolean executable) {
}
