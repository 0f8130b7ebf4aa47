package dev.rvjar.serve.exec;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Region;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Runs one call of a ROM in memory, as the contract defines a call: reset, RAM as given, IN = the
 * request body behind its 4-byte length header, OUT zeroed. The guest's own {@code write}s to fd 1
 * and 2 go nowhere (a lambda answers through OUT; the host's streams belong to the server).
 *
 * <p>The wall-time cap is enforced from the calling thread by running the guest in slices of
 * {@link #SLICE} instructions and checking the clock between them: {@link Machine#simulateQuietly}
 * resumes exactly where the previous slice stopped, so slicing changes nothing the guest can see,
 * and a guest stuck in a loop is stopped at most one slice after its deadline without a second
 * thread writing into the machine.
 */
public final class GuestRunner {
    /** About 2-30 ms of guest time, translated or interpreted. */
    static final long SLICE = 1L << 22;

    private GuestRunner() {
    }

    /** Runs {@code rom} on {@code ram} (null or shorter than 1 MiB: the rest is zero) with {@code body} as the IN payload. */
    public static CallOutcome run(CompiledRom rom, byte[] ram, byte[] body, Limits limits) {
        if (body.length > McuLayout.MAX_PAYLOAD) {
            throw new IllegalArgumentException("body larger than the IN region");
        }
        Machine machine = Machine.builder()
                .regions(McuLayout.regions())
                .image(rom.image())
                .rv32e(rom.image().rv32e())
                .stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream())
                .build();
        if (ram != null) {
            machine.memory().region(McuLayout.RAM).load(ram);
        }
        machine.memory().region(McuLayout.IN).load(ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(body.length).put(body).array());
        machine.useTranslatedCode(rom.attach(machine));

        long deadline = System.nanoTime() + limits.wallMillis() * 1_000_000L;
        try {
            while (true) {
                long left = limits.maxInstructions() - machine.instructionCounter();
                if (left <= 0) {
                    return CallOutcome.stopped(CallOutcome.Kind.INSTRUCTION_LIMIT, String.format(
                            "instruction budget of %d exhausted at pc 0x%08x", limits.maxInstructions(), machine.cpu().pc),
                            machine.instructionCounter());
                }
                if (machine.simulateQuietly(Math.min(left, SLICE))) {
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    return CallOutcome.stopped(CallOutcome.Kind.WALL_TIME, String.format(
                            "wall-time cap of %d ms exceeded at pc 0x%08x after %d instructions",
                            limits.wallMillis(), machine.cpu().pc, machine.instructionCounter()), machine.instructionCounter());
                }
            }
        } catch (GuestFault fault) {
            return CallOutcome.stopped(CallOutcome.Kind.FAULTED, fault.getMessage(), machine.instructionCounter());
        }
        return CallOutcome.exited(machine.exitStatus(), machine.instructionCounter(),
                outPayload(machine.memory().region(McuLayout.OUT)), machine.memory().region(McuLayout.RAM).contents());
    }

    /** OUT's payload: as many bytes as its length header says, clamped to the region. */
    private static byte[] outPayload(Region out) {
        long declared = Integer.toUnsignedLong(ByteBuffer.wrap(out.read(0, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
        return out.read(4, (int) Math.min(declared, McuLayout.MAX_PAYLOAD));
    }
}
