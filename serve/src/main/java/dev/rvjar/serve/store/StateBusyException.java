package dev.rvjar.serve.store;

/** Another writer held the state for longer than the store waits for it. */
public final class StateBusyException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateBusyException(String message) {
        super(message);
    }
}
