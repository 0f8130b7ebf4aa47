package dev.rvjar.serve.http;

import dev.rvjar.serve.ServiceOptions;
import dev.rvjar.serve.store.PostgresCluster;
import dev.rvjar.serve.store.PostgresStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The PostgreSQL store on a real server: two nodes share ROMs and states, one writer per state. */
class PostgresNodesTest {
    private static PostgresCluster cluster;

    @BeforeAll
    static void startDatabase() throws Exception {
        String why = PostgresCluster.unavailable();
        Assumptions.assumeTrue(why == null, "skipped: " + why);
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static RunningServer node() throws Exception {
        ServiceOptions options = ServiceOptions.standard();
        return new RunningServer(new PostgresStore(cluster.url(), options.workers() + 2, 10_000), options);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body());
    }

    @Test
    void twoNodesShareRomsAndStatesWithOneWriterPerState() throws Exception {
        try (RunningServer a = node(); RunningServer b = node()) {
            String tally = a.upload("tally", "");
            HttpResponse<byte[]> first = b.send("POST", "/mcu/" + tally, "hi".getBytes());
            assertEquals("tally=1\n", text(first), "node b runs a ROM uploaded to node a");
            String state = first.headers().firstValue("Rvjar-State").orElseThrow();
            assertEquals("tally=2\n", text(a.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes())));
            assertEquals(502, b.send("POST", "/mcu/" + tally + "/" + state, "fault".getBytes()).statusCode());
            assertEquals("tally=3\n", text(b.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes())), "a fault kept the state");

            // Both nodes call the same state at once: every call sees its own count, none is lost.
            int perNode = 15;
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < perNode; i++) {
                for (RunningServer node : List.of(a, b)) {
                    answers.add(callers.submit(() -> {
                        HttpResponse<byte[]> r = node.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes());
                        assertEquals(200, r.statusCode(), text(r));
                        return text(r);
                    }));
                }
            }
            Set<String> seen = new TreeSet<>();
            for (Future<String> answer : answers) {
                seen.add(answer.get());
            }
            callers.shutdown();
            assertEquals(2 * perNode, seen.size(), "every call saw a distinct count: " + seen);
            assertEquals("{\"id\":\"" + state + "\",\"rom\":\"" + tally + "\",\"calls\":" + (3 + 2 * perNode) + ",\"last_status\":0}\n",
                    text(a.send("GET", "/mcu/" + tally + "/" + state, null)));
            assertEquals(204, b.send("DELETE", "/mcu/" + tally + "/" + state, null).statusCode());
            assertEquals(404, a.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes()).statusCode());
        }
    }
}
