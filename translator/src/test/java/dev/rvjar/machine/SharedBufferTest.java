package dev.rvjar.machine;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Host buffers shared into the guest's address space ({@link Machine#share}) on the {@code embed}
 * test ROM, every target, interpreted and translated: the guest's loads see what the host put
 * into its arrays and the host sees the guest's stores, without a copy; rights are checked, bad
 * mappings refused, and an unshared buffer faults. The guest functions are {@code length} (a
 * string's length) and {@code fill_bytes(p, n, value)} from {@code testroms/src/embed.c}.
 */
class SharedBufferTest {
    private static final int WORDS = Memory.PAGE_SIZE / 4;
    private static final int SHARED = 0x2000_0000;

    private static Machine machine(String target, boolean translate) throws Exception {
        Machine machine = Machine.builder()
                .rom(EmbeddingTest.BUILD.resolve(target).resolve("embed.elf"))
                .translate(translate)
                .stdout(new ByteArrayOutputStream())
                .build();
        machine.installSyscallHandler(602, Machine::stop);
        machine.simulate(1_000_000);
        return machine;
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("dev.rvjar.machine.EmbeddingTest#machines")
    void hostAndGuestSeeTheSameWords(String target, boolean translate) throws Exception {
        Machine machine = machine(target, translate);
        int[][] pages = {new int[WORDS], new int[WORDS]};
        Region buffer = machine.share(SHARED, pages, true);

        pages[0][0] = 0x6c6c6568;           // "hell" little-endian
        pages[0][1] = 0x0000006f;           // "o\0"
        assertEquals(5, machine.vmcall("length", SHARED));
        pages[0][WORDS - 1] = 0x64636261;   // "abcd" then, across the page boundary, "ef\0"
        pages[1][0] = 0x00006665;
        assertEquals(6, machine.vmcall("length", SHARED + Memory.PAGE_SIZE - 4));

        machine.vmcall("fill_bytes", SHARED + 0x101, 6, 0x5A);
        assertEquals(0x5A5A_5A00, pages[0][0x40]);
        assertEquals(0x005A_5A5A, pages[0][0x41]);
        machine.vmcall("fill_bytes", SHARED + Memory.PAGE_SIZE + 8, 4, 0xC3);
        assertEquals(0xC3C3_C3C3, pages[1][2]);
        // the host's copies and views go through the same words
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), buffer.read(0, 5));
        assertEquals(0xC3C3_C3C3, machine.memView(SHARED + Memory.PAGE_SIZE + 8, 4).getInt(0));
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("dev.rvjar.machine.EmbeddingTest#machines")
    void rightsAreChecked(String target, boolean translate) throws Exception {
        Machine machine = machine(target, translate);
        int[][] pages = {new int[WORDS / 2]};           // a short last page: 32 KiB
        pages[0][0] = 0x0000_4948;                      // "HI"
        Region buffer = machine.share(SHARED, pages, false);
        assertEquals(2, machine.vmcall("length", SHARED));

        GuestFault store = assertThrows(GuestFault.class, () -> machine.vmcall("fill_bytes", SHARED, 1, 0));
        assertEquals(FaultKind.STORE_ACCESS, store.kind());
        assertEquals(0x0000_4948, pages[0][0]);
        GuestFault beyond = assertThrows(GuestFault.class, () -> machine.vmcall("length", SHARED + Memory.PAGE_SIZE / 2));
        assertEquals(FaultKind.LOAD_ACCESS, beyond.kind());
        GuestFault fetch = assertThrows(GuestFault.class, () -> machine.vmcall(SHARED));
        assertEquals(FaultKind.FETCH_ACCESS, fetch.kind());

        machine.unshare(buffer);
        GuestFault gone = assertThrows(GuestFault.class, () -> machine.vmcall("length", SHARED));
        assertEquals(FaultKind.LOAD_ACCESS, gone.kind());
        assertEquals(42, machine.vmcall("add", 40, 2));
        machine.share(SHARED, pages, true);             // the address is free again
        machine.vmcall("fill_bytes", SHARED, 1, 0x21);
        assertEquals(0x0000_4921, pages[0][0]);
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("dev.rvjar.machine.EmbeddingTest#machines")
    void badMappingsAreRefused(String target, boolean translate) throws Exception {
        Machine machine = machine(target, translate);
        int[][] page = {new int[WORDS]};
        assertThrows(IllegalArgumentException.class, () -> machine.share(SHARED + 0x1000, page, true), "not page-aligned");
        assertThrows(IllegalArgumentException.class, () -> machine.share(0x0100_0000, page, true), "RAM is mapped");
        assertThrows(IllegalArgumentException.class, () -> machine.share(0xFFFF_0000, page, true), "the host return page");
        assertThrows(IllegalArgumentException.class, () -> machine.share(SHARED, new int[][] {new int[100], new int[WORDS]}, true),
                "a short page before the last");
        assertThrows(IllegalArgumentException.class, () -> machine.share(SHARED, new int[][] {new int[WORDS + 1]}, true));
        assertThrows(IllegalArgumentException.class, () -> machine.share(SHARED, new int[0][], true));
        machine.share(SHARED, page, true);
        assertThrows(IllegalArgumentException.class, () -> machine.share(SHARED, new int[][] {new int[WORDS]}, true),
                "mapped already");
        assertEquals(42, machine.vmcall("add", 40, 2));
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("dev.rvjar.machine.EmbeddingTest#machines")
    void theBufferStaysTheHostsInSnapshotsAndForks(String target, boolean translate) throws Exception {
        Machine machine = machine(target, translate);
        int[][] pages = {new int[WORDS]};
        machine.share(SHARED, pages, true);
        byte[] snapshot = machine.snapshot();
        machine.vmcall("fill_bytes", SHARED, 4, 0x11);
        machine.restore(snapshot);
        assertEquals(0x1111_1111, pages[0][0], "a restore leaves the host's buffer alone");

        Machine fork = machine.fork();
        fork.vmcall("fill_bytes", SHARED, 4, 0x22);
        assertEquals(0x2222_2222, pages[0][0], "a fork maps the same arrays");
        assertTrue(machine.memory().mapped().size() == 1 && fork.memory().mapped().size() == 1);
    }
}
