package dev.rvjar.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Which backing makes guest memory faster: a heap byte[] read through a little-endian VarHandle,
 * the same byte[] wrapped in a little-endian heap ByteBuffer (which, unlike the VarHandle, costs
 * nothing to set up at JVM start), or the state file mapped with MappedByteBuffer (what the
 * original C emulator did with mmap). One 1 MiB region, 4-byte loads and stores, sequential and
 * at random word addresses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MemoryBackingBenchmark {
    private static final int SIZE = 1 << 20;
    private static final int ACCESSES = 4096;
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] array;
    private ByteBuffer heap;
    private MappedByteBuffer mapped;
    private FileChannel channel;
    private Path file;
    private final int[] randomOffsets = new int[ACCESSES];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        array = new byte[SIZE];
        heap = ByteBuffer.wrap(array).order(ByteOrder.LITTLE_ENDIAN);
        file = Files.createTempFile("rvjar-ram", ".bin");
        Files.write(file, new byte[SIZE]);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(42);
        for (int i = 0; i < ACCESSES; i++) {
            randomOffsets[i] = random.nextInt(SIZE / 4) * 4;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public int arraySequentialLoad() {
        int sum = 0;
        for (int i = 0; i < ACCESSES * 4; i += 4) {
            sum += (int) I32.get(array, i);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public int heapBufferSequentialLoad() {
        int sum = 0;
        for (int i = 0; i < ACCESSES * 4; i += 4) {
            sum += heap.getInt(i);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public int mappedSequentialLoad() {
        int sum = 0;
        for (int i = 0; i < ACCESSES * 4; i += 4) {
            sum += mapped.getInt(i);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public int arrayRandomLoad() {
        int sum = 0;
        for (int offset : randomOffsets) {
            sum += (int) I32.get(array, offset);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public int heapBufferRandomLoad() {
        int sum = 0;
        for (int offset : randomOffsets) {
            sum += heap.getInt(offset);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public int mappedRandomLoad() {
        int sum = 0;
        for (int offset : randomOffsets) {
            sum += mapped.getInt(offset);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public void arrayRandomStore() {
        for (int offset : randomOffsets) {
            I32.set(array, offset, offset);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public void heapBufferRandomStore() {
        for (int offset : randomOffsets) {
            heap.putInt(offset, offset);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public void mappedRandomStore() {
        for (int offset : randomOffsets) {
            mapped.putInt(offset, offset);
        }
    }
}
