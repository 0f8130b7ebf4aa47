package dev.rvjar.serve.http;

import dev.rvjar.image.Symbol;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.serve.LambdaService;
import dev.rvjar.serve.Refusal;
import dev.rvjar.serve.exec.CallOutcome;
import dev.rvjar.serve.exec.CompiledRom;
import dev.rvjar.serve.store.StateValue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The HTTP API (see the README, "Serving lambdas over HTTP"):
 * <pre>
 * PUT    /mcu                  upload a ROM; answers its id (201 new, 200 known)
 * POST   /mcu/ROM              call on fresh RAM; the new state's id in Rvjar-State and a cookie
 * POST   /mcu/ROM/STATE        call on a state, keeping the new state
 * GET    /mcu/ROM[/STATE]      describe (JSON)
 * DELETE /mcu/ROM/STATE        remove a state
 * GET    /metrics, /health
 * </pre>
 * Calls block a request thread while they queue and run; the guest itself runs on the service's
 * bounded pool.
 */
public final class McuHandler extends Handler.Abstract {
    /** Status of a call whose guest exited with a status other than 0 (OUT is still the body, the state is kept). */
    public static final int GUEST_ERROR = 422;
    public static final int GUEST_FAULT = 502;
    public static final int WALL_TIME = 504;
    public static final int INSTRUCTION_LIMIT = 508;

    /** A refused body up to this size is read and dropped; a larger one is refused by closing after the answer. */
    private static final long DRAINED_BODY = 4L << 20;

    private final LambdaService service;
    private final AccessLog log;

    public McuHandler(LambdaService service, AccessLog log) {
        this.service = service;
        this.log = log;
    }

    /** What a handler answers, and what the access log records about it. */
    private static final class Answer {
        int status = 200;
        String contentType = "text/plain; charset=utf-8";
        byte[] body = new byte[0];
        String outcome;
        Long instructions;
        String state;
        long bytesIn;

        Answer text(int status, String message) {
            this.status = status;
            this.body = (message + "\n").getBytes(StandardCharsets.UTF_8);
            return this;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        Answer answer = new Answer();
        try {
            route(request, response, method, path, answer);
        } catch (Refusal r) {
            answer.text(statusOf(r.reason()), r.getMessage());
            if (r.reason() == Refusal.Reason.OVERLOADED || r.reason() == Refusal.Reason.STATE_QUEUE_FULL) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.text(503, "server stopping");
        } catch (IllegalArgumentException e) {
            answer.text(400, e.getMessage());
        } catch (IOException | RuntimeException e) {
            answer.text(500, "internal error: " + e);
        }
        response.setStatus(answer.status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType);
        response.write(true, ByteBuffer.wrap(answer.body), callback);
        service.metrics().request(method, answer.status);
        log.log(new AccessLog.Entry(method, path, answer.status, answer.bytesIn, answer.body.length, System.nanoTime() - started,
                answer.outcome, answer.instructions, answer.state, Request.getRemoteAddr(request)));
        return true;
    }

    private void route(Request request, Response response, String method, String path, Answer answer)
            throws Refusal, IOException, InterruptedException {
        if (path.equals("/metrics") && method.equals("GET")) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            service.metrics().write(text);
            answer.body = text.toByteArray();
            answer.contentType = dev.rvjar.serve.metrics.ServeMetrics.CONTENT_TYPE;
            return;
        }
        if (path.equals("/health") && method.equals("GET")) {
            answer.text(200, "ok");
            return;
        }
        String[] parts = path.split("/", -1);
        if (parts.length < 2 || parts.length > 4 || !parts[1].equals("mcu")) {
            answer.text(404, "no such resource: " + path + " (try PUT /mcu)");
            return;
        }
        String rom = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        String state = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
        answer.state = state;
        Fields query = Request.extractQueryParameters(request);
        if (rom == null) {
            if (!method.equals(HttpMethod.PUT.asString())) {
                methodNotAllowed(response, answer, "PUT");
                return;
            }
            upload(request, query, answer);
            return;
        }
        switch (method) {
            case "POST" -> call(request, response, query, rom, state, answer);
            case "GET" -> describe(rom, state, answer);
            case "DELETE" -> {
                if (state == null) {
                    methodNotAllowed(response, answer, "GET, POST");
                } else if (service.delete(rom, state)) {
                    answer.status = 204;
                } else {
                    answer.text(404, "no state " + state + " of ROM " + rom);
                }
            }
            default -> methodNotAllowed(response, answer, state == null ? "GET, POST" : "GET, POST, DELETE");
        }
    }

    private void upload(Request request, Fields query, Answer answer) throws Refusal, IOException {
        byte[] bytes = body(request, McuLayout.REGION_SIZE, answer);
        if (bytes == null) {
            return;
        }
        boolean known = service.romKnown(bytes);
        CompiledRom rom = service.upload(bytes, longParameter(query, "max-instructions"), longParameter(query, "wall-ms"));
        answer.text(known ? 200 : 201, rom.id());
    }

    private void call(Request request, Response response, Fields query, String rom, String state, Answer answer)
            throws Refusal, IOException, InterruptedException {
        byte[] body = body(request, McuLayout.MAX_PAYLOAD, answer);
        if (body == null) {
            return;
        }
        boolean stateless = query.get("stateless") != null || "true".equalsIgnoreCase(request.getHeaders().get("Rvjar-Stateless"));
        if (stateless && state != null) {
            answer.text(400, "a stateless call takes no state: POST /mcu/" + rom + "?stateless");
            return;
        }
        LambdaService.Reply reply = service.call(rom, state, stateless, body);
        CallOutcome outcome = reply.outcome();
        answer.outcome = outcome.kind().label;
        answer.instructions = outcome.instructions();
        response.getHeaders().put("Rvjar-Outcome", outcome.kind().label);
        response.getHeaders().put("Rvjar-Instructions", Long.toString(outcome.instructions()));
        if (outcome.kind() != CallOutcome.Kind.EXITED) {
            answer.text(switch (outcome.kind()) {
                case FAULTED -> GUEST_FAULT;
                case INSTRUCTION_LIMIT -> INSTRUCTION_LIMIT;
                default -> WALL_TIME;
            }, outcome.reason());
            return;
        }
        response.getHeaders().put("Rvjar-Exit-Status", Integer.toString(outcome.exitStatus()));
        if (reply.stateId() != null) {
            answer.state = reply.stateId();
            response.getHeaders().put("Rvjar-State", reply.stateId());
            if (state == null) {
                response.getHeaders().add(HttpHeader.SET_COOKIE,
                        "rvjar-state=" + reply.stateId() + "; Path=/mcu/" + rom + "; HttpOnly; SameSite=Strict");
            }
        }
        answer.status = outcome.exitStatus() == 0 ? 200 : GUEST_ERROR;
        answer.contentType = "application/octet-stream";
        answer.body = outcome.out();
    }

    private void describe(String romId, String stateId, Answer answer) throws Refusal, IOException {
        CompiledRom rom = service.rom(romId);
        StringBuilder json = new StringBuilder("{\"id\":\"").append(rom.id()).append('"');
        if (stateId == null) {
            json.append(",\"size\":").append(rom.size())
                    .append(",\"format\":\"").append(rom.image().isElf() ? "elf" : "flat").append('"')
                    .append(",\"rv32e\":").append(rom.image().rv32e())
                    .append(",\"max_instructions\":").append(rom.limits().maxInstructions())
                    .append(",\"wall_ms\":").append(rom.limits().wallMillis())
                    .append(",\"blocks\":").append(rom.statistics().blocks())
                    .append(",\"regions\":").append(rom.statistics().regions())
                    .append(",\"calls_on_this_node\":").append(service.callsOf(romId))
                    .append(",\"symbols\":[");
            String sep = "";
            for (Symbol symbol : rom.image().symbols()) {
                if (symbol.function()) {
                    json.append(sep).append("{\"name\":").append(Json.quote(symbol.name()))
                            .append(",\"address\":").append(Integer.toUnsignedLong(symbol.address()))
                            .append(",\"size\":").append(symbol.size()).append('}');
                    sep = ",";
                }
            }
            json.append(']');
        } else {
            Optional<StateValue> state = service.state(romId, stateId);
            if (state.isEmpty()) {
                answer.text(404, "no state " + stateId + " of ROM " + romId);
                return;
            }
            json.setLength(0);
            json.append("{\"id\":\"").append(stateId).append("\",\"rom\":\"").append(romId)
                    .append("\",\"calls\":").append(state.get().calls())
                    .append(",\"last_status\":").append(state.get().lastStatus());
        }
        answer.contentType = "application/json";
        answer.body = json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The request body, or null after answering 413 when it is longer than {@code max}. */
    private static byte[] body(Request request, int max, Answer answer) throws IOException {
        long declared = request.getLength();
        if (declared > max) {
            answer.text(413, "body of " + declared + " bytes is over the limit of " + max);
            if (declared <= DRAINED_BODY) {
                // Read what the client is sending before answering: closing with unread bytes resets
                // the connection, and the client may then never see the 413.
                Content.Source.consumeAll(request);
            }
            return null;
        }
        try {
            byte[] bytes = Content.Source.asByteArrayAsync(request, max).get();
            answer.bytesIn = bytes.length;
            return bytes;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                answer.text(413, "body is over the limit of " + max + " bytes");
                return null;
            }
            throw new IOException("reading the request body: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the request body", e);
        }
    }

    private static Long longParameter(Fields query, String name) {
        String value = query.getValue(name);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive integer, not " + value);
        }
    }

    private static void methodNotAllowed(Response response, Answer answer, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        answer.text(405, "method not allowed; allowed: " + allowed);
    }

    private static int statusOf(Refusal.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case BAD_ROM -> 400;
            case STATE_QUEUE_FULL -> 429;
            case OVERLOADED -> 503;
        };
    }
}
