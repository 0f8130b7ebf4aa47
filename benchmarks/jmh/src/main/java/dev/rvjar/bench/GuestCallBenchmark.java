package dev.rvjar.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What a call of a guest function from Java ("vmcall") costs with today's API, interpreted and
 * translated: one machine built once, then per call pc, a0, ra and sp set, {@code simulateQuietly}
 * until the function returns to a {@code j .}, and a0 read (see {@link GuestFunctions#call}). The
 * function is four instructions ({@code 3 * a0 + 1} and {@code ret}) and the {@code j .} one more.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuestCallBenchmark {
    @Param({"interpreted", "translated"})
    public String engine;

    private GuestFunctions guest;
    private int argument;

    @Setup(Level.Trial)
    public void setUp() {
        guest = GuestFunctions.on(engine);
        guest.check(GuestFunctions.TRIPLE_PLUS_ONE, 14, 43);
        guest.check(GuestFunctions.TRIPLE_PLUS_ONE, -1, -2);
    }

    @Benchmark
    public int call() {
        return guest.call(GuestFunctions.TRIPLE_PLUS_ONE, argument++);
    }
}
