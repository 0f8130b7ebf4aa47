package dev.rvjar.serve.http;

import dev.rvjar.serve.ServiceOptions;
import dev.rvjar.serve.exec.Limits;
import dev.rvjar.serve.store.DirectoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queue bounds and graceful shutdown, with guests that loop until their wall-time cap stops them. */
class LimitsTest {
    private static final String LOOP_FOR_A_SECOND = "?max-instructions=100000000000&wall-ms=1000";

    @TempDir
    Path dir;

    private RunningServer server(int workers, int poolQueue, int stateQueue) throws Exception {
        ServiceOptions standard = ServiceOptions.standard();
        return new RunningServer(new DirectoryStore(dir, 10_000),
                new ServiceOptions(standard.defaults(), standard.ceiling(), workers, poolQueue, stateQueue));
    }

    private static CompletableFuture<HttpResponse<byte[]>> inBackground(RunningServer http, String path, String body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return http.send("POST", path, body.getBytes());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aStateTakesOneCallAtATimeAndRefusesBeyondItsQueue() throws Exception {
        try (RunningServer http = server(2, 8, 0)) {
            String tally = http.upload("tally", LOOP_FOR_A_SECOND);
            String state = http.send("POST", "/mcu/" + tally, "hi".getBytes()).headers().firstValue("Rvjar-State").orElseThrow();
            CompletableFuture<HttpResponse<byte[]>> looping = inBackground(http, "/mcu/" + tally + "/" + state, "loop");
            Thread.sleep(300);
            HttpResponse<byte[]> refused = http.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes());
            assertEquals(429, refused.statusCode());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
            HttpResponse<byte[]> other = http.send("POST", "/mcu/" + tally, "hi".getBytes());
            assertEquals(200, other.statusCode(), "another state runs meanwhile");
            assertEquals(504, looping.get().statusCode());
            assertEquals("tally=2\n", new String(http.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes()).body()));
        }
    }

    @Test
    void aFullPoolRefusesWith503() throws Exception {
        try (RunningServer http = server(1, 1, 4)) {
            String tally = http.upload("tally", LOOP_FOR_A_SECOND);
            CompletableFuture<HttpResponse<byte[]>> running = inBackground(http, "/mcu/" + tally + "?stateless", "loop");
            Thread.sleep(200);
            CompletableFuture<HttpResponse<byte[]>> queued = inBackground(http, "/mcu/" + tally + "?stateless", "loop");
            Thread.sleep(200);
            assertEquals(503, http.send("POST", "/mcu/" + tally + "?stateless", "hi".getBytes()).statusCode());
            assertEquals(504, running.get().statusCode());
            assertEquals(504, queued.get().statusCode());
        }
    }

    @Test
    void aGracefulStopFinishesRunningCallsAndThenRefusesConnections() throws Exception {
        RunningServer http = server(2, 8, 4);
        String tally = http.upload("tally", LOOP_FOR_A_SECOND);
        CompletableFuture<HttpResponse<byte[]>> running = inBackground(http, "/mcu/" + tally + "?stateless", "loop");
        Thread.sleep(300);
        long started = System.nanoTime();
        http.close();
        assertTrue(System.nanoTime() - started > 300_000_000L, "stop waited for the running call");
        assertEquals(504, running.get().statusCode(), "the running call got its whole answer");
        ExecutionException refused = assertThrows(ExecutionException.class, () -> inBackground(http, "/health", "").get());
        assertTrue(refused.getCause().getCause() instanceof ConnectException, refused.toString());
    }
}
