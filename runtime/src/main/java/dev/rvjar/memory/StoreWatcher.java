package dev.rvjar.memory;

/** Told about a guest store into watched memory, after the bytes changed (see {@link Memory#watchStores}). */
@FunctionalInterface
public interface StoreWatcher {
    void stored(int address, int width);
}
