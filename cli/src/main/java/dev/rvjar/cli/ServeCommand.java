package dev.rvjar.cli;

import dev.rvjar.lambda.ExitCodes;
import dev.rvjar.serve.LambdaService;
import dev.rvjar.serve.ServiceOptions;
import dev.rvjar.serve.exec.Limits;
import dev.rvjar.serve.http.AccessLog;
import dev.rvjar.serve.http.HttpServer;
import dev.rvjar.serve.metrics.ServeMetrics;
import dev.rvjar.serve.store.DirectoryStore;
import dev.rvjar.serve.store.PostgresStore;
import dev.rvjar.serve.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rvjar serve}: ROMs as HTTP lambdas (see the README, "Serving lambdas over HTTP"). */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves ROMs as HTTP lambdas: PUT /mcu uploads a ROM (translated once, kept warm), POST /mcu/ROM[/STATE] calls it "
                + "with the body as IN and answers OUT, keeping the RAM state in the store. GET /metrics for Prometheus.",
            "Stops gracefully on SIGTERM or Ctrl-C: running calls finish, new connections are refused."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:stopped by a signal after a graceful shutdown",
            "64:usage error",
            "69:cannot listen on the address or open the store"})
final class ServeCommand implements Callable<Integer> {
    /** EX_UNAVAILABLE of sysexits.h. */
    static final int UNAVAILABLE = 69;

    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on (default: ${DEFAULT-VALUE}, loopback only)")
    String bind = "127.0.0.1";

    static final class StoreChoice {
        @Option(names = "--store", paramLabel = "DIR", description = "keep ROMs and states in DIR (default: ./rvjar-store)")
        Path directory;

        @Option(names = "--postgres", paramLabel = "JDBC-URL",
                description = "keep ROMs and states in PostgreSQL, e.g. jdbc:postgresql://db/rvjar?user=rvjar (several nodes may share it)")
        String postgres;
    }

    @ArgGroup(exclusive = true)
    StoreChoice store = new StoreChoice();

    @Option(names = "--max-instructions", paramLabel = "N", description = "default instruction budget per call (default: ${DEFAULT-VALUE})")
    long maxInstructions = ServiceOptions.standard().defaults().maxInstructions();

    @Option(names = "--wall-ms", paramLabel = "MS", description = "default wall-time cap per call in milliseconds (default: ${DEFAULT-VALUE})")
    long wallMillis = ServiceOptions.standard().defaults().wallMillis();

    @Option(names = "--max-instructions-ceiling", paramLabel = "N", description = "the most a ROM may ask for at upload (default: ${DEFAULT-VALUE})")
    long maxInstructionsCeiling = ServiceOptions.standard().ceiling().maxInstructions();

    @Option(names = "--wall-ms-ceiling", paramLabel = "MS", description = "the longest cap a ROM may ask for at upload (default: ${DEFAULT-VALUE})")
    long wallMillisCeiling = ServiceOptions.standard().ceiling().wallMillis();

    /**
     * Connections to PostgreSQL: a stateful call holds one (and its row lock) from reading its state
     * to committing the new one, on the request thread, so more than the workers: the commits of
     * many calls then go to disk together.
     */
    private static final int STORE_CONNECTIONS = 16;

    @Option(names = "--workers", paramLabel = "N", description = "calls that run at once (default: the number of cores, at least 2)")
    int workers = ServiceOptions.standard().workers();

    @Option(names = "--queue", paramLabel = "N", description = "calls that may wait for a worker before 503 (default: ${DEFAULT-VALUE})")
    int queue = ServiceOptions.standard().poolQueue();

    @Option(names = "--state-queue", paramLabel = "N", description = "calls that may wait for one state before 429 (default: ${DEFAULT-VALUE})")
    int stateQueue = ServiceOptions.standard().stateQueue();

    @Option(names = "--access-log", paramLabel = "FILE", description = "where the JSON access log goes: a file, - for stdout, none (default: ${DEFAULT-VALUE})")
    String accessLog = "-";

    @Option(names = "--stop-timeout-ms", paramLabel = "MS", description = "how long a graceful stop waits for running calls (default: ${DEFAULT-VALUE})")
    long stopMillis = 30_000;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535 || workers < 1 || queue < 1 || stateQueue < 0 || stopMillis < 0) {
            main.stderr.println("rvjar: --port must be 0-65535, --workers and --queue positive, --state-queue and --stop-timeout-ms not negative");
            return ExitCodes.USAGE;
        }
        ServiceOptions options;
        try {
            options = new ServiceOptions(new Limits(maxInstructions, wallMillis), new Limits(maxInstructionsCeiling, wallMillisCeiling),
                    workers, queue, stateQueue);
        } catch (IllegalArgumentException e) {
            main.stderr.println("rvjar: --max-instructions, --wall-ms and their ceilings must be positive");
            return ExitCodes.USAGE;
        }
        Store opened;
        try {
            opened = store.postgres != null
                    ? new PostgresStore(store.postgres, STORE_CONNECTIONS, wallMillisCeiling * (stateQueue + 1L))
                    : new DirectoryStore(store.directory != null ? store.directory : Path.of("rvjar-store"), wallMillisCeiling * (stateQueue + 1L));
        } catch (IOException e) {
            main.stderr.println("rvjar: cannot open the store: " + e.getMessage());
            return UNAVAILABLE;
        }
        HttpServer server;
        try {
            server = new HttpServer(new LambdaService(opened, options, new ServeMetrics()), openLog(), bind, port, stopMillis);
            server.start();
        } catch (Exception e) {
            main.stderr.println("rvjar: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return UNAVAILABLE;
        }
        main.stderr.printf("rvjar: serving on http://%s:%d (%s)%n", bind, server.port(), opened.describe());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                main.stderr.println("rvjar: during shutdown: " + e);
            }
        }, "rvjar-shutdown"));
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private AccessLog openLog() throws IOException {
        if (accessLog.equals("none")) {
            return AccessLog.none();
        }
        OutputStream sink = accessLog.equals("-") ? main.stdout : new FileOutputStream(accessLog, true);
        return new AccessLog(sink);
    }
}
