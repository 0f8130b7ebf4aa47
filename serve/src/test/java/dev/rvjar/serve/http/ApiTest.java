package dev.rvjar.serve.http;

import dev.rvjar.serve.ServiceOptions;
import dev.rvjar.serve.exec.Limits;
import dev.rvjar.serve.store.DirectoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API over real HTTP on loopback, with the directory store. */
class ApiTest {
    @TempDir
    Path dir;
    private RunningServer http;

    @BeforeEach
    void start() throws Exception {
        ServiceOptions standard = ServiceOptions.standard();
        http = new RunningServer(new DirectoryStore(dir, 10_000),
                new ServiceOptions(new Limits(50_000_000, 10_000), standard.ceiling(), 2, 8, 4));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void uploadAnswersTheContentHashAndTheSameIdAgain() throws Exception {
        byte[] hello = RunningServer.rom("hello");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hello));
        HttpResponse<byte[]> first = http.send("PUT", "/mcu", hello);
        assertEquals(201, first.statusCode());
        assertEquals(sha + "\n", text(first));
        HttpResponse<byte[]> again = http.send("PUT", "/mcu", hello);
        assertEquals(200, again.statusCode());
        assertEquals(sha + "\n", text(again));
    }

    @Test
    void aRomThatIsNotOneIsRefused() throws Exception {
        byte[] outside = new byte[64];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F'}, 0, outside, 0, 4);
        HttpResponse<byte[]> response = http.send("PUT", "/mcu", outside);
        assertEquals(400, response.statusCode());
        assertEquals(1, text(response).lines().count());
    }

    @Test
    void statelessCallAnswersOutAndKeepsNothing() throws Exception {
        String hello = http.upload("hello", "");
        for (String query : new String[] {"?stateless", ""}) {
            HttpResponse<byte[]> response = query.isEmpty()
                    ? http.send("POST", "/mcu/" + hello, new byte[0], "Rvjar-Stateless", "true")
                    : http.send("POST", "/mcu/" + hello + query, new byte[0]);
            assertEquals(200, response.statusCode());
            assertEquals("Hello from RISC-V!\n", text(response));
            assertEquals("0", response.headers().firstValue("Rvjar-Exit-Status").orElseThrow());
            assertEquals("exit", response.headers().firstValue("Rvjar-Outcome").orElseThrow());
            assertTrue(response.headers().firstValue("Rvjar-State").isEmpty());
            assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
        }
    }

    @Test
    void statefulCallsKeepTheirStateAndCanBeDeleted() throws Exception {
        String counter = http.upload("counter", "");
        HttpResponse<byte[]> first = http.send("POST", "/mcu/" + counter, new byte[0]);
        assertEquals(200, first.statusCode());
        assertEquals("calls=1 data=6\n", text(first));
        String state = first.headers().firstValue("Rvjar-State").orElseThrow();
        assertTrue(state.matches("[0-9a-f]{32}"), state);
        assertEquals("rvjar-state=" + state + "; Path=/mcu/" + counter + "; HttpOnly; SameSite=Strict",
                first.headers().firstValue("Set-Cookie").orElseThrow());
        for (int n = 2; n <= 4; n++) {
            HttpResponse<byte[]> next = http.send("POST", "/mcu/" + counter + "/" + state, new byte[0]);
            assertEquals(200, next.statusCode());
            assertEquals("calls=" + n + " data=6\n", text(next));
            assertEquals(state, next.headers().firstValue("Rvjar-State").orElseThrow());
        }
        HttpResponse<byte[]> second = http.send("POST", "/mcu/" + counter, new byte[0]);
        assertEquals("calls=1 data=6\n", text(second), "a new state starts from zeroed RAM");

        HttpResponse<byte[]> described = http.send("GET", "/mcu/" + counter + "/" + state, null);
        assertEquals(200, described.statusCode());
        assertEquals("{\"id\":\"" + state + "\",\"rom\":\"" + counter + "\",\"calls\":4,\"last_status\":0}\n", text(described));

        assertEquals(204, http.send("DELETE", "/mcu/" + counter + "/" + state, null).statusCode());
        assertEquals(404, http.send("POST", "/mcu/" + counter + "/" + state, new byte[0]).statusCode());
        assertEquals(404, http.send("GET", "/mcu/" + counter + "/" + state, null).statusCode());
        assertEquals(404, http.send("DELETE", "/mcu/" + counter + "/" + state, null).statusCode());
    }

    @Test
    void aStateBelongsToItsRom() throws Exception {
        String counter = http.upload("counter", "");
        String tally = http.upload("tally", "");
        String state = http.send("POST", "/mcu/" + counter, new byte[0]).headers().firstValue("Rvjar-State").orElseThrow();
        assertEquals(404, http.send("POST", "/mcu/" + tally + "/" + state, new byte[0]).statusCode());
        assertEquals(404, http.send("GET", "/mcu/" + tally + "/" + state, null).statusCode());
    }

    @Test
    void sha256OfA64KiBBody() throws Exception {
        String sha = http.upload("sha256", "");
        byte[] body = new byte[64 * 1024];
        new Random(11).nextBytes(body);
        HttpResponse<byte[]> response = http.send("POST", "/mcu/" + sha + "?stateless", body);
        assertEquals(200, response.statusCode());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)), text(response));
    }

    @Test
    void describesARom() throws Exception {
        String counter = http.upload("counter", "?max-instructions=1000000&wall-ms=500");
        HttpResponse<byte[]> response = http.send("GET", "/mcu/" + counter, null);
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        String json = text(response);
        assertTrue(json.startsWith("{\"id\":\"" + counter + "\",\"size\":" + RunningServer.rom("counter").length
                + ",\"format\":\"flat\",\"rv32e\":false,\"max_instructions\":1000000,\"wall_ms\":500,"), json);
        assertEquals(404, http.send("GET", "/mcu/" + "0".repeat(64), null).statusCode());
    }

    @Test
    void aFaultAnswers502AndChangesNoState() throws Exception {
        String tally = http.upload("tally", "");
        HttpResponse<byte[]> first = http.send("POST", "/mcu/" + tally, "hi".getBytes());
        assertEquals("tally=1\n", text(first));
        String state = first.headers().firstValue("Rvjar-State").orElseThrow();
        HttpResponse<byte[]> fault = http.send("POST", "/mcu/" + tally + "/" + state, "fault".getBytes());
        assertEquals(502, fault.statusCode());
        assertEquals("fault", fault.headers().firstValue("Rvjar-Outcome").orElseThrow());
        assertEquals(1, text(fault).lines().count());
        assertTrue(text(fault).contains("store"), text(fault));
        assertEquals("tally=2\n", text(http.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes())));
        assertEquals(502, http.send("POST", "/mcu/" + tally, "fault".getBytes()).statusCode());
    }

    @Test
    void aNonZeroExitAnswers422WithOutAndKeepsTheState() throws Exception {
        String tally = http.upload("tally", "");
        HttpResponse<byte[]> first = http.send("POST", "/mcu/" + tally, "exit3".getBytes());
        assertEquals(422, first.statusCode());
        assertEquals("3", first.headers().firstValue("Rvjar-Exit-Status").orElseThrow());
        assertEquals("tally=1\n", text(first));
        String state = first.headers().firstValue("Rvjar-State").orElseThrow();
        assertEquals("tally=2\n", text(http.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes())));
    }

    @Test
    void theInstructionBudgetStopsALoopWith508AndChangesNoState() throws Exception {
        String tally = http.upload("tally", "?max-instructions=200000");
        String state = http.send("POST", "/mcu/" + tally, "hi".getBytes()).headers().firstValue("Rvjar-State").orElseThrow();
        HttpResponse<byte[]> loop = http.send("POST", "/mcu/" + tally + "/" + state, "loop".getBytes());
        assertEquals(508, loop.statusCode());
        assertEquals("instruction-limit", loop.headers().firstValue("Rvjar-Outcome").orElseThrow());
        long instructions = Long.parseLong(loop.headers().firstValue("Rvjar-Instructions").orElseThrow());
        assertTrue(instructions >= 200_000 && instructions < 200_100, "stopped within a block of the budget: " + instructions);
        assertEquals("tally=2\n", text(http.send("POST", "/mcu/" + tally + "/" + state, "hi".getBytes())));
    }

    @Test
    void theWallTimeCapStopsALoopWith504() throws Exception {
        String tally = http.upload("tally", "?max-instructions=100000000000&wall-ms=300");
        long started = System.nanoTime();
        HttpResponse<byte[]> loop = http.send("POST", "/mcu/" + tally + "?stateless", "loop".getBytes());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(504, loop.statusCode());
        assertEquals("wall-time", loop.headers().firstValue("Rvjar-Outcome").orElseThrow());
        assertTrue(millis >= 300 && millis < 5_000, millis + " ms");
    }

    @Test
    void bodiesOverTheInRegionAreRefusedWith413() throws Exception {
        String hello = http.upload("hello", "");
        assertEquals(413, http.send("POST", "/mcu/" + hello, new byte[(1 << 20) - 3]).statusCode());
        assertEquals(200, http.send("POST", "/mcu/" + hello + "?stateless", new byte[(1 << 20) - 4]).statusCode());
        assertEquals(413, http.send("PUT", "/mcu", new byte[(1 << 20) + 1]).statusCode());
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        assertEquals(404, http.send("GET", "/nothing", null).statusCode());
        assertEquals(404, http.send("POST", "/mcu/" + "a".repeat(64), new byte[0]).statusCode());
        assertEquals(400, http.send("POST", "/mcu/../../etc", new byte[0]).statusCode(), "Jetty refuses ambiguous paths");
        HttpResponse<byte[]> get = http.send("GET", "/mcu", null);
        assertEquals(405, get.statusCode());
        assertEquals("PUT", get.headers().firstValue("Allow").orElseThrow());
        String hello = http.upload("hello", "");
        assertEquals(405, http.send("DELETE", "/mcu/" + hello, null).statusCode());
        assertEquals(400, http.send("PUT", "/mcu?max-instructions=-5", RunningServer.rom("hello")).statusCode());
    }

    @Test
    void metricsCountCallsInThePrometheusTextFormat() throws Exception {
        String tally = http.upload("tally", "?max-instructions=100000");
        http.send("POST", "/mcu/" + tally + "?stateless", "hi".getBytes());
        http.send("POST", "/mcu/" + tally + "?stateless", "fault".getBytes());
        http.send("POST", "/mcu/" + tally + "?stateless", "loop".getBytes());
        HttpResponse<byte[]> metrics = http.send("GET", "/metrics", null);
        assertEquals(200, metrics.statusCode());
        String text = text(metrics);
        assertTrue(text.contains("rvjar_calls_total{outcome=\"exit\"} 1.0"), text);
        assertTrue(text.contains("rvjar_calls_total{outcome=\"fault\"} 1.0"), text);
        assertTrue(text.contains("rvjar_guest_faults_total 1.0"), text);
        assertTrue(text.contains("rvjar_budget_exhaustions_total{limit=\"instruction-limit\"} 1.0"), text);
        assertTrue(text.contains("rvjar_call_duration_seconds_count 3"), text);
        assertFalse(text.contains("rvjar_guest_instructions_total 0.0"), text);
    }
}
