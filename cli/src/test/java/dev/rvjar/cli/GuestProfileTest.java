package dev.rvjar.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rvjar run --profile}: exact instruction and block-entry counts for hand-counted programs. */
class GuestProfileTest {
    @TempDir
    Path dir;

    /**
     * li t0,5 ; 1: addi t0,t0,-1 ; bnez t0,1b ; li a0,0 ; li a7,93 ; ecall (encodings from the RISC-V
     * specification). Blocks: 0x0 (li: 1 instruction, entered once), 0x4 (addi, bnez: 5 x 2
     * instructions; entered by the 4 taken branches only, the first time it is reached by falling
     * through from 0x0, which does not end a block), 0xc (3 instructions, entered once, after the
     * branch not taken). 14 instructions in all.
     */
    private Path countdown() throws Exception {
        int[] words = {0x00500293, 0xfff28293, 0xfe029ee3, 0x00000513, 0x05d00893, 0x00000073};
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        return Files.write(dir.resolve("countdown.bin"), b.array());
    }

    @Test
    void countsEveryInstructionAndEveryBlockEntry() throws Exception {
        RomCall call = new RomCall(dir).input(new byte[0]).run(countdown(), "--profile", "--stats");
        assertEquals(0, call.status, call.stderr);
        assertTrue(call.stderr.startsWith("rvjar profile: 14 instructions\n"), call.stderr);
        assertTrue(call.stderr.contains("rvjar: 14 instructions in"), call.stderr);
        // no symbols in a flat image: only the block table
        assertTrue(!call.stderr.contains("functions:"), call.stderr);
        assertEquals(List.of("10 4 0x00000004", "3 1 0x0000000c", "1 1 0x00000000"), blocks(call.stderr));
    }

    @Test
    void elfSymbolsNameTheFunctionsAndTheProfileTotalIsTheMachineCounter() throws Exception {
        byte[] payload = new byte[5000];
        Arrays.fill(payload, (byte) 'x');
        RomCall call = new RomCall(dir).input(payload).run(RomCall.rom("rv32imac", "sha256.elf"), "--profile", "--stats");
        assertEquals(0, call.status, call.stderr);
        Matcher total = Pattern.compile("rvjar profile: ([\\d,]+) instructions").matcher(call.stderr);
        Matcher stats = Pattern.compile("rvjar: (\\d+) instructions in").matcher(call.stderr);
        assertTrue(total.find() && stats.find(), call.stderr);
        assertEquals(stats.group(1), total.group(1).replace(",", ""));
        // SHA-256 of 5000 bytes: the compression function (79 blocks of 64 bytes) retires most instructions
        String[] lines = call.stderr.split("\n");
        int header = Arrays.asList(lines).indexOf("  functions:   share     instructions   block entries  name");
        assertTrue(header >= 0, call.stderr);
        assertTrue(lines[header + 1].endsWith(" compress"), lines[header + 1]);
    }

    /** The block lines as "instructions entries start". */
    private static List<String> blocks(String stderr) {
        Matcher m = Pattern.compile("(?m)^\\s+[\\d.]+%\\s+([\\d,]+)\\s+([\\d,]+)\\s+(0x[0-9a-f]{8})").matcher(stderr);
        List<String> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(m.group(1).replace(",", "") + " " + m.group(2).replace(",", "") + " " + m.group(3));
        }
        return rows;
    }
}
