package dev.rvjar.lambda;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of one call, {@code [--max-instructions N] [--stats] [-h|--help] [-V|--version]
 * FILE...}, parsed as {@code rvjar run} parses it (picocli's conventions: options anywhere, {@code
 * --option=value} or {@code --option value}, {@code --} ends the options) and with its messages.
 * Precompiled jars parse with it; {@code rvjar run} checks the limit with {@link #instructionLimit}.
 *
 * <p>Hand-written rather than picocli: a precompiled jar holds the runtime only, and start-up is
 * most of its call. No lambdas, regular expressions or formatting here, for the same reason.
 */
public final class CallOptions {
    public static final String MAX_INSTRUCTIONS = "--max-instructions";
    public static final String STATS = "--stats";
    /** How picocli names the option in its messages, which this class repeats. */
    private static final String MAX_INSTRUCTIONS_DESCRIPTION = "option '" + MAX_INSTRUCTIONS + "'";

    /** A command line that does not fit: the message is picocli's for the same mistake. */
    public static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    private long maxInstructions = -1;
    private boolean stats;
    private boolean help;
    private boolean version;
    private final List<String> files = new ArrayList<>();

    private CallOptions() {
    }

    /**
     * Parses {@code args}, which must name one file for each of {@code fileLabels} (used in
     * messages) unless help or the version is asked for.
     */
    public static CallOptions parse(String[] args, String... fileLabels) throws UsageError {
        CallOptions options = new CallOptions();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                if (options.files.size() == fileLabels.length) {
                    throw new UsageError("Unmatched argument at index " + i + ": '" + arg + "'");
                }
                options.files.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (arg.equals(STATS)) {
                options.stats = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                options.help = true;
            } else if (arg.equals("-V") || arg.equals("--version")) {
                options.version = true;
            } else if (arg.equals(MAX_INSTRUCTIONS) || arg.startsWith(MAX_INSTRUCTIONS + "=")) {
                String value;
                if (arg.length() > MAX_INSTRUCTIONS.length()) {
                    value = arg.substring(MAX_INSTRUCTIONS.length() + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageError("Missing required parameter for " + MAX_INSTRUCTIONS_DESCRIPTION + " (N)");
                }
                try {
                    options.maxInstructions = instructionLimit(value);
                } catch (IllegalArgumentException e) {
                    throw new UsageError("Invalid value for " + MAX_INSTRUCTIONS_DESCRIPTION + ": " + e.getMessage());
                }
            } else {
                throw new UsageError("Unknown option: '" + arg + "'");
            }
        }
        if (!options.help && !options.version && options.files.size() < fileLabels.length) {
            throw new UsageError(missing(fileLabels, options.files.size()));
        }
        return options;
    }

    private static String missing(String[] labels, int given) {
        StringBuilder message = new StringBuilder(labels.length - given == 1 ? "Missing required parameter: " : "Missing required parameters: ");
        for (int i = given; i < labels.length; i++) {
            message.append(i > given ? ", '" : "'").append(labels[i]).append('\'');
        }
        return message.toString();
    }

    /** The value of {@code --max-instructions}: a whole number from 0 up. */
    public static long instructionLimit(String text) {
        try {
            long limit = Long.parseLong(text);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the same message as a negative number
        }
        throw new IllegalArgumentException("'" + text + "' is not a number of instructions from 0 to " + Long.MAX_VALUE);
    }

    /** The instruction limit given, or {@code defaultLimit} without the option. */
    public long maxInstructions(long defaultLimit) {
        return maxInstructions < 0 ? defaultLimit : maxInstructions;
    }

    public boolean stats() {
        return stats;
    }

    public boolean help() {
        return help;
    }

    public boolean version() {
        return version;
    }

    /** The file arguments, in order. */
    public String file(int index) {
        return files.get(index);
    }
}
