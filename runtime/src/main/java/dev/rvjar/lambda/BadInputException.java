package dev.rvjar.lambda;

/**
 * A path argument cannot be used: missing, a directory, unreadable, too large, or an output that
 * cannot be written. Nothing ran and nothing was written; {@link #status()} is the exit status.
 */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public BadInputException(String message) {
        this(message, ExitCodes.BAD_INPUT);
    }

    public BadInputException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The exit status of {@link ExitCodes} this problem is reported with. */
    public int status() {
        return status;
    }
}
