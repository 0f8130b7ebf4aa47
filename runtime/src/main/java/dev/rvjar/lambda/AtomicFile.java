package dev.rvjar.lambda;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content: the bytes
 * go to a temporary file beside the target, are forced to disk, and the temporary file is then
 * renamed over the target in one atomic step.
 */
public final class AtomicFile {
    /** Opens the temporary file; tests substitute one that fails part-way to simulate a crash. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open(Path path) throws IOException;
    }

    private static final ChannelOpener DEFAULT = path -> FileChannel.open(path, StandardOpenOption.WRITE);

    private AtomicFile() {
    }

    public static void write(Path target, ByteBuffer... parts) throws IOException {
        write(target, DEFAULT, parts);
    }

    static void write(Path target, ChannelOpener opener, ByteBuffer... parts) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = opener.open(temp)) {
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
