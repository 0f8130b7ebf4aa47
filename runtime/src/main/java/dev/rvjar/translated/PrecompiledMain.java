package dev.rvjar.translated;

import dev.rvjar.image.RomImage;
import dev.rvjar.lambda.CallLauncher;
import dev.rvjar.lambda.ExitCodes;
import dev.rvjar.lambda.LambdaCall;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The Main-Class of a precompiled ROM jar: {@code java -jar ROM.jar RAM IN OUT} runs one call of
 * the ROM it holds exactly as {@code rvjar run ROM RAM IN OUT} would, with the same exit statuses
 * and messages, and nothing but the jar on the class path.
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
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) {
        if (args.length != 3) {
            err.println("rvjar: usage: java -jar ROM.jar RAM IN OUT");
            return ExitCodes.USAGE;
        }
        PrecompiledProgram program;
        try {
            program = PrecompiledProgram.load(PrecompiledMain.class.getClassLoader());
        } catch (IOException e) {
            err.println("rvjar: " + e.getMessage());
            return ExitCodes.BAD_ROM;
        }
        PrecompiledCall call = new PrecompiledCall(program, args, CallLauncher.standardOutput(), err);
        return CallLauncher.launch(program.romName(), call, call, err);
    }

    /** The call's ROM, its set-up and its translated code, as one object rather than three lambdas. */
    private static final class PrecompiledCall implements CallLauncher.RomSource, CallLauncher.CallSetup,
            Function<Machine, TranslatedCode> {
        private final PrecompiledProgram program;
        private final String[] files;
        private final PrintStream stdout;
        private final PrintStream stderr;

        PrecompiledCall(PrecompiledProgram program, String[] files, PrintStream stdout, PrintStream stderr) {
            this.program = program;
            this.files = files;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public RomImage load() {
            return program.image();
        }

        @Override
        public LambdaCall prepare(RomImage image) {
            return new LambdaCall(image, Path.of(files[0]), Path.of(files[1]), Path.of(files[2]))
                    .rv32e(program.rv32e())
                    .output(stdout, stderr)
                    .translation(this);
        }

        @Override
        public TranslatedCode apply(Machine machine) {
            return program.attach(machine);
        }
    }
}
