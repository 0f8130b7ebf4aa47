package dev.rvjar.machine;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.memory.GuestView;
import dev.rvjar.translate.PrecompiledJar;
import dev.rvjar.translate.Translator;
import dev.rvjar.translated.TranslatedProgram;
import dev.rvjar.image.RomImage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedding API on the {@code embed} test ROM, for every target (so every calling convention:
 * ilp32, ilp32e, ilp32d) interpreted and translated: loading, running, vmcall with numbers,
 * strings, bytes and records, callbacks registered through system calls, host functions that call
 * back into the guest, faults and budgets the machine survives, memory access, snapshots and forks.
 * Expected values are computed by hand from the C source of {@code testroms/src/embed.c}.
 */
class EmbeddingTest {
    static final Path BUILD = Path.of("../testroms/build");
    private static final int REGISTER_GET = 600;
    private static final int REGISTER_POST = 601;
    private static final int WAIT_REQUESTS = 602;
    private static final int HOST_ADD = 603;

    record Point(int x, int y, double weight) {
    }

    /** Every target, interpreted and translated: the cases of every embedding test. */
    static Stream<Object[]> machines() {
        List<Object[]> cases = new ArrayList<>();
        for (String target : List.of("rv32i", "rv32e", "rv32imac", "rv32gc")) {
            cases.add(new Object[] {target, false});
            cases.add(new Object[] {target, true});
        }
        return cases.stream();
    }

    /** A machine that ran main to wait_for_requests, with the handlers it registered in {@code handlers}. */
    private static Machine ready(String target, boolean translate, int[] handlers) throws Exception {
        Machine machine = Machine.builder()
                .rom(BUILD.resolve(target).resolve("embed.elf"))
                .translate(translate)
                .stdout(new ByteArrayOutputStream())
                .build();
        machine.installSyscallHandler(REGISTER_GET, m -> handlers[0] = m.sysarg(0));
        machine.installSyscallHandler(REGISTER_POST, m -> handlers[1] = m.sysarg(0));
        machine.installSyscallHandler(WAIT_REQUESTS, Machine::stop);
        machine.simulate(1_000_000);
        assertTrue(machine.stopped());
        return machine;
    }

    private static Machine ready(String target, boolean translate) throws Exception {
        return ready(target, translate, new int[2]);
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void callsFunctionsByNameWithNumbers(String target, boolean translate) throws Exception {
        Machine machine = ready(target, translate);
        assertTrue(machine.addressOf("add") != 0);
        assertEquals(0, machine.addressOf("no_such_function"));
        assertEquals(42, machine.vmcall("add", 40, 2));
        assertEquals(-1, machine.vmcall("add", Integer.MAX_VALUE, Integer.MIN_VALUE));
        machine.vmcall("add64", 0x1_0000_0000L, 0xFFFF_FFFFL);
        assertEquals(0x1_FFFF_FFFFL, machine.returnLong());
        // 1+2*2+...+9*9 = 285, the ninth argument on the stack (and more on RV32E)
        assertEquals(285, machine.vmcall("sum9", 1, 2, 3, 4, 5, 6, 7, 8, 9));
        machine.vmcall("scale", 1.5, 4.0f, 3);
        assertEquals(9.0, machine.returnDouble());
        machine.vmcall("halve", 5.0f);
        assertEquals(2.5f, machine.returnFloat());
        GuestFunction increment = machine.function("increment");
        assertEquals(1, machine.vmcall(increment));
        assertEquals(2, machine.vmcall(increment));
        if (translate) {
            assertTrue(((TranslatedProgram) machine.translatedCode()).translatedInstructions() > 0, "calls ran translated code");
        }
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void passesStringsBytesAndRecordsByPointer(String target, boolean translate) throws Exception {
        Machine machine = ready(target, translate);
        int sp = machine.cpu().x[2];
        assertEquals(5, machine.vmcall("length", "héllo".substring(0, 1) + "ello"));
        assertEquals(6, machine.vmcall("length", "héllo"));   // é is two bytes in UTF-8
        assertEquals(10 + 20 + 3, machine.vmcall("point_sum", new Point(10, 20, 3.75)));
        assertEquals(sp, machine.cpu().x[2], "the stack pointer is back after a call");
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void callsTheHandlersTheGuestRegistered(String target, boolean translate) throws Exception {
        int[] handlers = new int[2];
        Machine machine = ready(target, translate, handlers);
        assertEquals(200, machine.vmcall(handlers[0], "/index.html"));
        assertEquals(1 + 2 + 250, machine.vmcall(handlers[1], "/form", new byte[] {1, 2, (byte) 250}, 3));
        assertEquals("/form", machine.memString(machine.addressOf("last_url"), 64));
        assertEquals(2, machine.memView(machine.addressOf("requests"), 4).getInt(0));
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void aHostFunctionCallsBackIntoTheGuestWithPreempt(String target, boolean translate) throws Exception {
        Machine machine = ready(target, translate);
        machine.installSyscallHandler(HOST_ADD, m -> {
            try {
                m.setResult(m.preempt(10_000, "add", m.sysarg(0), 100));
            } catch (MachineTimeoutException e) {
                m.setResult(-1);
            }
        });
        assertEquals(5 + 100 + 1, machine.vmcall("via_host", 5));
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void numbersWithoutAHandlerGoToTheUnknownHandler(String target, boolean translate) throws Exception {
        Machine machine = ready(target, translate);
        List<Integer> seen = new ArrayList<>();
        machine.systemCalls().installUnknown((m, number) -> {
            seen.add(number);
            m.setResult(number - m.sysarg(0));
        });
        assertEquals(HOST_ADD - 5, machine.vmcall("via_host", 5) - 1);
        assertEquals(List.of(HOST_ADD), seen);
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void survivesFaultsAndRunawayCalls(String target, boolean translate) throws Exception {
        Machine machine = ready(target, translate);
        GuestFault fault = assertThrows(GuestFault.class, () -> machine.vmcall("crash"));
        assertEquals(FaultKind.LOAD_ACCESS, fault.kind());
        assertEquals(0x0C000000, fault.address());
        assertEquals(3, machine.vmcall("add", 1, 2));

        machine.callBudget(10_000);
        MachineTimeoutException timeout = assertThrows(MachineTimeoutException.class, () -> machine.vmcall("spin"));
        assertTrue(timeout.instructions() >= 10_000 && timeout.instructions() < 10_100, "stopped near the budget");
        assertTrue(machine.instructionLimitReached());
        assertEquals(7, machine.vmcall("add", 3, 4));
    }

    /**
     * Outside a vmcall the host return address is an unmapped address like any other (its Javadoc):
     * a function set up by hand and run with simulate computes its result, then faults fetching
     * there, with a0 exact; translated code hands that pc to the interpreter, which faults.
     */
    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void setupCallThenSimulateStopsWhenTheFunctionReturns(String target, boolean translate) throws Exception {
        Machine machine = ready(target, translate);
        machine.setupCall(machine.addressOf("add"), 40, 2);
        assertTrue(machine.simulateQuietly(1_000), "stopped at the host return address");
        assertTrue(machine.stopped());
        assertEquals(Machine.HOST_RETURN, machine.cpu().pc);
        assertEquals(42, machine.cpu().x[10]);
        assertEquals(42, (int) machine.returnLong());
        // with no call set up any more, the host return address is an unmapped one
        GuestFault fault = assertThrows(GuestFault.class, () -> machine.simulate(1_000));
        assertEquals(FaultKind.FETCH_ACCESS, fault.kind());
        assertEquals(Machine.HOST_RETURN, fault.pc());
        assertEquals(7, machine.vmcall("add", 3, 4));
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void snapshotsRestoreAndForksAreIndependent(String target, boolean translate) throws Exception {
        Machine machine = ready(target, translate);
        assertEquals(1, machine.vmcall("increment"));
        byte[] snapshot = machine.snapshot();
        assertEquals(2, machine.vmcall("increment"));
        assertEquals(3, machine.vmcall("increment"));
        machine.restore(snapshot);
        assertEquals(2, machine.vmcall("increment"));

        Machine fork = machine.fork();
        assertEquals(3, fork.vmcall("increment"));
        assertEquals(4, fork.vmcall("increment"));
        assertEquals(3, machine.vmcall("increment"), "the parent does not see the fork's writes");
        assertEquals(42, fork.vmcall("add", 40, 2));
        assertThrows(IllegalArgumentException.class, () -> machine.restore(new byte[] {1, 2, 3}));
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void runningCountsStopsAndResumes(String target, boolean translate) throws Exception {
        Machine machine = Machine.builder()
                .rom(BUILD.resolve(target).resolve("embed.elf"))
                .translate(translate)
                .build();
        machine.installSyscallHandler(WAIT_REQUESTS, m -> {
            m.penalize(1000);
            m.stop();
        });
        assertFalse(machine.simulateQuietly(5));
        assertTrue(machine.instructionLimitReached());
        assertEquals(5, machine.maxInstructions());
        long partial = machine.instructionCounter();
        assertThrows(MachineTimeoutException.class, () -> machine.simulate(3));
        assertTrue(machine.resume(1_000_000));
        assertTrue(machine.stopped());
        assertTrue(machine.instructionCounter() > 1000 + partial, "resume keeps the counter, and the penalty counts");
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void guestMemoryIsCheckedFromJava(String target, boolean translate) throws Exception {
        Machine machine = ready(target, translate);
        int url = machine.addressOf("last_url");
        machine.copyToGuest(url, "/copied\0".getBytes(StandardCharsets.UTF_8));
        assertEquals("/copied", machine.memString(url, 64));
        assertEquals("/co", machine.memString(url, 3));
        assertArrayEquals("/copied".getBytes(StandardCharsets.UTF_8), machine.copyFromGuest(url, 7));
        GuestView view = machine.writableMemView(machine.addressOf("counter"), 4);
        view.putInt(0, 41);
        assertEquals(42, machine.vmcall("increment"));
        assertEquals(42, view.getInt(0), "the view is live");
        assertThrows(IndexOutOfBoundsException.class, () -> view.getInt(1));
        assertThrows(GuestFault.class, () -> machine.copyToGuest(0, new byte[4]), "ROM is not writable");
        assertThrows(GuestFault.class, () -> machine.writableMemView(0x0800_0000, 4), "IN is not writable");
        assertThrows(GuestFault.class, () -> machine.memView(0x0200_0000, 4), "unmapped");
        assertThrows(GuestFault.class, () -> machine.memView(0x010F_FFFE, 4), "past the end of RAM");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aPrecompiledJarRunsItsTranslatedCode(String target, @TempDir Path dir) throws Exception {
        Path rom = BUILD.resolve(target).resolve("embed.elf");
        Path jar = dir.resolve("embed.jar");
        byte[] bytes = Files.readAllBytes(rom);
        RomImage image = RomImage.of(bytes);
        PrecompiledJar.write(jar, new dev.rvjar.translated.ProgramProperties("embed.elf", image.rv32e(), dev.rvjar.lambda.LambdaCall.DEFAULT_MAX_INSTRUCTIONS, "rvjar test"), bytes, Translator.translate(image));
        int[] handlers = new int[2];
        Machine machine = Machine.builder().rom(jar).build();
        assertTrue(machine.translatedCode() != null);
        machine.installSyscallHandler(REGISTER_GET, m -> handlers[0] = m.sysarg(0));
        machine.installSyscallHandler(WAIT_REQUESTS, Machine::stop);
        machine.simulate(1_000_000);
        assertEquals(200, machine.vmcall(handlers[0], "/"));
        assertEquals(42, machine.vmcall("add", 40, 2));
        // a function looked up once enters the jar's region through the entry its dispatcher makes
        GuestFunction add = machine.function("add");
        long translated = ((TranslatedProgram) machine.translatedCode()).translatedInstructions();
        assertEquals(42, machine.vmcall(add, 40, 2));
        assertEquals(-1, machine.vmcall(add, Integer.MAX_VALUE, Integer.MIN_VALUE));
        assertEquals(translated + 4, ((TranslatedProgram) machine.translatedCode()).translatedInstructions(), "add and ret, twice");
    }

    @ParameterizedTest(name = "{0} translated={1}")
    @MethodSource("machines")
    void hostAcceleratedLibraryFunctionsRunInTheHost(String target, boolean translate) throws Exception {
        Machine machine = Machine.builder().rom(BUILD.resolve(target).resolve("hostfn.elf")).translate(translate).build();
        assertTrue(machine.simulateQuietly(1_000_000));
        assertEquals(0, machine.exitStatus(), "100 + the first failed check");
        assertEquals("ababcdef", new String(machine.copyFromGuest(0x0810_0004, machine.memView(0x0810_0000, 4).getInt(0)),
                StandardCharsets.UTF_8));

        Machine faulting = ready(target, translate);
        faulting.cpu().x[10] = 0x100;   // memset(ROM + 0x100, 0, 4): the guest may not write ROM
        faulting.cpu().x[12] = 4;
        faulting.cpu().x[17] = 511;
        faulting.cpu().x[5] = 511;
        assertThrows(GuestFault.class, () -> faulting.systemCalls().dispatch(faulting, 511));
    }

    static Stream<String> targets() {
        return Stream.of("rv32i", "rv32e", "rv32gc");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aLayoutThatMapsTheHostReturnAddressIsRefused(String target) throws IOException {
        var layout = dev.rvjar.memory.MemoryLayout.parse("rom@0:1M:rx,top@0xFFFF0000:64K:rw");
        assertThrows(IllegalArgumentException.class, () -> Machine.builder()
                .rom(BUILD.resolve(target).resolve("embed.elf")).layout(layout).build());
    }
}
