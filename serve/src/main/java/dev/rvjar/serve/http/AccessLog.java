package dev.rvjar.serve.http;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The structured access log: one JSON object per request and line. Lines are buffered and flushed
 * every second (and at shutdown), so logging costs no system call per request under load.
 */
public final class AccessLog implements AutoCloseable {
    private final PrintStream out;
    private final ScheduledExecutorService flusher;

    /** One request's fields; null fields are left out. */
    public record Entry(String method, String path, int status, long bytesIn, long bytesOut, long nanos,
            String outcome, Long instructions, String state, String remote) {
    }

    public AccessLog(OutputStream sink) {
        this.out = new PrintStream(new BufferedOutputStream(sink, 1 << 16), false, StandardCharsets.UTF_8);
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rvjar-access-log");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    /** No log at all. */
    public static AccessLog none() {
        return new AccessLog(OutputStream.nullOutputStream());
    }

    public void log(Entry e) {
        StringBuilder line = new StringBuilder(200).append("{\"time\":\"").append(Instant.now())
                .append("\",\"method\":\"").append(e.method())
                .append("\",\"path\":").append(Json.quote(e.path()))
                .append(",\"status\":").append(e.status())
                .append(",\"bytes_in\":").append(e.bytesIn())
                .append(",\"bytes_out\":").append(e.bytesOut())
                .append(",\"ms\":").append(String.format("%.3f", e.nanos() / 1e6));
        if (e.outcome() != null) {
            line.append(",\"outcome\":\"").append(e.outcome()).append('"');
        }
        if (e.instructions() != null) {
            line.append(",\"instructions\":").append(e.instructions());
        }
        if (e.state() != null) {
            line.append(",\"state\":\"").append(e.state()).append('"');
        }
        if (e.remote() != null) {
            line.append(",\"remote\":").append(Json.quote(e.remote()));
        }
        line.append('}');
        synchronized (out) {
            out.println(line);
        }
    }

    private void flush() {
        synchronized (out) {
            out.flush();
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
    }
}
