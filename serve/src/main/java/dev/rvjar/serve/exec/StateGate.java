package dev.rvjar.serve.exec;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most one call at a time per RAM state on this node, and at most {@code queueBound} more waiting
 * for it: a call beyond that is refused at once (429) rather than tying up a request thread. The
 * waiting happens before a call takes a worker of the pool, so a busy state never starves the others.
 * (Across nodes the store's own lock keeps one writer per state; this gate only bounds the queue.)
 */
public final class StateGate {
    private final int queueBound;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    /** The calls in and waiting for one state; removed when the last one leaves. */
    private static final class Lane {
        final Semaphore turn = new Semaphore(1, true);
        int holders;
    }

    /** Why a call could not have its turn. */
    public enum Refusal { QUEUE_FULL, TIMED_OUT }

    public StateGate(int queueBound) {
        this.queueBound = queueBound;
    }

    /**
     * Waits up to {@code waitMillis} for the state's turn; null when the call has it (and must {@link
     * #leave} afterwards), else why not.
     */
    public Refusal enter(String stateId, long waitMillis) throws InterruptedException {
        Lane[] joined = new Lane[1];
        lanes.compute(stateId, (id, lane) -> {
            Lane l = lane == null ? new Lane() : lane;
            if (l.holders <= queueBound) {
                l.holders++;
                joined[0] = l;
            }
            return l;
        });
        Lane lane = joined[0];
        if (lane == null) {
            return Refusal.QUEUE_FULL;
        }
        boolean acquired = false;
        try {
            acquired = lane.turn.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } finally {
            if (!acquired) {
                depart(stateId);
            }
        }
        return acquired ? null : Refusal.TIMED_OUT;
    }

    public void leave(String stateId) {
        lanes.get(stateId).turn.release();
        depart(stateId);
    }

    private void depart(String stateId) {
        lanes.computeIfPresent(stateId, (id, lane) -> --lane.holders == 0 ? null : lane);
    }
}
