package dev.rvjar.serve.exec;

import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A machine reused from call to call must answer exactly what a new one answers: every call of a
 * random sequence (random RAM states, bodies and budgets, calls that fault, run out of budget or of
 * wall time midway) runs on one {@link CallMachine} per ROM and, as the reference, on a machine
 * built for that call alone that interprets the ROM (the contract makes counts and results of the
 * interpreter and translated code identical), and the outcomes, OUT and new RAM must be equal.
 */
class CallMachineTest {
    private static final Path ROMS = Path.of("..", "testroms", "build", "rv32imac");
    private static final Limits GENEROUS = new Limits(1_000_000, 60_000);
    private static final List<String> ROM_NAMES = List.of("counter", "tally", "memtest", "selfmod", "echo", "sha256",
            "wc", "counters", "fp", "hostfn", "fault_store_in", "fault_endless", "fault_load_unmapped");

    /** What a reference run gives: kind, status, count, OUT's payload, the whole RAM, and every writable or loaded region as the call left it. */
    private record Result(CallOutcome.Kind kind, int status, long instructions, byte[] out, byte[] ram, Memory memory) {
    }

    @Test
    void aReusedMachineAnswersLikeANewOneWhateverTheCallsBeforeLeft() throws IOException {
        Random random = new Random(20261205);
        for (String name : ROM_NAMES) {
            byte[] bytes = Files.readAllBytes(ROMS.resolve(name + ".bin"));
            CompiledRom rom = CompiledRom.translate(name, bytes, GENEROUS);
            CallMachine reused = new CallMachine(rom);
            byte[] lastRam = null;
            for (int call = 0; call < 16; call++) {
                byte[] ram = switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> lastRam;
                    default -> randomRam(random);
                };
                byte[] body = randomBody(random);
                long budget = random.nextInt(4) == 0 ? 1 + random.nextInt(20_000) : GENEROUS.maxInstructions();
                String where = name + " call " + call + " (budget " + budget + ", body " + body.length + " bytes)";
                Result expected = reference(rom.image(), ram, body, budget);
                CallOutcome actual = reused.run(encode(ram), body, new Limits(budget, 60_000), true);
                assertSame(expected, actual, where);
                for (String region : List.of(McuLayout.RAM, McuLayout.IN, McuLayout.OUT)) {
                    assertArrayEquals(expected.memory().region(region).contents(), reused.memory().region(region).contents(),
                            where + ": " + region + " after the call");
                }
                if (actual.kind() == CallOutcome.Kind.EXITED) {
                    lastRam = decode(actual.ram());
                }
            }
        }
    }

    @Test
    void aCallStoppedByItsWallTimeLeavesNothingBehind() throws IOException {
        CompiledRom rom = CompiledRom.translate("tally", Files.readAllBytes(ROMS.resolve("tally.bin")), GENEROUS);
        CallMachine machine = new CallMachine(rom);
        CallOutcome stopped = machine.run(null, "loop".getBytes(StandardCharsets.US_ASCII), new Limits(Long.MAX_VALUE, 30), true);
        assertEquals(CallOutcome.Kind.WALL_TIME, stopped.kind());
        assertTrue(stopped.instructions() > 0);
        byte[] body = "again".getBytes(StandardCharsets.US_ASCII);
        assertSame(reference(rom.image(), null, body, GENEROUS.maxInstructions()), machine.run(null, body, GENEROUS, true),
                "the call after the stopped one");
        assertEquals("tally=1\n", new String(machine.run(null, body, GENEROUS, false).out(), StandardCharsets.US_ASCII));
    }

    private static void assertSame(Result expected, CallOutcome actual, String where) {
        assertEquals(expected.kind(), actual.kind(), where + ": " + actual.reason());
        assertEquals(expected.instructions(), actual.instructions(), where + ": instructions");
        if (expected.kind() == CallOutcome.Kind.EXITED) {
            assertEquals(expected.status(), actual.exitStatus(), where + ": exit status");
            assertArrayEquals(expected.out(), actual.out(), where + ": OUT");
            assertArrayEquals(expected.ram(), decode(actual.ram()), where + ": RAM");
        }
    }

    /** One call on a machine of its own, interpreted, in one run of {@code budget} instructions. */
    private static Result reference(RomImage image, byte[] ram, byte[] body, long budget) {
        Machine machine = Machine.builder().image(image).stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream()).build();
        if (ram != null) {
            machine.memory().region(McuLayout.RAM).load(ram);
        }
        machine.memory().region(McuLayout.IN).load(ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(body.length).put(body).array());
        try {
            if (!machine.simulateQuietly(budget)) {
                return new Result(CallOutcome.Kind.INSTRUCTION_LIMIT, 0, machine.instructionCounter(), null, null, machine.memory());
            }
        } catch (GuestFault fault) {
            return new Result(CallOutcome.Kind.FAULTED, 0, machine.instructionCounter(), null, null, machine.memory());
        }
        Region out = machine.memory().region(McuLayout.OUT);
        int length = (int) Math.min(Integer.toUnsignedLong(ByteBuffer.wrap(out.read(0, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt()),
                McuLayout.MAX_PAYLOAD);
        return new Result(CallOutcome.Kind.EXITED, machine.exitStatus(), machine.instructionCounter(), out.read(4, length),
                machine.memory().region(McuLayout.RAM).contents(), machine.memory());
    }

    /** A RAM with a few random stretches of random bytes, among them the counter's and tally's variables at its start. */
    private static byte[] randomRam(Random random) {
        byte[] ram = new byte[McuLayout.REGION_SIZE];
        for (int n = random.nextInt(5); n > 0; n--) {
            int at = random.nextBoolean() ? random.nextInt(64) : random.nextInt(ram.length - 4096);
            byte[] stretch = new byte[1 + random.nextInt(4096)];
            random.nextBytes(stretch);
            System.arraycopy(stretch, 0, ram, at, Math.min(stretch.length, ram.length - at));
        }
        return ram;
    }

    private static byte[] randomBody(Random random) {
        List<byte[]> words = new ArrayList<>();
        for (String word : new String[] {"fault", "loop", "exit3", "", "hello world\nfoo\n"}) {
            words.add(word.getBytes(StandardCharsets.US_ASCII));
        }
        if (random.nextInt(3) > 0) {
            return words.get(random.nextInt(words.size()));
        }
        byte[] body = new byte[random.nextInt(3000)];
        random.nextBytes(body);
        return body;
    }

    private static byte[] encode(byte[] ram) {
        if (ram == null) {
            return null;
        }
        Region region = new Region("ram", McuLayout.RAM_BASE, McuLayout.REGION_SIZE, true, true, true);
        region.write(0, ram);
        boolean[] all = new boolean[region.pageCount()];
        java.util.Arrays.fill(all, true);
        return RamCodec.encode(region, all);
    }

    private static byte[] decode(byte[] encoded) {
        Region region = new Region("ram", McuLayout.RAM_BASE, McuLayout.REGION_SIZE, true, true, true);
        RamCodec.decode(encoded, region, new boolean[region.pageCount()]);
        return region.contents();
    }
}
