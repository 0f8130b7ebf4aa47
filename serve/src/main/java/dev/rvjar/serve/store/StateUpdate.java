package dev.rvjar.serve.store;

/**
 * What a call does with a state while it holds the state's write lock: it reads the current value
 * and returns the new one, or null to leave it unchanged, together with its own result.
 */
@FunctionalInterface
public interface StateUpdate<T> {
    Change<T> apply(StateValue current) throws Exception;

    /** The new value (null: keep the old one) and the caller's result. */
    record Change<T>(StateValue newValue, T result) {
    }
}
