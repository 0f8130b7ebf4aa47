package dev.rvjar.lambda;

/** A call's files cannot be used: missing, unreadable, or larger than their region. Nothing ran. */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
