package dev.rvjar.serve.http;

import dev.rvjar.serve.LambdaService;
import dev.rvjar.serve.ServiceOptions;
import dev.rvjar.serve.metrics.ServeMetrics;
import dev.rvjar.serve.store.Store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** A server on a free loopback port, and a client for it: the tests speak real HTTP. */
final class RunningServer implements AutoCloseable {
    static final Path ROMS = Path.of("..", "testroms", "build", "rv32imac");

    final HttpServer server;
    /** Kept: after a stop the connector no longer knows it. */
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    RunningServer(Store store, ServiceOptions options) throws Exception {
        server = new HttpServer(new LambdaService(store, options, new ServeMetrics()), AccessLog.none(), "127.0.0.1", 0, 5_000);
        server.start();
        port = server.port();
    }

    static byte[] rom(String name) throws IOException {
        Path file = ROMS.resolve(name + ".bin");
        if (!Files.exists(file)) {
            throw new AssertionError("test ROM " + file + " is missing: build it with make -C testroms");
        }
        return Files.readAllBytes(file);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Uploads a test ROM and answers its id. */
    String upload(String name, String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send("PUT", "/mcu" + query, rom(name));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("upload of " + name + ": " + response.statusCode() + " " + new String(response.body()));
        }
        return new String(response.body()).trim();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
