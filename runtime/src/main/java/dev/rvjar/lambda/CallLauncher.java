package dev.rvjar.lambda;

import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Runs one call the way a command does: loads the ROM, runs the call, and turns every outcome into
 * the exit status of {@link ExitCodes} and at most one line on stderr. {@code rvjar run} and
 * precompiled ROM jars both launch through here, so they cannot differ in statuses or messages.
 */
public final class CallLauncher {
    /** Supplies the ROM image (from a file, or from a precompiled jar). */
    @FunctionalInterface
    public interface RomSource {
        RomImage load() throws IOException, BadInputException;
    }

    /** Sets up the call for the loaded image. */
    @FunctionalInterface
    public interface CallSetup {
        LambdaCall prepare(RomImage image) throws IOException, BadInputException;
    }

    /** Sees the finished call and its result before the status is reported (for statistics). */
    @FunctionalInterface
    public interface Finisher {
        void finished(LambdaCall call, CallResult result);
    }

    private CallLauncher() {
    }

    /** The process's standard output, unbuffered between guest writes, for the guest's fd 1. */
    public static PrintStream standardOutput() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    }

    /** Runs the call and returns the command's exit status; {@code romName} is how messages name the ROM. */
    public static int launch(String romName, RomSource rom, CallSetup setup, PrintStream err) {
        return launch(romName, rom, setup, null, err);
    }

    /**
     * Runs the call and returns the command's exit status.
     *
     * @param romName how messages name the ROM
     * @param finisher sees the finished call before its status is reported; null for nothing to do
     */
    public static int launch(String romName, RomSource rom, CallSetup setup, Finisher finisher, PrintStream err) {
        try {
            RomImage image = rom.load();
            LambdaCall call = setup.prepare(image);
            CallResult result = call.run();
            if (finisher != null) {
                finisher.finished(call, result);
            }
            return report(result, call.maxInstructions(), err);
        } catch (RomFormatException e) {
            err.println("rvjar: " + romName + ": " + e.getMessage());
            return ExitCodes.BAD_ROM;
        } catch (BadInputException e) {
            err.println("rvjar: " + e.getMessage());
            return e.status();
        } catch (IOException e) {
            err.println("rvjar: " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
    }

    /**
     * The exit status for a finished call, with the one-line message for faults and limit stops;
     * {@code limit} is the call's instruction limit, named in the message of a stop for it.
     */
    static int report(CallResult result, long limit, PrintStream err) {
        return switch (result.outcome()) {
            case EXITED -> result.exitStatus() & 0xFF;
            case FAULTED -> {
                err.println("rvjar: guest fault: " + result.fault().getMessage() + " after " + result.instructions() + " instructions");
                yield ExitCodes.forFault(result.fault().kind());
            }
            case INSTRUCTION_LIMIT -> {
                err.printf("rvjar: instruction limit reached: %d instructions, pc 0x%08x (the limit is %d: raise it with %s N)%n",
                        result.instructions(), result.pc(), limit, CallOptions.MAX_INSTRUCTIONS);
                yield ExitCodes.INSTRUCTION_LIMIT;
            }
        };
    }
}
