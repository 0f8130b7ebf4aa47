package dev.rvjar.lambda;

import java.io.PrintStream;

/** What {@code --stats} prints after a call, in {@code rvjar run} and in precompiled jars alike. */
public final class CallStatistics {
    private CallStatistics() {
    }

    /**
     * Prints the instruction count, wall time and rate, then each of {@code details} (null ones
     * skipped), each line starting with {@code rvjar: }.
     */
    public static void print(PrintStream err, long instructions, long nanos, String... details) {
        err.printf("rvjar: %d instructions in %.3f s (%s)%n", instructions, nanos / 1e9, rate(instructions, nanos));
        for (String detail : details) {
            if (detail != null) {
                err.println("rvjar: " + detail);
            }
        }
    }

    /**
     * Instructions per second in a unit that keeps three significant digits or so: a short call
     * (the hello ROM: hundreds of instructions in tens of milliseconds, mostly start-up) would
     * show as 0.0 MIPS.
     */
    static String rate(long instructions, long nanos) {
        if (nanos <= 0) {
            return "too short to rate";
        }
        double perSecond = instructions * 1e9 / nanos;
        if (perSecond >= 1e6) {
            return String.format("%.1f MIPS", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format("%.1f thousand instructions/s", perSecond / 1e3);
        }
        return String.format("%.0f instructions/s", perSecond);
    }
}
