package dev.rvjar.cli;

import dev.rvjar.lambda.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's contract: statuses, one-line errors, options and listings. */
class CliTest {
    @TempDir
    Path dir;

    private record Result(int status, String stdout, String stderr) {
    }

    private static Result rvjar(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] files(Path rom) {
        return new String[] {rom.toString(), dir.resolve("ram").toString(), dir.resolve("in").toString(), dir.resolve("out").toString()};
    }

    private String[] run(Path rom, String... options) {
        String[] args = new String[1 + options.length + 4];
        args[0] = "run";
        System.arraycopy(options, 0, args, 1, options.length);
        System.arraycopy(files(rom), 0, args, 1 + options.length, 4);
        return args;
    }

    @Test
    void missingArgumentsAreAUsageErrorWithAHint() {
        Result r = rvjar("run", "rom.bin");
        assertEquals(ExitCodes.USAGE, r.status);
        assertEquals("rvjar: Missing required parameters: 'RAM', 'IN', 'OUT'\nTry 'rvjar run --help' for more information.\n", r.stderr);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, rvjar("run", "--frobnicate", "a", "b", "c", "d").status);
        assertEquals(ExitCodes.USAGE, rvjar("frobnicate").status);
        assertEquals(ExitCodes.USAGE, rvjar().status);
    }

    @Test
    void helpDescribesEveryCommandAndTheExitStatuses() {
        Result r = rvjar("--help");
        assertEquals(0, r.status);
        assertTrue(r.stdout.startsWith("Usage: rvjar [-hV] [COMMAND]"), r.stdout);
        assertTrue(r.stdout.contains("  run "), r.stdout);
        assertTrue(r.stdout.contains("  disasm "), r.stdout);
        assertTrue(r.stdout.contains("152 instruction limit reached"), r.stdout);
        Result run = rvjar("run", "--help");
        assertTrue(run.stdout.contains("--max-instructions=N"), run.stdout);
        assertTrue(run.stdout.contains("139     memory fault"), run.stdout);
    }

    @Test
    void versionIsPrinted() {
        Result r = rvjar("--version");
        assertEquals(0, r.status);
        assertTrue(r.stdout.startsWith("rvjar "), r.stdout);
    }

    @Test
    void aMissingInFileIsABadInputAndNothingIsWritten() throws Exception {
        Files.write(dir.resolve("ram"), new byte[] {4, 5, 6});
        Result r = rvjar(run(RomCall.rom("rv32i", "hello.bin")));
        assertEquals(ExitCodes.BAD_INPUT, r.status);
        assertEquals("rvjar: IN file " + dir.resolve("in") + " does not exist\n", r.stderr);
        assertArrayEquals(new byte[] {4, 5, 6}, Files.readAllBytes(dir.resolve("ram")));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anInputOverOneMebibyteIsRefused() throws Exception {
        Files.write(dir.resolve("in"), new byte[(1 << 20) + 1]);
        Result r = rvjar(run(RomCall.rom("rv32i", "hello.bin")));
        assertEquals(ExitCodes.BAD_INPUT, r.status);
        assertEquals(1, r.stderr.lines().count());
        assertTrue(r.stderr.contains("more than the 1048576 bytes of its region"), r.stderr);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMissingRomIsABadInput() throws Exception {
        Files.write(dir.resolve("in"), new byte[4]);
        Result r = rvjar(run(dir.resolve("nope.bin")));
        assertEquals(ExitCodes.BAD_INPUT, r.status);
        assertEquals("rvjar: ROM file " + dir.resolve("nope.bin") + " does not exist\n", r.stderr);
    }

    @Test
    void aRomOverOneMebibyteIsABadRom() throws Exception {
        Files.write(dir.resolve("in"), new byte[4]);
        Path rom = dir.resolve("big.bin");
        Files.write(rom, new byte[(1 << 20) + 1]);
        Result r = rvjar(run(rom));
        assertEquals(ExitCodes.BAD_ROM, r.status);
        assertEquals(1, r.stderr.lines().count());
    }

    @Test
    void elfFilesForOtherMachinesAreRefused() throws Exception {
        Files.write(dir.resolve("in"), new byte[4]);
        Path truncated = dir.resolve("truncated.elf");
        Files.write(truncated, new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
        Result r = rvjar(run(truncated));
        assertEquals(ExitCodes.BAD_ROM, r.status);
        assertEquals("rvjar: " + truncated + ": truncated ELF header\n", r.stderr);

        byte[] x86 = Files.readAllBytes(RomCall.rom("rv32i", "hello.elf"));
        x86[18] = 3;
        x86[19] = 0;
        Path other = dir.resolve("x86.elf");
        Files.write(other, x86);
        assertEquals("rvjar: " + other + ": not a RISC-V ELF file (e_machine 3)\n", rvjar(run(other)).stderr);

        byte[] rv64 = Files.readAllBytes(RomCall.rom("rv32i", "hello.elf"));
        rv64[4] = 2;
        Path wide = dir.resolve("rv64.elf");
        Files.write(wide, rv64);
        assertEquals("rvjar: " + wide + ": not a 32-bit ELF file (RV64 is not supported)\n", rvjar(run(wide)).stderr);
    }

    @Test
    void statsReportInstructionsTimeAndRate() throws Exception {
        Files.write(dir.resolve("in"), new byte[4]);
        Result r = rvjar(run(RomCall.rom("rv32i", "hello.bin"), "--stats"));
        assertEquals(0, r.status);
        assertTrue(r.stderr.matches("(?s)rvjar: \\d+ instructions in \\d+\\.\\d{3} s \\((\\d+\\.\\d MIPS|\\d+\\.\\d thousand instructions/s|\\d+ instructions/s)\\)\n"
                + "rvjar: translation: .* blocks .* regions.*\n"
                + "rvjar: ran \\d+ instructions translated .*, \\d+ interpreted.*\n"), r.stderr);
    }

    @Test
    void statsOfAnInterpretedRunReportInstructionsTimeAndRateOnly() throws Exception {
        Files.write(dir.resolve("in"), new byte[4]);
        Result r = rvjar(run(RomCall.rom("rv32i", "hello.bin"), "--stats", "--interpret"));
        assertEquals(0, r.status);
        assertTrue(r.stderr.matches("(?s)rvjar: \\d+ instructions in \\d+\\.\\d{3} s \\((\\d+\\.\\d MIPS|\\d+\\.\\d thousand instructions/s|\\d+ instructions/s)\\)\n"), r.stderr);
    }

    /** li a0,42 ; j . (encodings from the RISC-V specification), as a flat image. */
    private Path selfLoop() throws Exception {
        Path rom = dir.resolve("selfloop.bin");
        Files.write(rom, new byte[] {0x13, 0x05, (byte) 0xa0, 0x02, 0x6f, 0x00, 0x00, 0x00});
        return rom;
    }

    @Test
    void traceDisassemblesEveryExecutedInstruction() throws Exception {
        Files.write(dir.resolve("in"), new byte[4]);
        Result r = rvjar(run(selfLoop(), "--trace", "--stats"));
        assertEquals(42, r.status);
        String[] lines = r.stderr.split("\n");
        // li a0,42 ; j .  then the statistics line
        assertEquals(3, lines.length, r.stderr);
        assertTrue(lines[0].matches("00000000:  02a00513  li\\s+a0,42"), lines[0]);
        assertTrue(lines[1].matches("00000004:  0000006f  j\\s+4"), lines[1]);
        assertTrue(lines[2].startsWith("rvjar: 2 instructions"), lines[2]);
    }

    @Test
    void negativeLimitIsAUsageError() throws Exception {
        Files.write(dir.resolve("in"), new byte[4]);
        assertEquals(ExitCodes.USAGE, rvjar(run(RomCall.rom("rv32i", "hello.bin"), "--max-instructions", "-5")).status);
    }

    @Test
    void disasmListsCode() throws Exception {
        Result r = rvjar("disasm", selfLoop().toString());
        assertEquals(0, r.status, r.stderr);
        assertTrue(r.stdout.matches("(?s)\\s+0:\t02a00513\\s+\tli\ta0,42\n\\s+4:\t0000006f\\s+\tj\t4\n"), r.stdout);
    }

    @Test
    void disasmNamesSymbolsOfElfFiles() {
        Result r = rvjar("disasm", RomCall.rom("rv32i", "selfloop.elf").toString());
        assertEquals(0, r.status, r.stderr);
        assertTrue(r.stdout.contains(":     file format elf32-littleriscv\n\n\nDisassembly of section .text:\n\n00000000 <_start>:\n"), r.stdout);
    }
}
