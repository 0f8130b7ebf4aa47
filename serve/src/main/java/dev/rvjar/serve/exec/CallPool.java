package dev.rvjar.serve.exec;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that guest calls run on: a fixed number of workers (distinct states run in
 * parallel, at most this many at once) and a bounded queue in front of them; a call that finds the
 * queue full is refused (503) instead of piling up.
 */
public final class CallPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;

    public CallPool(int workers, int queueBound) {
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueBound),
                task -> {
                    Thread thread = new Thread(task, "rvjar-guest-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** @throws RejectedExecutionException when the queue is full or the pool is shutting down */
    public <T> Future<T> submit(Callable<T> call) {
        return executor.submit(call);
    }

    /** Lets queued and running calls finish, waiting up to {@code millis}; true if they all did. */
    public boolean drain(long millis) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
