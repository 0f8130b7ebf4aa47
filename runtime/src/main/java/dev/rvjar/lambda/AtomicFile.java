package dev.rvjar.lambda;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content: the bytes
 * go to a temporary file beside the target, are forced to disk, and the temporary file is then
 * renamed over the target in one atomic step. The directory is forced to disk after the rename, so
 * that a write that has returned survives a power loss too, not only a killed process.
 *
 * <p>The temporary file is named {@code .NAME.rvjar-PID-CLOCK.tmp}, after the target, the writing
 * process and a clock reading, and created exclusively (trying the next name if it exists), not with
 * {@link Files#createTempFile}: that seeds a {@code SecureRandom} through the security providers,
 * tens of milliseconds at the start-up of every call. Like any other new file it gets the permissions
 * the umask allows.
 *
 * <p>A process killed mid-write leaves its temporary file behind. The first write a process makes
 * into a directory deletes the temporary files there whose writer is no longer alive, so they never
 * accumulate; a live writer's file, in this process or another, is left alone. (A dead writer's
 * process id taken over by a new process keeps its file until a sweep after that process ends.)
 * The target alone is the state: a temporary file is never read.
 */
public final class AtomicFile {
    /** Creates the temporary file, failing if it exists; tests substitute one that fails part-way to simulate a crash. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel create(Path path) throws IOException;
    }

    /** An anonymous class rather than a lambda: see {@link dev.rvjar.translated.PrecompiledMain}. */
    private static final ChannelOpener CREATE_NEW = new ChannelOpener() {
        @Override
        public FileChannel create(Path path) throws IOException {
            return FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        }
    };

    private static final String MARK = ".rvjar-";
    private static final String SUFFIX = ".tmp";

    /** This process's id, from {@code /proc/self} where there is one: see {@link #currentProcess}. */
    private static final long PROCESS = currentProcess();

    /** The directories this process has swept, each once: a process leaves no litter while it lives. */
    private static final ConcurrentHashMap<Path, Boolean> SWEPT = new ConcurrentHashMap<>();

    private AtomicFile() {
    }

    public static void write(Path target, ByteBuffer... parts) throws IOException {
        write(target, CREATE_NEW, parts);
    }

    static void write(Path target, ChannelOpener opener, ByteBuffer... parts) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (SWEPT.putIfAbsent(directory, Boolean.TRUE) == null) {
            sweep(directory);
        }
        String prefix = "." + absolute.getFileName() + MARK + PROCESS + "-";
        Path temp;
        FileChannel created;
        while (true) {
            temp = absolute.resolveSibling(prefix + Long.toHexString(System.nanoTime()) + SUFFIX);
            try {
                created = opener.create(temp);
                break;
            } catch (FileAlreadyExistsException e) {
                // another writer's temporary file: take the next name
            }
        }
        try {
            try (FileChannel channel = created) {
                for (ByteBuffer part : parts) {
                    while (part.hasRemaining()) {
                        channel.write(part);
                    }
                }
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Makes the rename durable: until the directory's own entry is on disk, a power loss can bring
     * back the old file. Where a directory cannot be opened at all (not Linux), the file system
     * offers no such guarantee to ask for and the rename stands as it is.
     */
    private static void forceDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /**
     * {@link ProcessHandle#current()}'s class initialisation bootstraps a lambda, tens of milliseconds
     * at the start of a call; Linux names the process in {@code /proc/self} for the price of a readlink.
     */
    private static long currentProcess() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return ProcessHandle.current().pid();
        }
    }

    /** Forgets which directories were swept, so that the next write sweeps again (for tests). */
    static void forgetSweeps() {
        SWEPT.clear();
    }

    /**
     * Deletes the temporary files in {@code directory} whose writing process has ended. Tidying is
     * no part of the write: a directory that cannot be listed, or a file that cannot be deleted, is
     * left as it is and the write goes on.
     */
    private static void sweep(Path directory) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                long writer = writerOf(entry.getFileName().toString());
                if (writer >= 0 && writer != PROCESS && !ProcessHandle.of(writer).isPresent()) {
                    deleteQuietly(entry);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // litter stays; the next process's first write tries again
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // not ours to insist on: another sweep may try again
        }
    }

    /** The process id in a temporary file's name, or -1 for any other name. */
    static long writerOf(String name) {
        int mark = name.lastIndexOf(MARK);
        if (!name.startsWith(".") || !name.endsWith(SUFFIX) || mark < 2) {
            return -1;
        }
        int start = mark + MARK.length();
        int dash = name.indexOf('-', start);
        int end = name.length() - SUFFIX.length();
        if (dash <= start || dash >= end - 1 || !digits(name, start, dash, 10) || !digits(name, dash + 1, end, 16)) {
            return -1;
        }
        try {
            return Long.parseLong(name, start, dash, 10);
        } catch (NumberFormatException e) {
            return -1; // too many digits for a process id
        }
    }

    private static boolean digits(String s, int from, int to, int radix) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), radix) < 0) {
                return false;
            }
        }
        return true;
    }
}
