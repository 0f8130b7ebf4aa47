package dev.rvjar.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract's crash safety, tried on real processes: {@code rvjar run} is killed (SIGKILL) at
 * random moments, most of them while it writes {@code ram} and {@code out} back, and each file is
 * always exactly what it was before the call or what the call made of it; the temporary file a
 * killed run leaves is deleted by the next run that writes, so none accumulate.
 *
 * <p>The ROM, {@code churn}, spreads values of its call count over RAM and the whole 1 MiB OUT
 * region, so a file torn between two calls cannot pass for either. It runs interpreted from its ELF
 * file and precompiled from its jar (the write-back is the same code either way). Four kills in five
 * wait for the run's first temporary file and come a random moment later, within a window that
 * adapts to the machine's speed; the fifth comes at any moment of the call. CI makes 100 kills
 * (62 s on an idle 2-core machine, a run being some 0.6 s of JVM start-up, call and write-back);
 * {@code -Drvjar.kills=N} makes more, {@code -Drvjar.seed=S} repeats a run.
 */
class KillDuringWriteBackTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final int KILLS = Integer.getInteger("rvjar.kills", 100);
    private static final int GOLDEN = 0x9E37_79B1;
    private static final int FILL_WORDS = 224 * 1024;
    private static final int STRIDE = 16;
    private static final int OUT_PAYLOAD = (1 << 20) - 4;

    @TempDir
    Path dir;

    /** The files after each number of uninterrupted calls, from in-process calls in a directory of their own. */
    private final List<byte[]> rams = new ArrayList<>();
    private final List<byte[]> outs = new ArrayList<>();
    private RomCall reference;
    private Path work;

    @Test
    void killedAtAnyMomentEachFileIsTheOldOrTheNewOneAndNoTemporaryFilesPileUp() throws Exception {
        Path elf = RomCall.rom("rv32imac", "churn.elf");
        Path jar = dir.resolve("churn.jar");
        assertEquals(0, Main.execute(OutputStream.nullOutputStream(), System.err, "compile", elf.toString(), "-o", jar.toString()));
        List<List<String>> ways = List.of(List.of("--interpret", elf.toString()), List.of(jar.toString()));
        reference = new RomCall(Files.createDirectories(dir.resolve("reference"))).input(new byte[0]);
        rams.add(null);
        outs.add(null);
        work = Files.createDirectories(dir.resolve("work"));
        RomCall files = new RomCall(work).input(new byte[0]);
        long seed = Long.getLong("rvjar.seed", System.nanoTime());
        Random random = new Random(seed);

        // two uninterrupted calls: the state to start from, and how long a call and its write-back take
        long writeBackNanos = 0;
        long callNanos = 0;
        for (List<String> way : ways) {
            Run run = new Run(files, way);
            run.awaitWriteBack();
            long lastSeen = run.writeBackSeen;
            while (run.process.isAlive()) {
                if (run.temporaryFile() != null) {
                    lastSeen = System.nanoTime();
                }
            }
            assertEquals(0, run.process.waitFor(), run.what);
            writeBackNanos = Math.max(writeBackNanos, lastSeen - run.writeBackSeen);
            callNanos = Math.max(callNanos, System.nanoTime() - run.started);
        }
        // the call each file is of: out lags behind ram when a kill lands between their write-backs
        int ramCalls = 2;
        int outCalls = 2;
        assertState(files, ramCalls, outCalls, "after two whole calls");

        long lastWriter = -1;
        int duringWrite = 0;
        int afterExit = 0;
        int ramNew = 0;
        int outNew = 0;
        int maxTemporary = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Run run = new Run(files, ways.get(random.nextInt(ways.size())));
            boolean aimed = random.nextInt(5) != 0;
            if (aimed) {
                // a moment of the write-back, or just after it
                run.awaitWriteBack();
                LockSupport.parkNanos((long) (random.nextDouble() * writeBackNanos));
            } else {
                // any moment of the call, start-up included
                LockSupport.parkNanos((long) (random.nextDouble() * callNanos));
            }
            boolean exited = !run.process.isAlive();
            run.process.destroyForcibly().waitFor();
            String what = run.what + " (kill " + kill + ", seed " + seed + ")";

            boolean leftOne = run.temporaryFile() != null;
            // the call continues from ram (out comes from the ROM alone): each file is the old one or call ramCalls + 1's
            int made = ramCalls + 1;
            stateAfter(made);
            boolean ramIsNew = isOldOrNew(files.ram, rams.get(ramCalls), rams.get(made), what);
            boolean outIsNew = isOldOrNew(files.out, outs.get(outCalls), outs.get(made), what);
            if (leftOne || ramIsNew || outIsNew) {
                lastWriter = run.process.pid(); // its first write deleted every earlier run's temporary file
            }
            List<Path> temporary = temporaryFiles(work);
            maxTemporary = Math.max(maxTemporary, temporary.size());
            for (Path t : temporary) {
                assertTrue(t.getFileName().toString().contains(".rvjar-" + lastWriter + "-"),
                        what + ": a temporary file outlived the next run's write-back: " + temporary);
            }
            assertTrue(temporary.size() <= 1, what + ": " + temporary);
            if (aimed) {
                // keep aiming at the write-back however fast the machine is today
                writeBackNanos = exited ? writeBackNanos * 4 / 5 : writeBackNanos * 21 / 20;
            }
            duringWrite += leftOne ? 1 : 0;
            afterExit += exited ? 1 : 0;
            ramNew += ramIsNew ? 1 : 0;
            outNew += outIsNew ? 1 : 0;
            ramCalls = ramIsNew ? made : ramCalls;
            outCalls = outIsNew ? made : outCalls;
        }

        Run last = new Run(files, ways.get(0));
        assertEquals(0, last.process.waitFor(), last.what);
        assertState(files, ramCalls + 1, ramCalls + 1, "after a whole call");
        assertEquals(List.of(), temporaryFiles(work), "a whole call leaves no temporary file");
        System.out.printf("kill test: %d kills (seed %d): %d left a temporary file (killed mid-write), %d came after "
                + "the process had exited; ram new %d / old %d, out new %d / old %d; at most %d temporary file at a "
                + "time, none after a whole call%n",
                KILLS, seed, duringWrite, afterExit, ramNew, KILLS - ramNew, outNew, KILLS - outNew, maxTemporary);
    }

    /** One {@code rvjar run} of the ROM as a process of its own. */
    private final class Run {
        final Process process;
        final long started = System.nanoTime();
        final String what;
        long writeBackSeen;

        Run(RomCall files, List<String> rom) throws IOException {
            List<String> command = new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "run"));
            command.addAll(rom);
            command.addAll(List.of(files.ram.toString(), files.in.toString(), files.out.toString()));
            what = String.join(" ", command.subList(command.indexOf("run"), command.size()));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }

        /** Waits until the process has a temporary file or has ended. */
        void awaitWriteBack() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (process.isAlive() && System.nanoTime() < deadline && temporaryFile() == null) {
                Thread.onSpinWait();
            }
            writeBackSeen = System.nanoTime();
        }

        /** The temporary file this process is writing, if any. */
        Path temporaryFile() throws IOException {
            String mark = ".rvjar-" + process.pid() + "-";
            for (Path t : temporaryFiles(work)) {
                if (t.getFileName().toString().contains(mark)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Whether the file is the new version, after checking that it is one of the two whole ones. */
    private static boolean isOldOrNew(Path file, byte[] old, byte[] made, String what) throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (!Arrays.equals(content, old) && !Arrays.equals(content, made)) {
            fail(what + ": " + file.getFileName() + " is neither the old file nor the new one (" + content.length + " bytes)");
        }
        return Arrays.equals(content, made);
    }

    /** Makes the reference files of up to {@code n} whole calls, checked against the ROM's definition. */
    private void stateAfter(int n) throws IOException {
        while (rams.size() <= n) {
            reference.run(RomCall.rom("rv32imac", "churn.elf"));
            assertEquals(0, reference.status, reference.stderr);
            int calls = rams.size();
            assertState(reference, calls, calls, "reference call " + calls);
            rams.add(Files.readAllBytes(reference.ram));
            outs.add(Files.readAllBytes(reference.out));
        }
    }

    /** The files are those the ROM defines for call {@code ramCalls} (ram) and {@code outCalls} (out). */
    private static void assertState(RomCall files, int ramCalls, int outCalls, String what) throws IOException {
        ByteBuffer ram = ByteBuffer.wrap(Files.readAllBytes(files.ram)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1 << 20, ram.capacity(), what);
        assertEquals(ramCalls, ram.getInt(0), what + ": the call count");
        for (int i = 0; i < FILL_WORDS; i++) {
            if (ram.getInt(4 + 4 * i) != (i % STRIDE == 0 ? ramCalls * GOLDEN + i : 0)) {
                fail(what + ": RAM word " + i + " is not of call " + ramCalls);
            }
        }
        ByteBuffer out = ByteBuffer.wrap(Files.readAllBytes(files.out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4 + OUT_PAYLOAD, out.capacity(), what);
        assertEquals(OUT_PAYLOAD, out.getInt(0), what);
        for (int k = 0; k < OUT_PAYLOAD / 4; k++) {
            if (out.getInt(4 + 4 * k) != (k % STRIDE == 0 ? outCalls * GOLDEN + k : 0)) {
                fail(what + ": OUT word " + k + " is not of call " + outCalls);
            }
        }
    }

    private static List<Path> temporaryFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
