package dev.rvjar.lambda;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a command's path arguments before anything runs or is written, so that each problem is
 * reported as one line naming the argument and the path, with its documented exit status, rather
 * than as whatever a later read or rename happens to throw.
 *
 * <p>Readability and writability are {@link Files#isReadable}'s and {@link Files#isWritable}'s
 * answers, which are the operating system's: for root, a mode-000 file is readable.
 */
public final class PathCheck {
    /** Far more than any ROM of the 1 MiB ROM region, even an ELF file with all its symbols and debug information. */
    public static final long MAX_ROM_FILE = 64L << 20;

    private PathCheck() {
    }

    /** A ROM file: a missing or unreadable one is a bad input (66), a directory or huge file a bad ROM (65). */
    public static void rom(Path file) throws BadInputException {
        input("ROM", file, MAX_ROM_FILE, ExitCodes.BAD_ROM);
    }

    /**
     * An input file of a region, at most {@code maxBytes} long; {@code required} false lets it be
     * missing (a missing RAM or OUT file reads as zeros).
     */
    public static void regionFile(String label, Path file, boolean required, long maxBytes) throws BadInputException {
        if (!required && !Files.exists(file) && !Files.isSymbolicLink(file)) {
            return;
        }
        input(label, file, maxBytes, ExitCodes.BAD_INPUT);
    }

    private static void input(String label, Path file, long maxBytes, int badFileStatus) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException(label + " file " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(label + " file " + file + " is a directory", badFileStatus);
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(label + " file " + file + " is not readable");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new BadInputException(label + " file " + file + " cannot be read: " + e.getMessage());
        }
        if (size > maxBytes) {
            throw new BadInputException(label + " file " + file + " is " + size + " bytes, more than the " + maxBytes
                    + " bytes " + (badFileStatus == ExitCodes.BAD_ROM ? "a ROM file may have" : "of its region"), badFileStatus);
        }
    }

    /** A directory to read: it must exist and be a directory (66). */
    public static void directory(String label, Path dir) throws BadInputException {
        if (!Files.exists(dir)) {
            throw new BadInputException(label + " " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(label + " " + dir + " is not a directory");
        }
        if (!Files.isReadable(dir)) {
            throw new BadInputException(label + " " + dir + " is not readable");
        }
    }

    /**
     * A file to be replaced atomically (written beside it, then renamed over it): it must not be a
     * directory, and its directory must exist and be writable (74).
     */
    public static void output(String label, Path file) throws BadInputException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        String cannot = label + " file " + file + " cannot be written: ";
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(cannot + "it is a directory", ExitCodes.IO_ERROR);
        }
        if (parent == null || !Files.exists(parent)) {
            throw new BadInputException(cannot + "directory " + parent + " does not exist", ExitCodes.IO_ERROR);
        }
        if (!Files.isDirectory(parent)) {
            throw new BadInputException(cannot + parent + " is not a directory", ExitCodes.IO_ERROR);
        }
        if (!Files.isWritable(parent)) {
            throw new BadInputException(cannot + "directory " + parent + " is not writable", ExitCodes.IO_ERROR);
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new BadInputException(cannot + "it is not writable", ExitCodes.IO_ERROR);
        }
    }
}
