package dev.rvjar.serve.http;

import dev.rvjar.serve.LambdaService;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty serving {@link McuHandler} on one address. {@link #stop()} is graceful: it stops accepting,
 * lets the requests in progress finish (up to the stop timeout), then drains the service's pool and
 * closes the store.
 */
public final class HttpServer {
    /** Request threads: they mostly wait (for a state's turn or a worker), so more than the cores. */
    private static final int MAX_THREADS = 200;

    private final Server server;
    private final ServerConnector connector;
    private final LambdaService service;
    private final AccessLog log;
    private final long stopMillis;

    public HttpServer(LambdaService service, AccessLog log, String host, int port, long stopMillis) {
        this.service = service;
        this.log = log;
        this.stopMillis = stopMillis;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("rvjar-http");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(new McuHandler(service, log)));
        server.setStopTimeout(stopMillis);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port it listens on (the one chosen by the system when asked for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    public void stop() throws Exception {
        try {
            server.stop();
        } finally {
            service.shutdown(stopMillis);
            log.close();
        }
    }

    public void join() throws InterruptedException {
        server.join();
    }
}
