package dev.rvjar.serve.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's {@code postgresql} package ({@code .ci/install-deps}
 * installs it): {@code initdb} in a temporary directory, {@code pg_ctl start} on a free loopback
 * port, and {@link #close()} stops it and deletes everything. PostgreSQL refuses to run as root, so
 * as root it runs as the {@code postgres} system user the package creates.
 */
public final class PostgresCluster implements AutoCloseable {
    private final Path bin;
    private final Path data;
    private final int port;

    private PostgresCluster(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** Why a cluster cannot be started here, or null when it can. */
    public static String unavailable() {
        if (binDirectory() == null) {
            return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run .ci/install-deps";
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return "running as root without runuser to start PostgreSQL as the postgres user";
        }
        return null;
    }

    public static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = binDirectory();
        Path data = Files.createTempDirectory("rvjar-pg-");
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", data.toString()), false);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(bin, data, port);
        cluster.asOwner(List.of(bin.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-A", "trust", "-U", "rvjar",
                "--no-sync", "-E", "UTF8"));
        cluster.asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-l",
                data.resolve("log").toString(), "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c max_connections=60",
                "start"));
        return cluster;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=rvjar";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void asOwner(List<String> command) throws IOException, InterruptedException {
        run(command, isRoot());
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binDirectory() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder()).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
