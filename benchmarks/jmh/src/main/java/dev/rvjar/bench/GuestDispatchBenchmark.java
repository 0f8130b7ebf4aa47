package dev.rvjar.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What control transfers cost in guest code, interpreted and translated: the time of one loop
 * iteration of three tiny guest loops (see {@link GuestFunctions}), each called from Java for
 * {@value #ITERATIONS} iterations, so the call itself is amortised away.
 * <ul>
 *   <li>{@code branchLoop}: add, addi, bnez (3 instructions; a branch within the function);
 *   <li>{@code indirectJumpLoop}: the same plus a {@code jr} to the next block (4 instructions);
 *   <li>{@code callLoop}: mv, a call into another region and its {@code ret}, add, addi, bnez, and the
 *       callee's addi (7 instructions; in translated code a linked call).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuestDispatchBenchmark {
    private static final int ITERATIONS = 10_000;

    @Param({"interpreted", "translated"})
    public String engine;

    private GuestFunctions guest;

    @Setup(Level.Trial)
    public void setUp() {
        guest = GuestFunctions.on(engine);
        long sum = (long) ITERATIONS * (ITERATIONS + 1) / 2;
        guest.check(GuestFunctions.COUNTED_LOOP, ITERATIONS, (int) sum);
        guest.check(GuestFunctions.INDIRECT_LOOP, ITERATIONS, (int) sum);
        guest.check(GuestFunctions.CALL_LOOP, ITERATIONS, (int) (sum + ITERATIONS));
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public int branchLoop() {
        return guest.call(GuestFunctions.COUNTED_LOOP, ITERATIONS);
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public int indirectJumpLoop() {
        return guest.call(GuestFunctions.INDIRECT_LOOP, ITERATIONS);
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public int callLoop() {
        return guest.call(GuestFunctions.CALL_LOOP, ITERATIONS);
    }
}
