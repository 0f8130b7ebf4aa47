package dev.rvjar.lambda;

import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One call with files, as the contract defines it. */
class LambdaCallTest {
    static final int T0 = 5, T1 = 6, A0 = 10, A1 = 11;

    @TempDir
    Path dir;
    Path ram;
    Path in;
    Path out;

    @BeforeEach
    void files() throws IOException {
        ram = dir.resolve("ram");
        in = dir.resolve("in");
        out = dir.resolve("out");
        Files.write(in, le(3, 'a', 'b', 'c'));
    }

    private static byte[] le(int length, char... payload) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN).putInt(length);
        for (char c : payload) {
            buffer.put((byte) c);
        }
        return buffer.array();
    }

    private CallResult call(Asm program) throws Exception {
        return new LambdaCall(RomImage.flat(program.bytes()), ram, in, out)
                .output(new ByteArrayOutputStream(), new ByteArrayOutputStream())
                .maxInstructions(10_000).run();
    }

    /** Copies IN's first payload byte to OUT's payload, bumps a RAM word, then exits with 5. */
    private static Asm copyFirstByte() {
        Asm asm = new Asm();
        asm.li(T0, McuLayout.IN_BASE).lbu(A1, T0, 4);
        asm.li(T0, McuLayout.OUT_BASE).sb(A1, T0, 4).addi(A1, 0, 1).sw(A1, T0, 0);
        asm.li(T0, McuLayout.RAM_BASE).lw(A1, T0, 16).addi(A1, A1, 1).sw(A1, T0, 16);
        return asm.addi(A0, 0, 5).exit();
    }

    @Test
    void anExitWritesOutAsHeaderPlusPayloadAndTheWholeRam() throws Exception {
        CallResult result = call(copyFirstByte());
        assertEquals(CallResult.Outcome.EXITED, result.outcome());
        assertEquals(5, result.exitStatus());
        assertArrayEquals(le(1, 'a'), Files.readAllBytes(out));
        byte[] state = Files.readAllBytes(ram);
        assertEquals(McuLayout.REGION_SIZE, state.length);
        assertEquals(1, state[16]);
    }

    @Test
    void ramCarriesStateFromCallToCall() throws Exception {
        call(copyFirstByte());
        call(copyFirstByte());
        call(copyFirstByte());
        assertEquals(3, Files.readAllBytes(ram)[16]);
    }

    @Test
    void aMissingRamFileIsZeroedRam() throws Exception {
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE).lw(A0, T0, 100).exit();
        assertEquals(0, call(asm).exitStatus());
    }

    @Test
    void theOutLengthIsClampedToTheRegion() throws Exception {
        Asm asm = new Asm().li(T0, McuLayout.OUT_BASE).addi(T1, 0, -1).sw(T1, T0, 0).addi(A0, 0, 0).exit();
        call(asm);
        byte[] written = Files.readAllBytes(out);
        assertEquals(McuLayout.REGION_SIZE, written.length);
        assertEquals(McuLayout.MAX_PAYLOAD, ByteBuffer.wrap(written).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    @Test
    void theOutRegionStartsWithTheOldOutFile() throws Exception {
        Files.write(out, le(2, 'x', 'y'));
        Asm asm = new Asm().li(T0, McuLayout.OUT_BASE).lw(A1, T0, 0).addi(A1, A1, 1).sw(A1, T0, 0);
        asm.addi(A1, 0, 'z').sb(A1, T0, 6).addi(A0, 0, 0).exit();
        call(asm);
        assertArrayEquals(le(3, 'x', 'y', 'z'), Files.readAllBytes(out));
    }

    @Test
    void aFaultLeavesRamAndOutUntouched() throws Exception {
        Files.write(ram, new byte[] {1, 2, 3});
        Files.write(out, le(1, 'q'));
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE).sw(T0, T0, 0).li(T0, McuLayout.OUT_BASE).sw(T0, T0, 0);
        asm.li(T0, McuLayout.IN_BASE).sw(T0, T0, 0);
        CallResult result = call(asm);
        assertEquals(CallResult.Outcome.FAULTED, result.outcome());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(ram));
        assertArrayEquals(le(1, 'q'), Files.readAllBytes(out));
    }

    @Test
    void theInstructionLimitLeavesRamAndOutUntouchedAndMissingFilesMissing() throws Exception {
        Asm asm = new Asm().li(T0, McuLayout.RAM_BASE).sw(T0, T0, 0).addi(A0, A0, 1).jal(0, -4);
        CallResult result = call(asm);
        assertEquals(CallResult.Outcome.INSTRUCTION_LIMIT, result.outcome());
        assertEquals(10_000, result.instructions());
        assertFalse(Files.exists(ram));
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingInFileIsRefusedBeforeAnythingRuns() throws Exception {
        Files.delete(in);
        BadInputException e = assertThrows(BadInputException.class, () -> call(copyFirstByte()));
        assertEquals("IN file " + in + " does not exist", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void filesOverOneMebibyteAreRefused() throws Exception {
        Files.write(ram, new byte[McuLayout.REGION_SIZE + 1]);
        BadInputException e = assertThrows(BadInputException.class, () -> call(copyFirstByte()));
        assertEquals("RAM file " + ram + " is 1048577 bytes, more than the 1048576 bytes of its region", e.getMessage());
        assertEquals(McuLayout.REGION_SIZE + 1, Files.size(ram));
        Files.delete(ram);
        Files.write(in, new byte[McuLayout.REGION_SIZE + 1]);
        assertThrows(BadInputException.class, () -> call(copyFirstByte()));
    }

    @Test
    void aRomOverOneMebibyteIsRefused() {
        RomImage tooBig = RomImage.flat(new byte[McuLayout.REGION_SIZE + 4]);
        assertThrows(RomFormatException.class, () -> new LambdaCall(tooBig, ram, in, out).run());
    }

    @Test
    void fileOfExactlyOneMebibyteIsAccepted() throws Exception {
        Files.write(in, new byte[McuLayout.REGION_SIZE]);
        assertEquals(5, call(copyFirstByte()).exitStatus());
    }
}
