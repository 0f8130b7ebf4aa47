package dev.rvjar.cli;

import dev.rvjar.lambda.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/** The {@code rvjar} command. */
@Command(name = "rvjar",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs RISC-V (RV32) programs on the JVM, interpreted or translated ahead of time to JVM bytecode.",
        subcommands = {RunCommand.class, CompileCommand.class, ServeCommand.class, DisasmCommand.class, RiscvTestsCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  run exits with the guest's status (as does java -jar on a compiled ROM); otherwise:",
            "  64 usage error, 65 bad ROM, 66 bad input file, 70 internal error, 74 cannot write ram/out,",
            "  132 illegal instruction, 133 breakpoint, 135 misaligned jump, 139 memory fault,",
            "  152 instruction limit reached."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the guest's fd 1 goes (raw bytes). */
    final OutputStream stdout;
    /** Where the guest's fd 2 and rvjar's own messages go. */
    final PrintStream stderr;

    Main(OutputStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: rvjar run ROM RAM IN OUT)");
    }

    public static void main(String[] args) {
        System.exit(execute(new FileOutputStream(FileDescriptor.out), System.err, args));
    }

    /**
     * Runs the command line with the given streams and returns the exit status; errors are printed
     * to {@code stderr} as one line.
     */
    public static int execute(OutputStream stdout, PrintStream stderr, String... args) {
        CommandLine cli = new CommandLine(new Main(stdout, stderr));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, java.nio.charset.StandardCharsets.UTF_8), true);
        cli.setOut(out);
        cli.setErr(new PrintWriter(stderr, true));
        cli.setParameterExceptionHandler((e, badArgs) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("rvjar: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("rvjar: internal error: " + e);
            err.flush();
            return ExitCodes.INTERNAL;
        });
        int status = cli.execute(args);
        out.flush();
        return status;
    }
}
