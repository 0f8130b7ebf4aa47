package dev.rvjar.serve.metrics;

import dev.rvjar.serve.exec.CallOutcome;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;

/** The server's metrics, exposed at {@code /metrics} in the Prometheus text format. */
public final class ServeMetrics {
    /** The content type of {@link #write}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter calls = Counter.builder().name("rvjar_calls_total")
            .help("Guest calls by outcome: exit, fault, instruction-limit, wall-time").labelNames("outcome").register(registry);
    private final Counter instructions = Counter.builder().name("rvjar_guest_instructions_total")
            .help("Guest instructions retired by all calls").register(registry);
    private final Counter faults = Counter.builder().name("rvjar_guest_faults_total")
            .help("Calls that ended in a guest fault").register(registry);
    private final Counter budgetExhaustions = Counter.builder().name("rvjar_budget_exhaustions_total")
            .help("Calls stopped by their instruction budget or wall-time cap").labelNames("limit").register(registry);
    private final Counter refused = Counter.builder().name("rvjar_calls_refused_total")
            .help("Calls refused before running: state queue full (429) or pool full (503)").labelNames("reason").register(registry);
    private final Histogram latency = Histogram.builder().name("rvjar_call_duration_seconds")
            .help("Wall time of guest calls, queueing and state storage included").classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .register(registry);
    private final Counter requests = Counter.builder().name("rvjar_http_requests_total")
            .help("HTTP requests by method and status").labelNames("method", "status").register(registry);

    public void call(CallOutcome outcome, long nanos) {
        calls.labelValues(outcome.kind().label).inc();
        instructions.inc(outcome.instructions());
        switch (outcome.kind()) {
            case FAULTED -> faults.inc();
            case INSTRUCTION_LIMIT, WALL_TIME -> budgetExhaustions.labelValues(outcome.kind().label).inc();
            default -> { }
        }
        latency.observe(nanos / 1e9);
    }

    public void refused(String reason) {
        refused.labelValues(reason).inc();
    }

    public void request(String method, int status) {
        requests.labelValues(method, Integer.toString(status)).inc();
    }

    public void write(OutputStream out) throws IOException {
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
    }
}
