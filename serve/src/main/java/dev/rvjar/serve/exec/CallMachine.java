package dev.rvjar.serve.exec;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A machine of one ROM that runs call after call, as the contract defines a call: reset, RAM as the
 * state gives it (zero without one), IN = the request body behind its 4-byte length header, OUT
 * zeroed. Building a machine costs far more than a short call (its four regions and page tables,
 * about 0.7 ms, against a few microseconds for a hello), so {@link MachinePool} keeps them and each
 * call puts back only what the previous one may have changed:
 * <ul>
 * <li>the hart: {@link Machine#reset()};
 * <li>RAM: the pages that may hold data (the state's chunks loaded, or guest stores) are zeroed,
 *     then the new state's chunks written;
 * <li>IN: the previous body's bytes past the new one are zeroed (the guest cannot write IN);
 * <li>OUT: the pages the guest stored to are zeroed.
 * </ul>
 * {@link Memory#trackStores} tells which pages the guest stored to, however the call ended (exit,
 * fault, budget or wall time). The translated code needs nothing: the ROM lies in the ROM region
 * alone ({@link dev.rvjar.lambda.LambdaCall#checkImageFitsRom}), which no store reaches, so none of
 * it is ever invalidated. The guest's own {@code write}s to fd 1 and 2 go nowhere (a lambda answers
 * through OUT; the host's streams belong to the server).
 *
 * <p>The wall-time cap is enforced from the calling thread by running the guest in slices of
 * {@link #SLICE} instructions and checking the clock between them: {@link Machine#resume} continues
 * exactly where the previous slice stopped (the counter runs on from the reset), so slicing changes nothing the guest can see, and a
 * guest stuck in a loop is stopped at most one slice after its deadline without a second thread
 * writing into the machine.
 */
public final class CallMachine {
    /** About 2-30 ms of guest time, translated or interpreted. */
    static final long SLICE = 1L << 22;
    private static final byte[] ZERO_PAGE = new byte[Memory.PAGE_SIZE];

    private final CompiledRom rom;
    private final Machine machine;
    private final Region ram;
    private final Region in;
    private final Region out;
    /** RAM pages that may hold non-zero bytes; every other page is zero. */
    private final boolean[] ramMayHoldData;
    /** OUT pages the last call stored to. */
    private final boolean[] outWritten;
    /** IN bytes the last call's header and body took. */
    private int inUsed;

    CallMachine(CompiledRom rom) {
        this.rom = rom;
        this.machine = Machine.builder()
                .regions(McuLayout.regions())
                .image(rom.image())
                .rv32e(rom.image().rv32e())
                .stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream())
                .build();
        machine.useTranslatedCode(rom.attach(machine));
        this.ram = machine.memory().region(McuLayout.RAM);
        this.in = machine.memory().region(McuLayout.IN);
        this.out = machine.memory().region(McuLayout.OUT);
        this.ramMayHoldData = new boolean[ram.pageCount()];
        this.outWritten = new boolean[out.pageCount()];
    }

    CompiledRom rom() {
        return rom;
    }

    /** The memory as the last call left it, for tests that compare it with a new machine's. */
    Memory memory() {
        return machine.memory();
    }

    /**
     * Runs one call on {@code state} (a {@link RamCodec} image; null is zeroed RAM) with {@code body}
     * as the IN payload. An exited call's outcome carries OUT's payload and, if {@code keepRam}, the
     * new RAM as a {@link RamCodec} image.
     *
     * @throws IllegalArgumentException when the body does not fit IN or the state is not a RAM image
     */
    public CallOutcome run(byte[] state, byte[] body, Limits limits, boolean keepRam) {
        if (body.length > McuLayout.MAX_PAYLOAD) {
            throw new IllegalArgumentException("body larger than the IN region");
        }
        machine.reset();
        loadRam(state);
        loadIn(body);
        clearOut();
        machine.memory().trackStores();
        long deadline = System.nanoTime() + limits.wallMillis() * 1_000_000L;
        CallOutcome.Kind ended;
        try {
            ended = runSlices(limits, deadline);
        } catch (GuestFault fault) {
            return CallOutcome.stopped(CallOutcome.Kind.FAULTED, fault.getMessage(), machine.instructionCounter());
        } finally {
            noteStores();
        }
        return switch (ended) {
            case EXITED -> CallOutcome.exited(machine.exitStatus(), machine.instructionCounter(), outPayload(),
                    keepRam ? RamCodec.encode(ram, ramMayHoldData) : null);
            case INSTRUCTION_LIMIT -> CallOutcome.stopped(ended, String.format("instruction budget of %d exhausted at pc 0x%08x",
                    limits.maxInstructions(), machine.cpu().pc), machine.instructionCounter());
            default -> CallOutcome.stopped(ended, String.format("wall-time cap of %d ms exceeded at pc 0x%08x after %d instructions",
                    limits.wallMillis(), machine.cpu().pc, machine.instructionCounter()), machine.instructionCounter());
        };
    }

    /** Runs slice after slice until the guest stops, its budget runs out, or its wall time. */
    private CallOutcome.Kind runSlices(Limits limits, long deadline) {
        while (true) {
            long left = limits.maxInstructions() - machine.instructionCounter();
            if (left <= 0) {
                return CallOutcome.Kind.INSTRUCTION_LIMIT;
            }
            long slice = Math.min(left, SLICE);
            if (machine.resume(slice)) {
                return CallOutcome.Kind.EXITED;
            }
            if (System.nanoTime() - deadline > 0) {
                return CallOutcome.Kind.WALL_TIME;
            }
        }
    }

    private void loadRam(byte[] state) {
        for (int page = 0; page < ramMayHoldData.length; page++) {
            if (ramMayHoldData[page]) {
                ram.write(page * Memory.PAGE_SIZE, ZERO_PAGE);
                ramMayHoldData[page] = false;
            }
        }
        if (state != null) {
            RamCodec.decode(state, ram, ramMayHoldData);
        }
    }

    private void loadIn(byte[] body) {
        byte[] header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array();
        in.write(0, header);
        in.write(4, body);
        int used = 4 + body.length;
        if (inUsed > used) {
            in.write(used, new byte[inUsed - used]);
        }
        inUsed = used;
    }

    private void clearOut() {
        for (int page = 0; page < outWritten.length; page++) {
            if (outWritten[page]) {
                out.write(page * Memory.PAGE_SIZE, ZERO_PAGE);
                outWritten[page] = false;
            }
        }
    }

    private void noteStores() {
        for (int page = 0; page < ramMayHoldData.length; page++) {
            ramMayHoldData[page] |= machine.memory().pageStored(ram.base() + page * Memory.PAGE_SIZE);
        }
        for (int page = 0; page < outWritten.length; page++) {
            outWritten[page] = machine.memory().pageStored(out.base() + page * Memory.PAGE_SIZE);
        }
    }

    /** OUT's payload: as many bytes as its length header says, clamped to the region. */
    private byte[] outPayload() {
        long declared = Integer.toUnsignedLong(ByteBuffer.wrap(out.read(0, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
        return out.read(4, (int) Math.min(declared, McuLayout.MAX_PAYLOAD));
    }
}
