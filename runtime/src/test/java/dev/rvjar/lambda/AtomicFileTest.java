package dev.rvjar.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replaced file holds the old or the new content, never a mix, whatever happens mid-write. */
class AtomicFileTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void replacesTheContent() throws IOException {
        Path file = dir.resolve("ram");
        Files.write(file, new byte[] {1, 2, 3});
        AtomicFile.write(file, ByteBuffer.wrap(new byte[] {9}), ByteBuffer.wrap(new byte[] {8, 7}));
        assertArrayEquals(new byte[] {9, 8, 7}, Files.readAllBytes(file));
        assertEquals(1, fileCount());
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoLitter() throws IOException {
        Path file = dir.resolve("out");
        byte[] old = filled(1 << 20, (byte) 'A');
        Files.write(file, old);
        AtomicFile.ChannelOpener crashing = path -> new FailingChannel(FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW), 300_000);
        assertThrows(IOException.class, () -> AtomicFile.write(file, crashing, ByteBuffer.wrap(filled(1 << 20, (byte) 'B'))));
        assertArrayEquals(old, Files.readAllBytes(file));
        assertEquals(1, fileCount());
    }

    @Test
    void aTemporaryNameAnotherWriterHoldsIsLeftToItAndTheNextNameTaken() throws IOException {
        Path file = dir.resolve("ram");
        Files.write(file, new byte[] {1});
        List<Path> tried = new ArrayList<>();
        AtomicFile.ChannelOpener contended = path -> {
            tried.add(path);
            if (tried.size() == 1) {
                Files.write(path, new byte[] {5}); // another writer got there first
                throw new FileAlreadyExistsException(path.toString());
            }
            return FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        };
        AtomicFile.write(file, contended, ByteBuffer.wrap(new byte[] {2, 3}));
        assertArrayEquals(new byte[] {2, 3}, Files.readAllBytes(file));
        assertEquals(2, tried.size());
        assertNotEquals(tried.get(0), tried.get(1));
        assertEquals(dir, tried.get(1).getParent(), "the temporary file lies beside the target");
        assertArrayEquals(new byte[] {5}, Files.readAllBytes(tried.get(0)), "the other writer's file is untouched");
        assertEquals(2, fileCount());
    }

    @Test
    void theTemporaryFileNamesTheTargetAndTheWritingProcess() throws IOException {
        Path file = dir.resolve("ram");
        List<Path> tried = new ArrayList<>();
        AtomicFile.ChannelOpener recording = path -> {
            tried.add(path);
            return FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        };
        AtomicFile.write(file, recording, ByteBuffer.wrap(new byte[] {1}));
        String name = tried.get(0).getFileName().toString();
        assertTrue(name.startsWith(".ram.rvjar-" + ProcessHandle.current().pid() + "-") && name.endsWith(".tmp"), name);
        assertEquals(ProcessHandle.current().pid(), AtomicFile.writerOf(name));
    }

    @Test
    void onlyTemporaryFileNamesNameAWriter() {
        assertEquals(123, AtomicFile.writerOf(".ram.rvjar-123-1f.tmp"));
        assertEquals(7, AtomicFile.writerOf(".my.state.rvjar-7-abc.tmp"));
        assertEquals(7, AtomicFile.writerOf(".x.rvjar-1-2.tmp.rvjar-7-abc.tmp"));
        for (String other : new String[] {"ram", ".ram.1f.tmp", "ram.rvjar-123-1f.tmp", ".rvjar-123-1f.tmp",
            ".ram.rvjar-123-1f.tmp~", ".ram.rvjar--1f.tmp", ".ram.rvjar-123-.tmp", ".ram.rvjar-12a-1f.tmp",
            ".ram.rvjar-123-xyz.tmp", ".ram.rvjar-99999999999999999999-1.tmp"}) {
            assertEquals(-1, AtomicFile.writerOf(other), other);
        }
    }

    @Test
    void theFirstWriteIntoADirectoryDeletesTheTemporaryFilesOfEndedWritersOnly() throws Exception {
        Process ended = new ProcessBuilder(JAVA, "-version").redirectErrorStream(true).start();
        ended.getInputStream().readAllBytes();
        ended.waitFor();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            List<String> leftovers = List.of(".ram.rvjar-" + ended.pid() + "-1f.tmp", ".out.rvjar-" + ended.pid() + "-20.tmp");
            List<String> kept = List.of(".ram.rvjar-" + alive.pid() + "-1f.tmp", ".ram.rvjar-" + ProcessHandle.current().pid() + "-1f.tmp",
                    ".ram.1f.tmp", "notes.rvjar-" + ended.pid() + "-1f.tmp", "in");
            for (String name : leftovers) {
                Files.write(dir.resolve(name), new byte[] {1});
            }
            for (String name : kept) {
                Files.write(dir.resolve(name), new byte[] {2});
            }
            AtomicFile.forgetSweeps();
            AtomicFile.write(dir.resolve("ram"), ByteBuffer.wrap(new byte[] {3}));
            for (String name : leftovers) {
                assertTrue(Files.notExists(dir.resolve(name)), name);
            }
            for (String name : kept) {
                assertArrayEquals(new byte[] {2}, Files.readAllBytes(dir.resolve(name)), name);
            }
            assertEquals(kept.size() + 1, fileCount());
        } finally {
            alive.destroyForcibly().waitFor();
        }
    }

    @Test
    void killingTheWritingProcessAtAnyMomentLeavesAWholeFile() throws Exception {
        Path file = dir.resolve("ram");
        Files.write(file, filled(1 << 20, (byte) 'A'));
        for (int round = 0; round < 4; round++) {
            Process writer = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
                    AtomicWriterProcess.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            // wait until the child has replaced the file at least once, then kill it at a random moment
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Files.readAllBytes(file)[0] == 'A' && System.nanoTime() < deadline && writer.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 60));
            writer.destroyForcibly().waitFor();
            byte[] content = Files.readAllBytes(file);
            assertEquals(1 << 20, content.length);
            byte first = content[0];
            assertTrue(first == 'B' || first == 'C', "the child wrote");
            for (byte b : content) {
                assertEquals(first, b, "a torn file mixes two versions");
            }
            assertTrue(fileCount() <= 2, "at most the killed writer's temporary file is left: the next one deletes it");
        }
    }

    private long fileCount() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    /** Replaces the file forever, alternating two contents, until killed. */
    public static final class AtomicWriterProcess {
        public static void main(String[] args) throws IOException {
            Path file = Path.of(args[0]);
            byte[] b = filled(1 << 20, (byte) 'B');
            byte[] c = filled(1 << 20, (byte) 'C');
            for (long i = 0; ; i++) {
                AtomicFile.write(file, ByteBuffer.wrap((i & 1) == 0 ? b : c));
            }
        }
    }

    /** A channel that throws once a number of bytes has been written, as a crash or full disk would. */
    private static final class FailingChannel extends FileChannel {
        private final FileChannel delegate;
        private long budget;

        FailingChannel(FileChannel delegate, long budget) {
            this.delegate = delegate;
            this.budget = budget;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (budget <= 0) {
                throw new IOException("simulated crash");
            }
            ByteBuffer slice = src.slice();
            slice.limit((int) Math.min(slice.remaining(), budget));
            int written = delegate.write(slice);
            src.position(src.position() + written);
            budget -= written;
            return written;
        }

        @Override public int read(ByteBuffer dst) { throw new UnsupportedOperationException(); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public long position() throws IOException { return delegate.position(); }
        @Override public FileChannel position(long newPosition) { throw new UnsupportedOperationException(); }
        @Override public long size() throws IOException { return delegate.size(); }
        @Override public FileChannel truncate(long size) { throw new UnsupportedOperationException(); }
        @Override public void force(boolean metaData) throws IOException { delegate.force(metaData); }
        @Override public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) { throw new UnsupportedOperationException(); }
        @Override public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) { throw new UnsupportedOperationException(); }
        @Override public int read(ByteBuffer dst, long position) { throw new UnsupportedOperationException(); }
        @Override public int write(ByteBuffer src, long position) { throw new UnsupportedOperationException(); }
        @Override public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) { throw new UnsupportedOperationException(); }
        @Override public java.nio.channels.FileLock lock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
        @Override public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
        @Override protected void implCloseChannel() throws IOException { delegate.close(); }
    }
}
