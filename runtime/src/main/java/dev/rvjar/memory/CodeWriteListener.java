package dev.rvjar.memory;

/**
 * Learns about guest stores into memory that holds translated code, before the bytes change, so
 * that the translation of the changed instructions can be dropped (see {@link Memory#watchCodeWrites}).
 */
@FunctionalInterface
public interface CodeWriteListener {
    void codeWritten(int address, int width);
}
