package dev.rvjar.serve.store;

import java.io.IOException;
import java.util.Optional;

/**
 * Where ROMs and RAM states live. Every write of a state is atomic and durable when the method
 * returns: after a crash or kill at any moment the state holds its old or its new value, never a
 * mix. {@link #update} lets one writer at a time change a state; the stores enforce it themselves
 * (a lock in this process for the directory, a row lock for PostgreSQL, which holds across nodes).
 */
public interface Store extends AutoCloseable {
    /** Stores a ROM under its id; storing the same id again replaces its limits and keeps its bytes. */
    void putRom(StoredRom rom) throws IOException;

    Optional<StoredRom> rom(String id) throws IOException;

    /** Stores a new state under a fresh id. */
    void createState(String id, StateValue value) throws IOException;

    Optional<StateValue> state(String id) throws IOException;

    /** Removes a state; false when there was none. */
    boolean deleteState(String id) throws IOException;

    /**
     * Runs {@code update} on the state while no other writer can change it, then stores its new
     * value (if any) atomically. Empty when the state does not exist or the update's result is null.
     *
     * @throws StateBusyException when the state stayed locked by another writer for too long
     */
    <T> Optional<T> update(String id, StateUpdate<T> update) throws Exception;

    /** A short description for the start-up line, e.g. the directory or the database URL. */
    String describe();

    @Override
    void close() throws IOException;
}
