package dev.rvjar.serve;

import dev.rvjar.serve.exec.Limits;

/**
 * How the service runs calls: default limits per call and the ceilings a ROM may ask for, the
 * number of workers and the bounds of the queues.
 */
public record ServiceOptions(Limits defaults, Limits ceiling, int workers, int poolQueue, int stateQueue) {
    public static ServiceOptions standard() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServiceOptions(new Limits(1_000_000_000L, 10_000), new Limits(100_000_000_000L, 60_000),
                Math.max(2, cores), 256, 16);
    }
}
