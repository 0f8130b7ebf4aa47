package dev.rvjar.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@code rvjar run} in-process on a ROM from the test ROM kit, with files in a directory, and
 * keeps what the call left behind: exit status, guest stdout and stderr, and the files.
 */
final class RomCall {
    /** The four builds of every test ROM. */
    static final List<String> TARGETS = List.of("rv32i", "rv32e", "rv32imac", "rv32gc");
    static final Path BUILD = Path.of("..", "testroms", "build");

    final Path dir;
    final Path ram;
    final Path in;
    final Path out;
    int status;
    byte[] stdout;
    String stderr;

    RomCall(Path dir) {
        this.dir = dir;
        this.ram = dir.resolve("ram");
        this.in = dir.resolve("in");
        this.out = dir.resolve("out");
    }

    static Path rom(String target, String name) {
        Path rom = BUILD.resolve(target).resolve(name);
        if (!Files.exists(rom)) {
            throw new AssertionError("test ROM " + rom + " is missing: build it with make -C testroms "
                    + "(needs gcc-riscv64-unknown-elf and picolibc-riscv64-unknown-elf)");
        }
        return rom;
    }

    /** Writes IN as a length header and the payload. */
    RomCall input(byte[] payload) throws IOException {
        Files.write(in, frame(payload));
        return this;
    }

    static byte[] frame(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(payload.length).put(payload).array();
    }

    RomCall run(Path rom, String... options) {
        ByteArrayOutputStream guestOut = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(Arrays.asList(options));
        args.addAll(List.of(rom.toString(), ram.toString(), in.toString(), out.toString()));
        status = Main.execute(guestOut, new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        stdout = guestOut.toByteArray();
        stderr = err.toString(StandardCharsets.UTF_8);
        return this;
    }

    /** The OUT payload, after checking that the file is exactly header plus payload. */
    byte[] outPayload() throws IOException {
        byte[] file = Files.readAllBytes(out);
        int length = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (file.length != 4 + length) {
            throw new AssertionError("out file is " + file.length + " bytes for a header of " + length);
        }
        return Arrays.copyOfRange(file, 4, file.length);
    }

    String outText() throws IOException {
        return new String(outPayload(), StandardCharsets.UTF_8);
    }
}
