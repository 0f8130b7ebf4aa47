package dev.rvjar.bench;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Region;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Runs a ROM in this JVM on a fresh machine (the contract's map, zeroed RAM), as one call does. */
public final class GuestRunner {
    /** How a run ended: exit status (or -1), instructions retired, wall time, the OUT payload as text. */
    public record Result(int status, long instructions, long nanos, long cpuNanos, String out, String problem) {
        public boolean ok() {
            return problem == null && status == 0;
        }

        public String describe() {
            return problem != null ? problem : "exit " + status + (out.isEmpty() ? "" : ": " + out.strip());
        }
    }

    public static final long MAX_INSTRUCTIONS = 1_000_000_000_000L;

    private GuestRunner() {
    }

    /**
     * Runs {@code image} with {@code in} as the IN file; {@code translation} makes the translated code
     * for the machine, or is null to interpret everything.
     */
    public static Result run(RomImage image, byte[] in, Function<Machine, TranslatedCode> translation) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Machine machine = Machine.builder()
                .regions(McuLayout.regions())
                .image(image)
                .rv32e(image.rv32e())
                .stdout(sink)
                .stderr(sink)
                .build();
        machine.memory().region(McuLayout.IN).load(in);
        if (translation != null) {
            machine.useTranslatedCode(translation.apply(machine));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        String problem = null;
        try {
            if (!machine.simulateQuietly(MAX_INSTRUCTIONS)) {
                problem = "instruction limit";
            }
        } catch (GuestFault fault) {
            problem = "fault: " + fault.getMessage();
        }
        long nanos = System.nanoTime() - started;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStarted;
        return new Result(problem == null ? machine.exitStatus() : -1, machine.instructionCounter(), nanos, cpuNanos,
                outPayload(machine), problem);
    }

    /**
     * Heap bytes a machine holds beyond its four 1 MiB regions, measured after a run while the machine
     * (with its decode cache and translated code) is still alive: used heap after a full GC, minus
     * the same before the machine was built, minus the regions' 4 MiB.
     */
    public static long heapBeyondRegions(RomImage image, byte[] in, Function<Machine, TranslatedCode> translation) {
        long before = usedAfterGc();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Machine machine = Machine.builder().regions(McuLayout.regions()).image(image).rv32e(image.rv32e())
                .stdout(sink).stderr(sink).build();
        machine.memory().region(McuLayout.IN).load(in);
        if (translation != null) {
            machine.useTranslatedCode(translation.apply(machine));
        }
        try {
            machine.simulateQuietly(MAX_INSTRUCTIONS);
        } catch (GuestFault fault) {
            // measured all the same
        }
        long after = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(machine);
        return after - before - 4L * McuLayout.REGION_SIZE;
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    static String outPayload(Machine machine) {
        Region out = machine.memory().region(McuLayout.OUT);
        int length = (int) Math.min(Integer.toUnsignedLong(ByteBuffer.wrap(out.read(0, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt(0)),
                McuLayout.MAX_PAYLOAD);
        return new String(out.read(4, Math.min(length, 4096)), StandardCharsets.UTF_8);
    }
}
