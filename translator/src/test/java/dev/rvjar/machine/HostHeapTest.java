package dev.rvjar.machine;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host-managed heap (system calls 516-520) on the {@code heap} test ROM, every target,
 * interpreted and translated: the ROM's own checks of what C promises, pointers the heap did not
 * hand out (a guest fault, the machine still usable), and the heap carried by snapshots and forks
 * because its state lives in guest memory.
 */
class HostHeapTest {
    private static final int HEAP_RESET = 520;

    /** The heap ROM after main ran its checks (exit status 0, or 100 + the failed check). */
    private static Machine ran(String target, boolean translate) throws Exception {
        Machine machine = Machine.builder()
                .rom(EmbeddingTest.BUILD.resolve(target).resolve("heap.elf"))
                .translate(translate)
                .stdout(new ByteArrayOutputStream())
                .build();
        assertTrue(machine.simulateQuietly(50_000_000));
        assertEquals(0, machine.exitStatus(), "100 + the first failed check");
        return machine;
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("dev.rvjar.machine.EmbeddingTest#machines")
    void theRomsChecksHold(String target, boolean translate) throws Exception {
        Machine machine = ran(target, translate);
        int length = machine.memView(0x0810_0000, 4).getInt(0);
        assertEquals("heap ok", new String(machine.copyFromGuest(0x0810_0004, length), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("dev.rvjar.machine.EmbeddingTest#machines")
    void pointersTheHeapDidNotHandOutAreGuestFaults(String target, boolean translate) throws Exception {
        Machine machine = ran(target, translate);
        int block = machine.vmcall("heap_malloc", 100);
        int arena = machine.addressOf("__heap_start");
        int arenaEnd = machine.addressOf("__heap_end");
        assertTrue(Integer.compareUnsigned(block, arena) > 0 && Integer.compareUnsigned(block, arenaEnd) < 0);
        int[] garbage = {
            block + 4,          // misaligned, inside a block
            block + 16,         // aligned, inside a block
            arena,              // the arena's own header
            arena - 64,         // below the arena (.bss)
            0x100,              // ROM
            arenaEnd,           // one past the arena
            0xFFFF_FFF8,        // the top of the address space
            0x0C00_0000,        // unmapped
        };
        for (int pointer : garbage) {
            GuestFault fault = assertThrows(GuestFault.class, () -> machine.vmcall("heap_free", pointer),
                    () -> String.format("free(0x%08x)", pointer));
            assertEquals(FaultKind.HEAP_MISUSE, fault.kind(), () -> String.format("free(0x%08x)", pointer));
            assertEquals(FaultKind.HEAP_MISUSE, assertThrows(GuestFault.class, () -> machine.vmcall("heap_realloc", pointer, 8)).kind());
        }
        machine.vmcall("heap_free", block);
        assertEquals(FaultKind.HEAP_MISUSE, assertThrows(GuestFault.class, () -> machine.vmcall("heap_free", block)).kind(),
                "double free");
        // the heap and the machine go on
        int again = machine.vmcall("heap_malloc", 100);
        assertNotEquals(0, again);
        assertEquals(0, machine.vmcall("heap_malloc", 0x7FFF_FFFF), "does not fit");
        assertEquals(0, machine.vmcall("heap_realloc", again, 0x7FFF_FFFF), "does not fit");
        assertEquals(again, machine.vmcall("heap_realloc", again, 50), "shrinks in place");
        machine.vmcall("heap_free", again);
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("dev.rvjar.machine.EmbeddingTest#machines")
    void snapshotsAndForksCarryTheHeap(String target, boolean translate) throws Exception {
        Machine machine = ran(target, translate);
        int block = machine.vmcall("heap_malloc", 64);
        byte[] snapshot = machine.snapshot();
        Machine fork = machine.fork();

        machine.vmcall("heap_free", block);
        assertThrows(GuestFault.class, () -> machine.vmcall("heap_free", block));
        fork.vmcall("heap_free", block);    // the fork's heap still has it in use
        assertThrows(GuestFault.class, () -> fork.vmcall("heap_free", block));

        machine.restore(snapshot);
        machine.vmcall("heap_free", block);  // in use again after the restore
        assertEquals(block, machine.vmcall("heap_malloc", 64), "first fit takes the lowest free room again");
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("dev.rvjar.machine.EmbeddingTest#machines")
    void anArenaTheGuestCannotWriteFaultsAsItsStoresWould(String target, boolean translate) throws Exception {
        Machine machine = ran(target, translate);
        machine.cpu().x[10] = 0x100;    // ROM
        machine.cpu().x[11] = 0x1000;
        GuestFault fault = assertThrows(GuestFault.class, () -> machine.systemCalls().dispatch(machine, HEAP_RESET));
        assertEquals(FaultKind.STORE_ACCESS, fault.kind());
    }
}
