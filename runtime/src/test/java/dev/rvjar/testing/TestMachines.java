package dev.rvjar.testing;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;

import java.io.ByteArrayOutputStream;

/** Machines on the contract's MCU map for tests, with output captured. */
public final class TestMachines {
    private TestMachines() {
    }

    public static Machine mcu(byte[] rom) {
        return mcu(rom, new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    public static Machine mcu(byte[] rom, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
        return Machine.builder()
                .regions(McuLayout.regions())
                .image(RomImage.flat(rom))
                .stdout(stdout)
                .stderr(stderr)
                .build();
    }

    /** Runs the program to its exit (at most a million instructions) and returns the machine. */
    public static Machine run(Asm program) {
        Machine machine = mcu(program.bytes());
        if (!machine.simulateQuietly(1_000_000)) {
            throw new AssertionError("program did not stop within a million instructions");
        }
        return machine;
    }
}
