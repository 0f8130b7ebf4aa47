package dev.rvjar.lambda;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content: the bytes
 * go to a temporary file beside the target, are forced to disk, and the temporary file is then
 * renamed over the target in one atomic step.
 *
 * <p>The temporary file is named after the target and a clock reading and created exclusively
 * (trying the next name if it exists), not with {@link Files#createTempFile}: that seeds a
 * {@code SecureRandom} through the security providers, tens of milliseconds at the start-up of
 * every call. Like any other new file it gets the permissions the umask allows.
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

    private AtomicFile() {
    }

    public static void write(Path target, ByteBuffer... parts) throws IOException {
        write(target, CREATE_NEW, parts);
    }

    static void write(Path target, ChannelOpener opener, ByteBuffer... parts) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp;
        FileChannel created;
        while (true) {
            temp = absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
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
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
