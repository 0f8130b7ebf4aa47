package dev.rvjar.serve;

import dev.rvjar.image.RomFormatException;
import dev.rvjar.serve.exec.CallOutcome;
import dev.rvjar.serve.exec.CallPool;
import dev.rvjar.serve.exec.CompiledRom;
import dev.rvjar.serve.exec.CallMachine;
import dev.rvjar.serve.exec.Limits;
import dev.rvjar.serve.exec.MachinePool;
import dev.rvjar.serve.exec.StateGate;
import dev.rvjar.serve.metrics.ServeMetrics;
import dev.rvjar.serve.store.Ids;
import dev.rvjar.serve.store.StateBusyException;
import dev.rvjar.serve.store.StateUpdate;
import dev.rvjar.serve.store.StateValue;
import dev.rvjar.serve.store.Store;
import dev.rvjar.serve.store.StoredRom;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lambda service without HTTP: uploads ROMs (translated once per node and kept), runs calls on
 * the bounded pool under their limits, one at a time per state, and keeps the states in the store.
 * A guest runs on a worker of the pool, on a machine reused from call to call ({@link MachinePool});
 * the state is read and written by the calling thread, so that a worker never waits for the disk
 * or the database and the writes of many calls are forced to disk at once.
 */
public final class LambdaService implements AutoCloseable {
    private final Store store;
    private final ServiceOptions options;
    private final ServeMetrics metrics;
    private final CallPool pool;
    private final StateGate gate;
    private final MachinePool machines;
    private final ConcurrentHashMap<String, CompiledRom> compiled = new ConcurrentHashMap<>();
    /** Calls of each ROM served by this node since it started. */
    private final ConcurrentHashMap<String, AtomicLong> romCalls = new ConcurrentHashMap<>();

    /** Idle machines kept per worker: enough for a few ROMs in turn, each about 6 MiB. */
    private static final int IDLE_MACHINES_PER_WORKER = 4;

    /** What a call answered: the outcome and the state it ran on (new or given; null when stateless or not kept). */
    public record Reply(CallOutcome outcome, String stateId) {
    }

    public LambdaService(Store store, ServiceOptions options, ServeMetrics metrics) {
        this.store = store;
        this.options = options;
        this.metrics = metrics;
        this.pool = new CallPool(options.workers(), options.poolQueue());
        this.gate = new StateGate(options.stateQueue());
        this.machines = new MachinePool(IDLE_MACHINES_PER_WORKER * options.workers());
    }

    public ServeMetrics metrics() {
        return metrics;
    }

    /** Translates and stores a ROM; the same bytes always give the same id. */
    public CompiledRom upload(byte[] bytes, Long maxInstructions, Long wallMillis) throws Refusal, IOException {
        String id = Ids.romId(bytes);
        CompiledRom rom = compile(new StoredRom(id, bytes, maxInstructions, wallMillis));
        store.putRom(new StoredRom(id, bytes, maxInstructions, wallMillis));
        compiled.put(id, rom);
        return rom;
    }

    /** Whether a ROM with exactly these bytes is stored already. */
    public boolean romKnown(byte[] bytes) throws IOException {
        String id = Ids.romId(bytes);
        return compiled.containsKey(id) || store.rom(id).isPresent();
    }

    /** The ROM, translated on this node's first use of it. */
    public CompiledRom rom(String id) throws Refusal, IOException {
        CompiledRom rom = compiled.get(id);
        if (rom != null) {
            return rom;
        }
        if (!Ids.isRomId(id)) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "no ROM " + id);
        }
        Optional<StoredRom> stored = store.rom(id);
        if (stored.isEmpty()) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "no ROM " + id);
        }
        CompiledRom made = compile(stored.get());
        CompiledRom raced = compiled.putIfAbsent(id, made);
        return raced != null ? raced : made;
    }

    public long callsOf(String romId) {
        AtomicLong n = romCalls.get(romId);
        return n == null ? 0 : n.get();
    }

    public Optional<StateValue> state(String romId, String stateId) throws IOException {
        if (!Ids.isStateId(stateId)) {
            return Optional.empty();
        }
        return store.state(stateId).filter(s -> s.romId().equals(romId));
    }

    public boolean delete(String romId, String stateId) throws IOException {
        return state(romId, stateId).isPresent() && store.deleteState(stateId);
    }

    /**
     * Runs one call. {@code stateId} null: a new state is made from zeroed RAM (kept only if the call
     * exits and {@code stateless} is false); otherwise the call runs on that state and replaces it
     * when the guest exits.
     */
    public Reply call(String romId, String stateId, boolean stateless, byte[] body) throws Refusal, IOException, InterruptedException {
        CompiledRom rom = rom(romId);
        long started = System.nanoTime();
        Reply reply;
        if (stateId == null) {
            CallOutcome outcome = run(rom, null, body, !stateless);
            if (stateless || outcome.kind() != CallOutcome.Kind.EXITED) {
                reply = new Reply(outcome, null);
            } else {
                String id = Ids.newStateId();
                store.createState(id, new StateValue(romId, outcome.ram(), 1, outcome.exitStatus()));
                reply = new Reply(outcome, id);
            }
        } else {
            reply = callOnState(rom, stateId, body);
        }
        romCalls.computeIfAbsent(romId, id -> new AtomicLong()).incrementAndGet();
        metrics.call(reply.outcome(), System.nanoTime() - started);
        return reply;
    }

    private Reply callOnState(CompiledRom rom, String stateId, byte[] body) throws Refusal, IOException, InterruptedException {
        if (!Ids.isStateId(stateId)) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "no state " + stateId);
        }
        // Wait no longer for the state than the calls ahead of us may take.
        StateGate.Refusal refused = gate.enter(stateId, rom.limits().wallMillis() * (options.stateQueue() + 1));
        if (refused != null) {
            metrics.refused("state-queue");
            throw refused == StateGate.Refusal.QUEUE_FULL
                    ? new Refusal(Refusal.Reason.STATE_QUEUE_FULL, "too many calls waiting for state " + stateId)
                    : new Refusal(Refusal.Reason.OVERLOADED, "state " + stateId + " stayed busy too long");
        }
        try {
            Optional<CallOutcome> outcome = store.update(stateId, current -> {
                if (!current.romId().equals(rom.id())) {
                    return new StateUpdate.Change<CallOutcome>(null, null); // another ROM's state: not found here
                }
                CallOutcome o = run(rom, current.ram(), body, true);
                StateValue next = o.kind() == CallOutcome.Kind.EXITED ? current.next(o.ram(), o.exitStatus()) : null;
                return new StateUpdate.Change<>(next, o);
            });
            if (outcome.isEmpty()) {
                throw new Refusal(Refusal.Reason.NOT_FOUND, "no state " + stateId + " of ROM " + rom.id());
            }
            return new Reply(outcome.get(), stateId);
        } catch (StateBusyException busy) {
            throw new Refusal(Refusal.Reason.OVERLOADED, busy.getMessage());
        } catch (Refusal | IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            gate.leave(stateId);
        }
    }

    /** Runs the guest on a worker of the pool, on a machine of the ROM's taken from the machine pool. */
    private CallOutcome run(CompiledRom rom, byte[] ram, byte[] body, boolean keepRam) throws Refusal, IOException, InterruptedException {
        return submit(() -> {
            CallMachine machine = machines.take(rom);
            CallOutcome outcome = machine.run(ram, body, rom.limits(), keepRam);
            machines.give(machine);
            return outcome;
        });
    }

    /** Runs {@code task} on the pool and waits for it, turning the pool's refusals and the task's failures into ours. */
    private <T> T submit(java.util.concurrent.Callable<T> task) throws Refusal, IOException, InterruptedException {
        Future<T> future;
        try {
            future = pool.submit(task);
        } catch (RejectedExecutionException e) {
            metrics.refused("pool");
            throw new Refusal(Refusal.Reason.OVERLOADED, "all workers busy and the queue is full");
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    private CompiledRom compile(StoredRom stored) throws Refusal {
        Limits limits = options.defaults().with(stored.maxInstructions(), stored.wallMillis(), options.ceiling());
        try {
            return CompiledRom.translate(stored.id(), stored.bytes(), limits);
        } catch (RomFormatException e) {
            throw new Refusal(Refusal.Reason.BAD_ROM, e.getMessage());
        }
    }

    /** Lets running and queued calls finish (up to {@code millis}), then closes the store. */
    public void shutdown(long millis) throws IOException, InterruptedException {
        try {
            pool.drain(millis);
        } finally {
            pool.close();
            store.close();
        }
    }

    @Override
    public void close() throws IOException {
        pool.close();
        store.close();
    }
}
