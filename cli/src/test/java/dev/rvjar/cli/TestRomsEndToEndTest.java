package dev.rvjar.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every test ROM, in each of its four builds, through {@code rvjar run} with exact files and status. */
class TestRomsEndToEndTest {
    static final java.util.List<String> TARGETS = RomCall.TARGETS;

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void helloPrintsToOut(String target) throws Exception {
        for (String format : new String[] {"hello.bin", "hello.elf"}) {
            RomCall call = new RomCall(dir).input(new byte[0]).run(RomCall.rom(target, format));
            assertEquals(0, call.status, call.stderr);
            assertEquals("Hello from RISC-V!\n", call.outText());
            assertEquals(1 << 20, Files.size(call.ram));
        }
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void echoTurnsLowerCaseLettersToUpperCase(String target) throws Exception {
        byte[] payload = "Hello, lambda! 123 {az}\u00e9".getBytes(StandardCharsets.UTF_8);
        RomCall call = new RomCall(dir).input(payload).run(RomCall.rom(target, "echo.bin"));
        assertEquals(0, call.status, call.stderr);
        assertArrayEquals("HELLO, LAMBDA! 123 {AZ}\u00e9".getBytes(StandardCharsets.UTF_8), call.outPayload());
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void counterKeepsNoinitStateAcrossCallsAndResetsData(String target) throws Exception {
        RomCall call = new RomCall(dir).input(new byte[0]);
        for (int n = 1; n <= 3; n++) {
            call.run(RomCall.rom(target, "counter.bin"));
            assertEquals(0, call.status, call.stderr);
            assertEquals("calls=" + n + " data=6\n", call.outText());
        }
        Files.delete(call.ram);
        call.run(RomCall.rom(target, "counter.bin"));
        assertEquals("calls=1 data=6\n", call.outText());
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void sha256MatchesJavaMessageDigest(String target) throws Exception {
        Random random = new Random(target.hashCode());
        int[] sizes = {0, 1, 55, 56, 63, 64, 65, 1000, random.nextInt(200_000)};
        for (int size : sizes) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            RomCall call = new RomCall(dir).input(payload).run(RomCall.rom(target, "sha256.bin"));
            assertEquals(0, call.status, call.stderr);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
            assertEquals(expected, call.outText(), "size " + size);
        }
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void systemCallsWriteToHostStreamsAndExitGroupGivesTheStatus(String target) throws Exception {
        RomCall call = new RomCall(dir).input(new byte[0]).run(RomCall.rom(target, "syscalls.elf"));
        assertEquals(7, call.status, call.stderr);
        assertEquals("out\n", new String(call.stdout, StandardCharsets.US_ASCII));
        assertEquals("err\n", call.stderr);
        assertEquals("write1=4 write2=4 write5=-9 sys123=-38\n", call.outText());
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void jumpToItselfEndsTheCallWithStatusA0(String target) throws Exception {
        RomCall call = new RomCall(dir).input(new byte[0]).run(RomCall.rom(target, "selfloop.bin"));
        assertEquals(42, call.status, call.stderr);
        assertEquals("", call.stderr);
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void misalignedAndNarrowMemoryAccessesBehave(String target) throws Exception {
        RomCall call = new RomCall(dir).input(new byte[0]).run(RomCall.rom(target, "memtest.bin"));
        assertEquals(0, call.status, call.stderr + new String(call.outPayload(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void aFaultingCallLeavesRamAndOutExactlyAsTheyWere(String target) throws Exception {
        String[][] faults = {
            {"fault_store_rom", "139", "store outside writable memory"},
            {"fault_store_in", "139", "store outside writable memory"},
            {"fault_load_unmapped", "139", "load outside readable memory"},
            {"fault_fetch_unmapped", "139", "instruction fetch outside executable memory"},
            {"fault_illegal", "132", "illegal instruction"},
            {"fault_illegal_zero", "132", "illegal instruction"},
        };
        for (String[] fault : faults) {
            RomCall call = new RomCall(dir).input("x".getBytes(StandardCharsets.US_ASCII));
            byte[] ram = new byte[4096];
            new Random(7).nextBytes(ram);
            Files.write(call.ram, ram);
            byte[] out = RomCall.frame("previous output".getBytes(StandardCharsets.US_ASCII));
            Files.write(call.out, out);
            call.run(RomCall.rom(target, fault[0] + ".elf"));
            assertEquals(Integer.parseInt(fault[1]), call.status, fault[0] + ": " + call.stderr);
            assertEquals(1, call.stderr.lines().count(), call.stderr);
            assertEquals(true, call.stderr.startsWith("rvjar: guest fault: " + fault[2] + " at pc 0x"), call.stderr);
            assertArrayEquals(ram, Files.readAllBytes(call.ram), fault[0]);
            assertArrayEquals(out, Files.readAllBytes(call.out), fault[0]);
        }
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void anEndlessLoopStopsAtTheLimitAndChangesNothing(String target) throws Exception {
        RomCall call = new RomCall(dir).input(new byte[0]);
        call.run(RomCall.rom(target, "fault_endless.bin"), "--max-instructions", "200000");
        assertEquals(152, call.status, call.stderr);
        assertEquals(true, call.stderr.startsWith("rvjar: instruction limit reached: "), call.stderr);
        assertFalse(Files.exists(call.ram));
        assertFalse(Files.exists(call.out));
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void selfCheckingRomsPassTheirOwnChecks(String target) throws Exception {
        String[][] roms = {
            {"arith", "arith ok\n"},
            {"fp", "fp ok\n"},
            {"libc", "libc ok\natexit ran\ndtor ran\n"},
            // 10 nops between two counter reads: the later read sees 11 more retired instructions
            {"counters", "instret=11 cycle=11 cycle_to_instret=1 high=0/0\n"},
        };
        for (String[] rom : roms) {
            RomCall call = new RomCall(dir).input(new byte[0]).run(RomCall.rom(target, rom[0] + ".bin"));
            assertEquals(0, call.status, rom[0] + ": " + call.stderr + call.outText());
            assertEquals(rom[1], call.outText(), rom[0]);
        }
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void wcCountsLinesWordsAndBytesOfIn(String target) throws Exception {
        RomCall call = new RomCall(dir).input("hello world\nfoo\n".getBytes(StandardCharsets.US_ASCII))
                .run(RomCall.rom(target, "wc.bin"));
        assertEquals(0, call.status, call.stderr);
        assertEquals("2 3 16\n", call.outText());
    }
}
