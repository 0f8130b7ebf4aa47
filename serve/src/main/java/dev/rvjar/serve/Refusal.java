package dev.rvjar.serve;

/** Why the service did not run or answer a request; the HTTP layer maps each reason to a status. */
public final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No such ROM or state (404). */
        NOT_FOUND,
        /** The upload is not a ROM for the contract's memory map (400). */
        BAD_ROM,
        /** The state already has as many calls waiting as allowed (429). */
        STATE_QUEUE_FULL,
        /** The worker pool's queue is full, the state stayed busy too long, or the server is stopping (503). */
        OVERLOADED
    }

    private final Reason reason;

    public Refusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
