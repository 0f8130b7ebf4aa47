package dev.rvjar.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Wraps a flat ROM image and an IN file into an ELF executable that {@code qemu-riscv32} (user
 * mode) runs with the rvjar memory map, so QEMU executes exactly the bytes rvjar executes.
 *
 * <p>What works with QEMU 7.2 user mode (Debian's qemu-user):
 * <ul>
 *   <li>Four PT_LOAD segments: the ROM image at 0 (R+X, memory size = file size), RAM at
 *       0x01000000 (RW, 1 MiB, no file bytes), IN at 0x08000000 (the IN file's bytes, 1 MiB) and OUT
 *       at 0x08100000 (RW, 1 MiB). A segment whose memory size exceeds its file size must be
 *       writable: QEMU refuses a read-only segment with zero-filled tail ("non-writable bss"), so the
 *       ROM segment is exactly the image (the rest of the 1 MiB ROM region is not mapped, which
 *       no benchmark reads) and IN is mapped read-write (no benchmark writes it).</li>
 *   <li>Code at address 0 is fine: QEMU picks a guest base so that guest address 0 is mapped
 *       although the host's {@code vm.mmap_min_addr} forbids host address 0.</li>
 *   <li>The kit's crt0 ignores the Linux stack and sets sp itself; {@code write} (64) and
 *       {@code exit} (93) are the Linux system calls of the same numbers, so the program's exit
 *       status is QEMU's exit status. Output to OUT stays in guest memory (not shown).</li>
 *   <li>The file must be executable (QEMU reports "Permission denied" otherwise, on stdout).</li>
 * </ul>
 */
public final class QemuElf {
    private static final int MIB = 1 << 20;
    private static final int PAGE = 4096;
    private static final int EHDR = 52;
    private static final int PHDR = 32;
    private static final int PT_LOAD = 1;
    private static final int R = 4;
    private static final int W = 2;
    private static final int X = 1;
    private static final int EF_RISCV_RVC = 0x1;
    private static final int EF_RISCV_FLOAT_ABI_DOUBLE = 0x4;

    private record Segment(int address, byte[] bytes, int memorySize, int flags) {
    }

    private QemuElf() {
    }

    /** The ELF file for {@code rom} with {@code in} as the IN region's contents. */
    public static byte[] build(byte[] rom, byte[] in, boolean doubleFloatAbi) {
        Segment[] segments = {
            new Segment(0x0000_0000, rom, rom.length, R | X),
            new Segment(0x0100_0000, new byte[0], MIB, R | W),
            new Segment(0x0800_0000, in, MIB, R | W),
            new Segment(0x0810_0000, new byte[0], MIB, R | W),
        };
        int offset = align(EHDR + PHDR * segments.length);
        int[] offsets = new int[segments.length];
        for (int i = 0; i < segments.length; i++) {
            offsets[i] = offset;
            offset = align(offset + segments[i].bytes.length);
        }
        ByteBuffer b = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2);            // ET_EXEC
        b.putShort((short) 243);          // EM_RISCV
        b.putInt(1);                      // EV_CURRENT
        b.putInt(0);                      // entry: the reset pc
        b.putInt(EHDR);                   // program headers
        b.putInt(0);                      // no section headers
        b.putInt(EF_RISCV_RVC | (doubleFloatAbi ? EF_RISCV_FLOAT_ABI_DOUBLE : 0));
        b.putShort((short) EHDR);
        b.putShort((short) PHDR);
        b.putShort((short) segments.length);
        b.putShort((short) 40);
        b.putShort((short) 0);
        b.putShort((short) 0);
        for (int i = 0; i < segments.length; i++) {
            Segment s = segments[i];
            b.putInt(PT_LOAD).putInt(offsets[i]).putInt(s.address).putInt(s.address)
                    .putInt(s.bytes.length).putInt(s.memorySize).putInt(s.flags).putInt(PAGE);
        }
        for (int i = 0; i < segments.length; i++) {
            b.position(offsets[i]);
            b.put(segments[i].bytes);
        }
        return b.array();
    }

    /** Writes the ELF file, executable. */
    public static Path write(Path file, byte[] rom, byte[] in, boolean doubleFloatAbi) throws IOException {
        Files.write(file, build(rom, in, doubleFloatAbi));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static int align(int n) {
        return (n + PAGE - 1) & -PAGE;
    }
}
