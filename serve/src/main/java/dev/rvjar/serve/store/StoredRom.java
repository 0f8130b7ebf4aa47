package dev.rvjar.serve.store;

/**
 * A ROM as stored: its bytes and the limits asked for at upload (null where the server's defaults
 * apply).
 */
public record StoredRom(String id, byte[] bytes, Long maxInstructions, Long wallMillis) {
}
