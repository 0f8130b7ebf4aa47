package dev.rvjar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The benchmark programs of benchmarks/src and where their builds are. */
public final class Suite {
    /** One benchmark program: its name and whether it computes in floating point. */
    public record Program(String name, boolean floatingPoint) {
    }

    public static final List<Program> PROGRAMS = List.of(
            new Program("sha256", false),
            new Program("crc32", false),
            new Program("vm", false),
            new Program("qsort", false),
            new Program("bintree", false),
            new Program("tokenizer", false),
            new Program("matmul_int", false),
            new Program("nbody", true),
            new Program("matmul_f32", true),
            new Program("mandelbrot", true));

    /** The RV32 targets every program is built for. */
    public static final List<String> TARGETS = List.of("rv32imac", "rv32gc");

    private final Path dir;

    /** {@code dir} is the benchmarks directory (the one holding the Makefile). */
    public Suite(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path rom(String target, String name) {
        return dir.resolve("build").resolve(target).resolve(name + ".bin");
    }

    public Path nativeProgram(String name) {
        return dir.resolve("build").resolve("native").resolve(name);
    }

    /** Looks for the benchmarks directory from the working directory up. */
    public static Path locate() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("benchmarks/Makefile"))) {
                return p.resolve("benchmarks");
            }
            if (Files.isRegularFile(p.resolve("Makefile")) && Files.isDirectory(p.resolve("src")) && p.getFileName() != null
                    && p.getFileName().toString().equals("benchmarks")) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the benchmarks directory from " + Path.of("").toAbsolutePath());
    }

    /** The IN file contents that ask for {@code scale} (decimal payload); scale 0 means the default. */
    public static byte[] inFile(int scale) {
        byte[] payload = scale == 0 ? new byte[0] : Integer.toString(scale).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] in = new byte[4 + payload.length];
        in[0] = (byte) payload.length;
        System.arraycopy(payload, 0, in, 4, payload.length);
        return in;
    }
}
