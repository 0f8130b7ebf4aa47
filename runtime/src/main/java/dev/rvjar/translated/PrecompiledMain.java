package dev.rvjar.translated;

import dev.rvjar.image.RomImage;
import dev.rvjar.lambda.CallLauncher;
import dev.rvjar.lambda.CallOptions;
import dev.rvjar.lambda.CallResult;
import dev.rvjar.lambda.CallStatistics;
import dev.rvjar.lambda.ExitCodes;
import dev.rvjar.lambda.LambdaCall;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The Main-Class of a precompiled ROM jar: {@code java -jar ROM.jar [--max-instructions N]
 * [--stats] RAM IN OUT} runs one call of the ROM it holds exactly as {@code rvjar run} would, with
 * the same options, exit statuses and messages, and nothing but the jar on the class path.
 *
 * <p>Start-up is most of such a call, so the path from here to the guest's exit uses no lambdas or
 * method references (the first one bootstraps {@code invokedynamic}, tens of milliseconds in a
 * fresh JVM; the runtime is also compiled without indy string concatenation, see its pom).
 * {@code CompileCommandTest.aPrecompiledCallLoadsNothingItDoesNotNeed} checks the class-loading log.
 */
public final class PrecompiledMain {
    private PrecompiledMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CallLauncher.standardOutput(), System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        CallOptions options;
        try {
            options = CallOptions.parse(args, "RAM", "IN", "OUT");
        } catch (CallOptions.UsageError e) {
            err.println("rvjar: " + e.getMessage());
            err.println("Try '" + PrecompiledHelp.command() + " --help' for more information.");
            return ExitCodes.USAGE;
        }
        PrecompiledProgram program;
        try {
            program = PrecompiledProgram.load(PrecompiledMain.class.getClassLoader());
        } catch (IOException e) {
            err.println("rvjar: " + e.getMessage());
            return ExitCodes.BAD_ROM;
        }
        if (options.help()) {
            PrecompiledHelp.printHelp(out, program.properties());
            return 0;
        }
        if (options.version()) {
            PrecompiledHelp.printVersion(out, program.properties());
            return 0;
        }
        PrecompiledCall call = new PrecompiledCall(program, options, started, out, err);
        return CallLauncher.launch(program.romName(), call, call, options.stats() ? call : null, err);
    }

    /** The call's ROM, its set-up, its translated code and its statistics, as one object rather than four lambdas. */
    private static final class PrecompiledCall implements CallLauncher.RomSource, CallLauncher.CallSetup,
            Function<Machine, TranslatedCode>, CallLauncher.Finisher {
        private final PrecompiledProgram program;
        private final CallOptions options;
        private final long started;
        private final PrintStream stdout;
        private final PrintStream stderr;

        PrecompiledCall(PrecompiledProgram program, CallOptions options, long started, PrintStream stdout, PrintStream stderr) {
            this.program = program;
            this.options = options;
            this.started = started;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public RomImage load() {
            return program.image();
        }

        @Override
        public LambdaCall prepare(RomImage image) {
            return new LambdaCall(image, Path.of(options.file(0)), Path.of(options.file(1)), Path.of(options.file(2)))
                    .maxInstructions(options.maxInstructions(program.properties().maxInstructions()))
                    .rv32e(program.rv32e())
                    .output(stdout, stderr)
                    .translation(this);
        }

        @Override
        public TranslatedCode apply(Machine machine) {
            return program.attach(machine);
        }

        @Override
        public void finished(LambdaCall call, CallResult result) {
            String execution = call.machine().translatedCode() instanceof TranslatedProgram translated
                    ? translated.executionSummary(result.instructions()) : null;
            CallStatistics.print(stderr, result.instructions(), System.nanoTime() - started, program.summary(), execution);
        }
    }
}
