package dev.rvjar.lambda;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.image.Segment;
import dev.rvjar.machine.Machine;
import dev.rvjar.machine.TranslatedCode;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Region;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * One call of a "serverless microcontroller lambda", as the contract defines it: reset the machine,
 * map the ROM image and the {@code ram}, {@code in} and {@code out} files, run until the guest
 * exits, and on exit write {@code ram} and {@code out} back atomically. A fault or the instruction
 * limit leaves both files exactly as they were.
 */
public final class LambdaCall {
    /** The default instruction budget of a call. */
    public static final long DEFAULT_MAX_INSTRUCTIONS = 10_000_000_000L;

    private final RomImage image;
    private final Path ram;
    private final Path in;
    private final Path out;
    private long maxInstructions = DEFAULT_MAX_INSTRUCTIONS;
    private Function<Machine, TranslatedCode> translation;
    private OutputStream stdout = System.out;
    private OutputStream stderr = System.err;
    private boolean rv32e;
    /** Null for nothing to prepare (not an empty lambda: see {@link dev.rvjar.translated.PrecompiledMain}). */
    private java.util.function.Consumer<Machine> setUp;
    private Machine machine;

    public LambdaCall(RomImage image, Path ram, Path in, Path out) {
        this.image = image;
        this.ram = ram;
        this.in = in;
        this.out = out;
    }

    public LambdaCall maxInstructions(long maxInstructions) {
        this.maxInstructions = maxInstructions;
        return this;
    }

    public long maxInstructions() {
        return maxInstructions;
    }

    /** Runs translated code made by {@code translation} for the machine; without it, the interpreter runs everything. */
    public LambdaCall translation(Function<Machine, TranslatedCode> translation) {
        this.translation = translation;
        return this;
    }

    public LambdaCall output(OutputStream stdout, OutputStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
        return this;
    }

    /** Forces strict RV32E mode even when the image does not say so (a flat image cannot). */
    public LambdaCall rv32e(boolean rv32e) {
        this.rv32e = rv32e;
        return this;
    }

    /** Lets the caller prepare the machine (tracing, host functions) before it runs. */
    public LambdaCall onMachine(java.util.function.Consumer<Machine> setUp) {
        this.setUp = setUp;
        return this;
    }

    /** The machine of the last {@link #run()}, for statistics and inspection. */
    public Machine machine() {
        return machine;
    }

    /** Checks the files, sets up the machine and runs the call. */
    public CallResult run() throws BadInputException, IOException {
        PathCheck.regionFile("RAM", ram, false, McuLayout.REGION_SIZE);
        PathCheck.regionFile("IN", in, true, McuLayout.REGION_SIZE);
        PathCheck.regionFile("OUT", out, false, McuLayout.REGION_SIZE);
        PathCheck.output("RAM", ram);
        PathCheck.output("OUT", out);
        byte[] ramBytes = readRegionFile(ram);
        byte[] inBytes = readRegionFile(in);
        byte[] outBytes = readRegionFile(out);
        checkImageFitsRom(image);

        machine = Machine.builder()
                .regions(McuLayout.regions())
                .image(image)
                .rv32e(rv32e || image.rv32e())
                .stdout(stdout)
                .stderr(stderr)
                .build();
        machine.memory().region(McuLayout.RAM).load(ramBytes);
        machine.memory().region(McuLayout.IN).load(inBytes);
        machine.memory().region(McuLayout.OUT).load(outBytes);
        if (translation != null) {
            machine.useTranslatedCode(translation.apply(machine));
        }
        if (setUp != null) {
            setUp.accept(machine);
        }

        try {
            if (!machine.simulateQuietly(maxInstructions)) {
                return CallResult.limit(machine.instructionCounter(), machine.cpu().pc);
            }
        } catch (GuestFault fault) {
            return CallResult.faulted(fault, machine.instructionCounter());
        }
        writeBack(machine);
        return CallResult.exited(machine.exitStatus(), machine.instructionCounter(), machine.cpu().pc);
    }

    private void writeBack(Machine machine) throws IOException {
        Region outRegion = machine.memory().region(McuLayout.OUT);
        int declared = ByteBuffer.wrap(outRegion.read(0, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int length = (int) Math.min(Integer.toUnsignedLong(declared), McuLayout.MAX_PAYLOAD);
        ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, length);
        AtomicFile.write(ram, ByteBuffer.wrap(machine.memory().region(McuLayout.RAM).contents()));
        AtomicFile.write(out, header, ByteBuffer.wrap(outRegion.read(4, length)));
    }

    /** A checked region file's bytes; none for a missing one. */
    private static byte[] readRegionFile(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    /** The contract's ROM region holds the whole image: nothing may be placed in RAM, IN or OUT. */
    public static void checkImageFitsRom(RomImage image) {
        for (Segment segment : image.segments()) {
            long end = Integer.toUnsignedLong(segment.address()) + segment.bytes().length;
            if (Integer.toUnsignedLong(segment.address()) < McuLayout.ROM_BASE || end > McuLayout.ROM_BASE + McuLayout.REGION_SIZE) {
                throw new RomFormatException(String.format(
                        "ROM image has %d bytes at 0x%08x, outside the 1 MiB ROM region", segment.bytes().length, segment.address()));
            }
        }
    }
}
