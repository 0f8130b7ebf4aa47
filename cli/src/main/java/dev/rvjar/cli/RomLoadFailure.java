package dev.rvjar.cli;

import dev.rvjar.lambda.BadInputException;
import dev.rvjar.lambda.ExitCodes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** The one-line message and exit status of every command that could not load its ROM. */
final class RomLoadFailure {
    private RomLoadFailure() {
    }

    /** Reports a path argument {@link dev.rvjar.lambda.PathCheck} refused, an unreadable ROM file (66) or one rvjar cannot load (65). */
    static int report(Exception failure, Path rom, PrintStream err) {
        if (failure instanceof BadInputException bad) {
            err.println("rvjar: " + bad.getMessage());
            return bad.status();
        }
        if (failure instanceof IOException) {
            err.println("rvjar: " + failure.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        err.println("rvjar: " + rom + ": " + failure.getMessage());
        return ExitCodes.BAD_ROM;
    }
}
