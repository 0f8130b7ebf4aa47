package dev.rvjar.translated;

import dev.rvjar.lambda.CallLauncher;
import dev.rvjar.lambda.ExitCodes;
import dev.rvjar.lambda.LambdaCall;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The Main-Class of a precompiled ROM jar: {@code java -jar ROM.jar RAM IN OUT} runs one call of
 * the ROM it holds exactly as {@code rvjar run ROM RAM IN OUT} would, with the same exit statuses
 * and messages, and nothing but the jar on the class path.
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
        PrintStream stdout = CallLauncher.standardOutput();
        return CallLauncher.launch(program.romName(), program::image,
                image -> new LambdaCall(image, Path.of(args[0]), Path.of(args[1]), Path.of(args[2]))
                        .rv32e(program.rv32e())
                        .output(stdout, err)
                        .translation(program::attach),
                (call, result) -> { }, err);
    }
}
