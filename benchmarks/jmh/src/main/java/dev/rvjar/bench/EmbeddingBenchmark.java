package dev.rvjar.bench;

import dev.rvjar.machine.GuestFunction;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.MachineTimeoutException;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Round trips of the embedding API on the {@code embed} test ROM (rv32imac), interpreted and
 * translated: {@code emptyVmcall} is {@code machine.vmcall(empty)} of a function that only returns
 * (one instruction), through the allocation-free overload; {@code emptyVmcallVarargs} the same
 * through {@code vmcall(address, Object...)}; {@code syscall} is one guest-to-Java system call to a handler that returns its
 * argument, measured as a vmcall of a loop of {@value #SYSCALLS} of them (the loop's own
 * instructions and a linked call per system call included); {@code callsWithoutSyscall} is the same
 * loop calling the same function with a {@code nop} in place of its {@code ecall}, so that the
 * difference is what the system calls themselves cost. Run from the repository root after
 * {@code make -C testroms}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmbeddingBenchmark {
    static final int SYSCALLS = 1000;
    private static final int ECHO = 604;

    @Param({"interpreted", "translated"})
    public String engine;

    private Machine machine;
    private GuestFunction empty;
    private GuestFunction syscalls;
    private GuestFunction calls;

    @Setup(Level.Trial)
    public void setUp() throws IOException, MachineTimeoutException {
        machine = Machine.builder()
                .rom(Path.of(System.getProperty("rvjar.embedRom", "testroms/build/rv32imac/embed.elf")))
                .translate(engine.equals("translated"))
                .stdout(new ByteArrayOutputStream())
                .build();
        machine.installSyscallHandler(602, Machine::stop);
        machine.installSyscallHandler(ECHO, m -> { });
        machine.simulate(1_000_000);
        empty = machine.function("empty");
        syscalls = machine.function("syscalls");
        calls = machine.function("calls");
        int expected = SYSCALLS * (SYSCALLS - 1) / 2;
        for (GuestFunction loop : new GuestFunction[] {syscalls, calls}) {
            if (machine.vmcall(loop, SYSCALLS) != expected) {
                throw new IllegalStateException(loop.name() + "(" + SYSCALLS + ") is not " + expected);
            }
        }
    }

    @Benchmark
    public int emptyVmcall() throws MachineTimeoutException {
        return machine.vmcall(empty);
    }

    /** The same call through the general varargs path: an argument array, boxes and the frame's arrays. */
    @Benchmark
    public int emptyVmcallVarargs() throws MachineTimeoutException {
        return machine.vmcall(empty.address(), new Object[0]);
    }

    @Benchmark
    @OperationsPerInvocation(SYSCALLS)
    public int syscall() throws MachineTimeoutException {
        return machine.vmcall(syscalls, SYSCALLS);
    }

    /** {@link #syscall}'s loop without the system call: its guest work alone. */
    @Benchmark
    @OperationsPerInvocation(SYSCALLS)
    public int callsWithoutSyscall() throws MachineTimeoutException {
        return machine.vmcall(calls, SYSCALLS);
    }
}
