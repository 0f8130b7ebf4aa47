package dev.rvjar.cli;

import dev.rvjar.lambda.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code rvjar} command. */
@Command(name = "rvjar",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs RISC-V (RV32) programs on the JVM, interpreted or translated ahead of time to JVM bytecode.",
        subcommands = {RunCommand.class, CompileCommand.class, DisasmCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  run exits with the guest's status (as does java -jar on a compiled ROM); otherwise:",
            "  64 usage error, 65 bad ROM, 66 bad input file, 70 internal error, 74 cannot write ram/out,",
            "  132 illegal instruction, 133 breakpoint, 135 misaligned jump, 139 memory fault,",
            "  152 instruction limit reached."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: rvjar run ROM RAM IN OUT)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status, printing errors as one line. */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, args) -> {
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
        return cli;
    }
}
