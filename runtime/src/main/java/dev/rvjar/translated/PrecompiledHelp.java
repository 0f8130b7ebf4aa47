package dev.rvjar.translated;

import dev.rvjar.lambda.CallHelp;
import dev.rvjar.lambda.CallOptions;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The {@code --help} and {@code --version} of a precompiled jar, laid out as picocli lays out {@code rvjar run --help}. */
final class PrecompiledHelp {
    private PrecompiledHelp() {
    }

    /** How the user started this jar, for messages: {@code java -jar NAME.jar}. */
    static String command() {
        try {
            Path jar = Path.of(PrecompiledHelp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return "java -jar " + jar.getFileName();
        } catch (URISyntaxException | RuntimeException e) {
            return "java -jar ROM.jar"; // no code source to name
        }
    }

    static void printHelp(PrintStream out, ProgramProperties program) {
        out.println("Usage: " + command() + " [-hV] [--stats] [" + CallOptions.MAX_INSTRUCTIONS + "=N] RAM IN OUT");
        out.println("Runs one call of " + program.romName() + ", translated to JVM bytecode ahead of time by rvjar compile"
                + (program.rv32e() ? " for strict RV32E" : "") + ", exactly as 'rvjar run " + program.romName()
                + " RAM IN OUT' runs it: resets the machine, maps ROM, RAM, IN and OUT, runs until the guest exits, "
                + "then writes RAM and OUT back atomically. A guest fault or the instruction limit leaves RAM and OUT unchanged.");
        row(out, "      RAM", CallHelp.RAM);
        row(out, "      IN", CallHelp.IN);
        row(out, "      OUT", CallHelp.OUT);
        row(out, "      " + CallOptions.MAX_INSTRUCTIONS + "=N", CallHelp.MAX_INSTRUCTIONS + " (default: " + program.maxInstructions() + ")");
        row(out, "      " + CallOptions.STATS, CallHelp.STATS);
        row(out, "  -h, --help", "Show this help message and exit.");
        row(out, "  -V, --version", "Print version information and exit.");
        out.println();
        out.println("Exit status:");
        for (String status : CallHelp.STATUSES) {
            int colon = status.indexOf(':');
            out.println("  " + pad(status.substring(0, colon), 8) + status.substring(colon + 1));
        }
    }

    static void printVersion(PrintStream out, ProgramProperties program) {
        out.println(program.romName() + ", precompiled by " + program.compiledBy());
        out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    }

    private static void row(PrintStream out, String names, String description) {
        out.println(pad(names, 30) + description);
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        do {
            padded.append(' ');
        } while (padded.length() < width);
        return padded.toString();
    }
}
