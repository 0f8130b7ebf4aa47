package dev.rvjar.memory;

import java.util.Objects;

/**
 * A live window on {@code length} guest bytes from {@code address}, all in one region: every get
 * and put goes through {@link Memory} with the guest's rights, so the view always shows the current
 * bytes and never hands out memory's backing storage. Offsets are checked against the view's length
 * ({@link IndexOutOfBoundsException}); the range was checked against the memory map when the view
 * was made ({@link dev.rvjar.fault.GuestFault}). {@link #toByteArray()} copies.
 */
public final class GuestView {
    private final Memory memory;
    private final int address;
    private final int length;
    private final boolean writable;

    /** A view of a range the guest may read (and write, for a writable view); faults where it may not. */
    public GuestView(Memory memory, int address, int length, boolean writable) {
        memory.checkRange(address, length, writable);
        this.memory = memory;
        this.address = address;
        this.length = length;
        this.writable = writable;
    }

    public int address() {
        return address;
    }

    public int length() {
        return length;
    }

    public boolean writable() {
        return writable;
    }

    public byte get(int offset) {
        return (byte) memory.loadByte(at(offset, 1));
    }

    public short getShort(int offset) {
        return (short) memory.loadHalf(at(offset, 2));
    }

    public int getInt(int offset) {
        return memory.loadWord(at(offset, 4));
    }

    public long getLong(int offset) {
        return memory.loadDouble(at(offset, 8));
    }

    public void put(int offset, byte value) {
        memory.storeByte(writableAt(offset, 1), value);
    }

    public void putShort(int offset, short value) {
        memory.storeHalf(writableAt(offset, 2), value);
    }

    public void putInt(int offset, int value) {
        memory.storeWord(writableAt(offset, 4), value);
    }

    public void putLong(int offset, long value) {
        memory.storeDouble(writableAt(offset, 8), value);
    }

    /** A copy of the bytes as they are now. */
    public byte[] toByteArray() {
        return memory.read(address, length);
    }

    private int at(int offset, int width) {
        Objects.checkFromIndexSize(offset, width, length);
        return address + offset;
    }

    private int writableAt(int offset, int width) {
        if (!writable) {
            throw new UnsupportedOperationException("a read-only view");
        }
        return at(offset, width);
    }
}
