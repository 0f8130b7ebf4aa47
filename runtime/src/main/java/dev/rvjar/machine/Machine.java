package dev.rvjar.machine;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.image.Segment;
import dev.rvjar.interp.Interpreter;
import dev.rvjar.memory.GuestView;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.memory.Memory;
import dev.rvjar.memory.MemoryLayout;
import dev.rvjar.memory.Region;
import dev.rvjar.syscall.SystemCall;
import dev.rvjar.syscall.SystemCalls;
import dev.rvjar.translated.PrecompiledProgram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One RISC-V hart with its memory: the embedding API, shaped like libriscv's {@code Machine}.
 *
 * <ul>
 * <li>Loading: {@link #builder()} with a ROM file (flat, ELF or precompiled jar), the MCU memory map
 *     unless a layout is given, interpreted or translated to JVM bytecode.
 * <li>Running: {@link #simulate(long)} runs the guest for an instruction budget and throws
 *     {@link MachineTimeoutException} when it runs out; {@link #simulateQuietly(long)} returns
 *     {@code false} instead; {@link #resume(long)} continues with more budget. The guest stops
 *     through an exit system call, a jump to itself, or {@link #stop()} (from a host function),
 *     and stays callable.
 * <li>Calling into the guest: {@link #vmcall(String, Object...)} and its variants with the C
 *     calling convention, {@link #preempt} from inside a host function.
 * <li>Host functions: {@link #installSyscallHandler}, with {@link #sysarg(int)} and
 *     {@link #setResult(int)}.
 * <li>Guest memory: {@link #memString}, {@link #memView}, {@link #copyToGuest}, {@link #copyFromGuest}.
 * <li>Snapshots: {@link #snapshot()}, {@link #restore(byte[])} and {@link #fork()}.
 * </ul>
 *
 * A guest fault escapes as {@link GuestFault} with the state exact at the faulting instruction,
 * unless the {@link Environment} says it traps to the guest's own handler (see {@link Traps}); the
 * machine stays usable after a fault and after its budget ran out.
 */
public final class Machine {
    /** Register that holds the system call number: a7, or t0 on RV32E. */
    private static final int A7 = 17;
    private static final int T0 = 5;
    private static final int A0 = 10;
    private static final int A1 = 11;

    /**
     * Where a call from the host returns to: the guest function's {@code ra}. Reaching it during
     * a call ends the call; at any other time it is an unmapped address like any other.
     */
    public static final int HOST_RETURN = 0xFFFF_F000;
    /** The instruction budget of every {@link #vmcall} unless {@link Builder#callBudget} says otherwise. */
    public static final long DEFAULT_CALL_BUDGET = 100_000_000L;

    private final Cpu cpu = new Cpu();
    private final Memory memory;
    private final SystemCalls systemCalls;
    /**
     * Made on first use: a ROM that runs wholly translated never needs it, and its decode tables
     * (two megabytes for the ROM region) would cost the start-up of every precompiled call.
     */
    private Interpreter interpreter;
    private final boolean rv32e;
    private final Environment environment;
    private final RomImage image;
    /** The pc at reset. */
    private final int entry;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private TranslatedCode translated;
    /** Attaches this machine's translated code to a fork; null when it interprets. */
    private final Function<Machine, TranslatedCode> code;
    private long callBudget;
    /** Calls from the host under way: at {@link #HOST_RETURN} with one under way, the innermost returns. */
    private int calls;
    /** A call set up by {@link #setupCall} whose return to {@link #HOST_RETURN} stops the guest. */
    private boolean callSetUpByHand;
    private long maxInstructions;
    /** Instructions charged by {@link #penalize}: counted, never executed. */
    private long penalty;
    private int returnA0;
    private int returnA1;
    private long returnFa0;
    private boolean stopped;
    private int exitStatus;
    /** The counter when the last trap was taken, to catch a handler that faults before retiring anything. */
    private long instretAtLastTrap = -1;

    private Machine(Builder builder) {
        this.memory = new Memory(builder.regions);
        this.systemCalls = new SystemCalls();
        this.rv32e = builder.rv32e;
        cpu.rv32e = rv32e;
        this.environment = builder.environment;
        this.image = builder.image;
        this.stdout = builder.stdout;
        this.stderr = builder.stderr;
        if (image != null) {
            for (Segment segment : image.segments()) {
                place(segment);
            }
        }
        this.entry = builder.entry;
        resetCpu();
        if (memory.regionAt(HOST_RETURN) != null) {
            throw new IllegalArgumentException(String.format("the memory map must leave 0x%08x (the host return address) unmapped", HOST_RETURN));
        }
        this.callBudget = builder.callBudget;
        this.code = builder.code(image);
        if (code != null) {
            useTranslatedCode(code.apply(this));
        }
    }

    /** A fork: shares {@code parent}'s read-only regions, program and translated code, copies the rest. */
    private Machine(Machine parent) {
        List<Region> regions = new ArrayList<>();
        for (Region region : parent.memory.regions()) {
            regions.add(region.writable() ? copy(region) : region);
        }
        this.memory = new Memory(regions);
        for (Region buffer : parent.memory.mapped()) {
            memory.map(buffer);
        }
        this.systemCalls = parent.systemCalls.copy();
        this.rv32e = parent.rv32e;
        this.environment = parent.environment;
        this.image = parent.image;
        this.entry = parent.entry;
        this.stdout = parent.stdout;
        this.stderr = parent.stderr;
        this.callBudget = parent.callBudget;
        this.code = parent.code;
        cpu.copyFrom(parent.cpu);
        this.stopped = parent.stopped;
        this.exitStatus = parent.exitStatus;
        this.maxInstructions = parent.maxInstructions;
        if (code != null) {
            useTranslatedCode(code.apply(this));
        }
    }

    private static Region copy(Region region) {
        Region copy = new Region(region.name(), region.base(), region.size(), region.readable(), region.writable(), region.executable());
        copy.write(0, region.contents());
        return copy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Puts the hart back into its state after reset, as every call of the contract starts: every
     * register, CSR and counter zero, pc at the entry, not stopped, no exit status, no load
     * reservation. Memory, the translated code and the host functions stay as they are: a host that
     * runs many calls on one machine (rvjar serve) reloads RAM, IN and OUT itself, and saves
     * building a machine (its regions and page tables) per call.
     */
    public void reset() {
        resetCpu();
        stopped = false;
        exitStatus = 0;
        maxInstructions = 0;
        penalty = 0;
        instretAtLastTrap = -1;
        returnA0 = 0;
        returnA1 = 0;
        returnFa0 = 0;
    }

    private void resetCpu() {
        cpu.reset();
        cpu.pc = entry;
        if (environment == Environment.MCU) {
            // The contract's ROMs use floating point without switching the unit on: it starts Initial.
            cpu.mstatus = 1 << 13;
        }
    }

    private void place(Segment segment) {
        Region region = memory.regionAt(segment.address());
        long end = Integer.toUnsignedLong(segment.address()) + segment.bytes().length;
        if (region == null || end > Integer.toUnsignedLong(region.base()) + region.size()) {
            throw new RomFormatException(String.format("%d bytes at 0x%08x do not fit the memory map",
                    segment.bytes().length, segment.address()));
        }
        region.write(segment.address() - region.base(), segment.bytes());
    }

    public Cpu cpu() {
        return cpu;
    }

    public Memory memory() {
        return memory;
    }

    public SystemCalls systemCalls() {
        return systemCalls;
    }

    /** The program the machine was built with, or null. */
    public RomImage image() {
        return image;
    }

    /** Whether the machine runs in strict RV32E mode: x16-x31 are illegal, the syscall number is in t0. */
    public boolean rv32e() {
        return rv32e;
    }

    public Environment environment() {
        return environment;
    }

    public OutputStream stdout() {
        return stdout;
    }

    public OutputStream stderr() {
        return stderr;
    }

    /** Lets the machine run translated code wherever it has some; null goes back to interpreting only. */
    public void useTranslatedCode(TranslatedCode code) {
        this.translated = code;
    }

    /** The interpreter that runs whatever has no translated code. */
    public Interpreter interpreter() {
        if (interpreter == null) {
            interpreter = new Interpreter(this);
        }
        return interpreter;
    }

    public TranslatedCode translatedCode() {
        return translated;
    }

    /**
     * Runs the guest until it stops or its counter reaches {@code maxInstructions}, counting from
     * zero: like libriscv, every simulation starts a fresh {@link #instructionCounter()} (the
     * guest's own {@code cycle} and {@code instret} keep counting since reset). The limit is
     * checked at the end of each basic block, so a run may end up to one block later.
     *
     * @throws MachineTimeoutException when the budget ran out before the guest stopped
     * @throws GuestFault when the guest faults
     */
    public void simulate(long maxInstructions) throws MachineTimeoutException {
        if (!simulateQuietly(maxInstructions)) {
            throw new MachineTimeoutException(instructionCounter(), cpu.pc);
        }
    }

    /**
     * Like {@link #simulate(long)}, but returns {@code false} instead of throwing when the budget
     * runs out, and {@code true} when the guest stopped.
     */
    public boolean simulateQuietly(long maxInstructions) {
        restartCounter();
        return resume(maxInstructions);
    }

    private void restartCounter() {
        cpu.cycleOffset += cpu.instret;
        cpu.instretOffset += cpu.instret;
        cpu.instret = 0;
        penalty = 0;
        instretAtLastTrap = -1;
    }

    /**
     * Continues the guest for {@code instructions} more, keeping the counter: after a stop, after
     * the budget ran out, or after a fault the guest's trap handler did not take (the pc is then
     * at the faulting instruction). Returns {@code true} when the guest stopped, {@code false}
     * when the budget ran out.
     */
    public boolean resume(long instructions) {
        return run(instructions, null);
    }

    /** {@link #resume}, entering translated code through {@code first} when the pc is (still) there. */
    private boolean run(long instructions, TranslatedCode.CallEntry first) {
        if (instructions < 0) {
            throw new IllegalArgumentException("negative instruction budget");
        }
        stopped = false;
        long limit = cpu.instret + instructions;
        cpu.limit = limit < cpu.instret ? Long.MAX_VALUE : limit;
        maxInstructions = cpu.limit + penalty;
        while (!stopped && cpu.instret < cpu.limit) {
            if (returnedToHost()) {
                break;
            }
            try {
                // translated code runs the interpreter itself where it has no region, so the code
                // map is looked up there alone; HOST_RETURN outside a call is an unmapped address,
                // which the interpreter faults at
                if (translated != null && cpu.pc != HOST_RETURN) {
                    TranslatedCode.CallEntry entry = first;
                    first = null;
                    translated.run(this, entry);
                } else {
                    interpreter().run();
                }
            } catch (GuestFault fault) {
                if (!trap(fault)) {
                    throw fault;
                }
            }
        }
        if (returnedToHost()) {
            stopped = true;
            if (calls == 0) {
                callSetUpByHand = false;
                keepReturnValue();
            }
        }
        return stopped;
    }

    private boolean returnedToHost() {
        return cpu.pc == HOST_RETURN && (calls > 0 || callSetUpByHand);
    }

    private void keepReturnValue() {
        returnA0 = cpu.x[A0];
        returnA1 = cpu.x[A1];
        returnFa0 = cpu.f[CallFrame.FA0];
    }

    /**
     * Delivers an exception to the guest's trap handler when the environment says so: always on
     * bare metal, and on the MCU once the guest has written mtvec. A handler that faults again
     * before retiring a single instruction would loop for ever, so that fault stops the guest.
     */
    private boolean trap(GuestFault fault) {
        boolean delivered = environment == Environment.BARE_METAL || cpu.mtvecWritten;
        if (!delivered || cpu.instret == instretAtLastTrap && fault.pc() == cpu.mtvec) {
            return false;
        }
        instretAtLastTrap = cpu.instret;
        Traps.enter(cpu, fault);
        return true;
    }

    /**
     * Instructions retired since the last {@link #simulate} (or {@link #vmcall}) began, plus what
     * {@link #penalize} charged.
     */
    public long instructionCounter() {
        return cpu.instret + penalty;
    }

    /** The counter value at which the current or last run stops for its budget. */
    public long maxInstructions() {
        return maxInstructions;
    }

    /**
     * Charges {@code instructions} to the running budget and the counter without executing any:
     * for host functions whose work should cost the guest (the guest's own counters do not see it).
     */
    public void penalize(long instructions) {
        penalty += instructions;
        cpu.limit -= instructions;
    }

    /** Stops the guest at the end of the current instruction (from a system call or host function). */
    public void stop() {
        stopped = true;
        cpu.limit = 0;
    }

    /** Whether the last run ended because the guest stopped (exit, jump to itself, {@link #stop()} or a call's return). */
    public boolean stopped() {
        return stopped;
    }

    /** Whether the last run ended because the budget ran out (not because the guest stopped). */
    public boolean instructionLimitReached() {
        return !stopped && cpu.instret >= cpu.limit;
    }

    /** Stops the guest with an exit status, as the exit system calls and a jump to itself do. */
    public void exit(int status) {
        exitStatus = status;
        stop();
    }

    public int exitStatus() {
        return exitStatus;
    }

    /**
     * Carries out the ecall at the current pc. In the MCU environment it is a system call: the
     * number is in a7; on RV32E (and for a flat RV32E image in a machine not told so: a7 is then
     * never written and reads zero) it is in t0. On bare metal it is an environment-call exception.
     */
    public void environmentCall() {
        if (environment == Environment.BARE_METAL) {
            throw GuestFault.of(FaultKind.ENVIRONMENT_CALL, cpu.pc, 0);
        }
        int number = rv32e || cpu.x[A7] == 0 ? cpu.x[T0] : cpu.x[A7];
        systemCalls.dispatch(this, number);
    }

    /** The guest stopped by jumping to itself: status a0, as the contract says. */
    public void jumpedToItself() {
        exit(cpu.x[A0]);
    }

    // ------------------------------------------------------------ calling into the guest

    /** The address of {@code symbol} in the program's symbol table, or 0 when it has none. */
    public int addressOf(String symbol) {
        return image == null ? 0 : image.addressOf(symbol).orElse(0);
    }

    /**
     * The guest function {@code name}, looked up once for repeated calls: on a translated machine
     * its calls then enter the function's translated region directly (see {@link GuestFunction}).
     */
    public GuestFunction function(String name) {
        int address = addressOf(name);
        if (address == 0) {
            throw new IllegalArgumentException("no symbol " + name + " in the program");
        }
        return new GuestFunction(name, address);
    }

    /** The instruction budget of each {@link #vmcall}; {@link Long#MAX_VALUE} asks for none. */
    public void callBudget(long instructions) {
        if (instructions < 0) {
            throw new IllegalArgumentException("negative instruction budget");
        }
        this.callBudget = instructions;
    }

    public long callBudget() {
        return callBudget;
    }

    /**
     * Calls the guest function {@code name} with the C calling convention (see {@link #setupCall})
     * and returns its {@code int} result; {@link #returnLong()}, {@link #returnFloat()} and
     * {@link #returnDouble()} read the other kinds of result. The call runs on the guest's stack
     * below its current stack pointer, for at most {@link #callBudget()} instructions, and returns
     * when the function returns (or the guest stops); pc and stack pointer are then as before, so
     * the guest stays callable, also after a fault or timeout.
     *
     * @throws MachineTimeoutException when the budget runs out first
     * @throws GuestFault when the guest faults
     * @throws IllegalArgumentException when the program has no such symbol
     */
    public int vmcall(String name, Object... args) throws MachineTimeoutException {
        // by address: an entry for a function looked up per call would be made (and bootstrapped) per call
        return vmcall(function(name).address(), args);
    }

    /** {@link #vmcall(String, Object...)} for a function looked up before. */
    public int vmcall(GuestFunction function, Object... args) throws MachineTimeoutException {
        return call(function.address(), entry(function), args, 0, 0);
    }

    /**
     * {@link #vmcall(GuestFunction, Object...)} of a function without arguments, for calls in a
     * hot loop: nothing to box or copy, so the call allocates nothing.
     */
    public int vmcall(GuestFunction function) throws MachineTimeoutException {
        return call(function.address(), entry(function), null, 0, 0);
    }

    /** {@link #vmcall(GuestFunction)} with one {@code int} argument, passed in a0 without boxing. */
    public int vmcall(GuestFunction function, int a0) throws MachineTimeoutException {
        return call(function.address(), entry(function), null, a0, 0);
    }

    /** {@link #vmcall(GuestFunction)} with two {@code int} arguments, passed in a0 and a1 without boxing. */
    public int vmcall(GuestFunction function, int a0, int a1) throws MachineTimeoutException {
        return call(function.address(), entry(function), null, a0, a1);
    }

    /** {@link #vmcall(String, Object...)} for the function at {@code address} (a function pointer the guest handed over). */
    public int vmcall(int address, Object... args) throws MachineTimeoutException {
        return call(address, null, args, 0, 0);
    }

    /** Where a call of {@code function} enters the translated code, or null when the machine interprets. */
    private TranslatedCode.CallEntry entry(GuestFunction function) {
        return translated == null ? null : function.entryIn(translated);
    }

    /**
     * A call of {@code address} (entered through {@code entry} when not null) with {@code args}, or
     * when it is null with a0 and a1 alone (unused ones are harmless: caller-saved).
     */
    private int call(int address, TranslatedCode.CallEntry entry, Object[] args, int a0, int a1) throws MachineTimeoutException {
        int pc = cpu.pc;
        int sp = cpu.x[CallFrame.SP];
        calls++;
        try {
            if (args == null) {
                CallFrame.setUpIntegers(this, address, HOST_RETURN, a0, a1);
            } else {
                CallFrame.setUp(this, address, HOST_RETURN, args);
            }
            restartCounter();
            if (!run(callBudget, entry)) {
                throw new MachineTimeoutException(instructionCounter(), cpu.pc);
            }
            keepReturnValue();
            return returnA0;
        } finally {
            calls--;
            cpu.pc = pc;
            cpu.x[CallFrame.SP] = sp;
        }
    }

    /**
     * Like {@link #vmcall(int, Object...)} with a budget of {@code maxInstructions}, but saves the
     * whole hart state first and restores it after, however the call ends: for calls from inside a
     * host function, whose guest must continue as if nothing had happened.
     */
    public int preempt(long maxInstructions, int address, Object... args) throws MachineTimeoutException {
        Cpu saved = new Cpu();
        saved.copyFrom(cpu);
        boolean wasStopped = stopped;
        long savedMax = this.maxInstructions;
        long savedPenalty = penalty;
        long savedBudget = callBudget;
        callBudget = maxInstructions;
        try {
            return vmcall(address, args);
        } finally {
            callBudget = savedBudget;
            cpu.copyFrom(saved);
            stopped = wasStopped;
            this.maxInstructions = savedMax;
            penalty = savedPenalty;
        }
    }

    /** {@link #preempt(long, int, Object...)} for the function {@code name}. */
    public int preempt(long maxInstructions, String name, Object... args) throws MachineTimeoutException {
        return preempt(maxInstructions, function(name).address(), args);
    }

    /**
     * Sets up a call of the function at {@code address} without running it: arguments as the
     * RISC-V C calling convention says (ilp32, ilp32e, or ilp32f/ilp32d as the ELF header says,
     * non-variadic): {@code int}, {@code short}, {@code byte}, {@code char} and {@code boolean}
     * in a0-a7 (a0-a5 on RV32E) then on the stack; {@code long} in a register pair, low word first;
     * {@code float} and {@code double} in fa0-fa7 when the convention has them, else like
     * integers; a {@link String} (UTF-8, NUL-terminated), a {@code byte[]} or a record of
     * primitives (a C struct, natural alignment) copied onto the stack and passed by address; a
     * {@link GuestFunction} as its address. The return address is {@link #HOST_RETURN}. Then
     * {@link #simulate} runs the call and returns, the machine {@link #stopped()}, when the function
     * returns there; {@link #returnLong()} and the other readers (or a0, a1 and fa0) have the result.
     * Unlike {@link #vmcall}, pc and stack pointer are left where the call ended. Without a call
     * set up, {@link #HOST_RETURN} is an unmapped address the guest faults at.
     */
    public void setupCall(int address, Object... args) {
        CallFrame.setUp(this, address, HOST_RETURN, args);
        callSetUpByHand = true;
    }

    /** The last call's result as a {@code long} (a0 low, a1 high). */
    public long returnLong() {
        return Integer.toUnsignedLong(returnA0) | (long) returnA1 << 32;
    }

    /** The last call's result as a {@code float} (fa0, or a0 when the convention passes floats in integer registers). */
    public float returnFloat() {
        boolean hard = image != null && image.floatArgumentBits() >= 32;
        return Float.intBitsToFloat(hard ? (int) returnFa0 : returnA0);
    }

    /** The last call's result as a {@code double} (fa0 under ilp32d, else a0 and a1). */
    public double returnDouble() {
        boolean hard = image != null && image.floatArgumentBits() >= 64;
        return Double.longBitsToDouble(hard ? returnFa0 : returnLong());
    }

    // ------------------------------------------------------------------- host functions

    /** Installs (or replaces) the host function for system call {@code number}; see {@link SystemCalls#install}. */
    public void installSyscallHandler(int number, SystemCall handler) {
        systemCalls.install(number, handler);
    }

    /** System call argument {@code n} (a0 is 0) as an {@code int}. */
    public int sysarg(int n) {
        return cpu.x[A0 + n];
    }

    /** System call arguments {@code n} and {@code n + 1} as a {@code long}, low word first. */
    public long sysargLong(int n) {
        return Integer.toUnsignedLong(cpu.x[A0 + n]) | (long) cpu.x[A0 + n + 1] << 32;
    }

    /** The NUL-terminated string that system call argument {@code n} points to, at most {@code maxLength} bytes. */
    public String sysargString(int n, int maxLength) {
        return memString(sysarg(n), maxLength);
    }

    /** The result of the current system call (a0). */
    public void setResult(int value) {
        cpu.x[A0] = value;
    }

    /** A {@code long} result of the current system call (a0 low, a1 high). */
    public void setResult(long value) {
        cpu.x[A0] = (int) value;
        cpu.x[A1] = (int) (value >>> 32);
    }

    // ---------------------------------------------------------------------- guest memory

    /**
     * The NUL-terminated UTF-8 string at {@code address}, read with the guest's rights; at most
     * {@code maxLength} bytes (then cut there).
     *
     * @throws GuestFault where a byte before the end is unreadable
     */
    public String memString(int address, int maxLength) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < maxLength; i++) {
            int b = memory.loadByteUnsigned(address + i);
            if (b == 0) {
                break;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * A live, checked, read-only view of {@code length} guest bytes at {@code address} (see
     * {@link GuestView}: it reads through memory, never copies; {@link GuestView#toByteArray()}
     * copies). The range must lie in one readable region.
     */
    public GuestView memView(int address, int length) {
        return new GuestView(memory, address, length, false);
    }

    /** Like {@link #memView}, writable: the range must lie in one region the guest may write. */
    public GuestView writableMemView(int address, int length) {
        return new GuestView(memory, address, length, true);
    }

    /** Copies {@code bytes} to guest memory at {@code address}, with the guest's write rights. */
    public void copyToGuest(int address, byte[] bytes) {
        memory.write(address, bytes);
    }

    /** Copies {@code length} bytes of guest memory at {@code address} out, with the guest's read rights. */
    public byte[] copyFromGuest(int address, int length) {
        return memory.read(address, length);
    }

    /**
     * Shares host-owned words with the guest, without a copy: maps {@code pages} (see
     * {@link Region#Region(String, int, int[][], boolean)}: 64 KiB pages of little-endian words,
     * the last possibly shorter) at {@code address}, which must be page-aligned with every page
     * it covers unmapped. The guest reads them (and writes them if {@code writable}; never runs
     * code there) with its ordinary loads and stores, interpreted or translated, while the host
     * reads and writes the arrays directly. The buffer stays the host's: snapshots leave it out
     * (a restore does not change it), and forks map the same arrays.
     *
     * @return the region, for {@link #unshare} and for copies in and out
     * @throws IllegalArgumentException when the address is not page-aligned, a page is mapped
     *     already (or is the page of {@link #HOST_RETURN}), or a page has the wrong length
     */
    public Region share(int address, int[][] pages, boolean writable) {
        Region buffer = new Region(String.format("shared@0x%08x", address), address, pages, writable);
        if (buffer.contains(HOST_RETURN)) {
            throw new IllegalArgumentException(String.format("0x%08x (the host return address) must stay unmapped", HOST_RETURN));
        }
        memory.map(buffer);
        return buffer;
    }

    /** Takes a buffer {@link #share} mapped out of the guest's address space: the guest's accesses to it fault from now on. */
    public void unshare(Region buffer) {
        memory.unmap(buffer);
    }

    // ------------------------------------------------------------------------- snapshots

    /** The whole machine state as bytes: registers, counters, CSRs, and every writable region's contents. */
    public byte[] snapshot() {
        return Snapshots.write(this);
    }

    /**
     * Puts the machine back into the state {@code snapshot} holds (taken of this machine or one
     * with the same memory map and program).
     *
     * @throws IllegalArgumentException when the snapshot does not fit this machine
     */
    public void restore(byte[] snapshot) {
        Snapshots.read(this, snapshot);
    }

    /** Whether the machine stopped, and its exit status, for snapshots. */
    void restoreStatus(boolean stopped, int exitStatus) {
        this.stopped = stopped;
        this.exitStatus = exitStatus;
    }

    /**
     * A copy of this machine that runs independently: it shares the read-only regions (the ROM),
     * the program and its translated classes, and the host functions installed so far (as a copy of
     * the table), and copies the writable regions now (eagerly).
     */
    public Machine fork() {
        return new Machine(this);
    }

    /**
     * Builds a {@link Machine}: a program ({@link #rom(Path)} or {@link #image(RomImage)}), a
     * memory layout (the contract's MCU map unless said otherwise), how code runs (interpreted,
     * translated with {@link #translate(boolean)}, or precompiled), and where output goes.
     */
    public static final class Builder {
        private List<Region> regions;
        private RomImage image;
        private int entry;
        private boolean rv32e;
        private Environment environment = Environment.MCU;
        private OutputStream stdout = new PrintStream(System.out, true);
        private OutputStream stderr = new PrintStream(System.err, true);
        private boolean translate;
        private PrecompiledProgram precompiled;
        private long callBudget = DEFAULT_CALL_BUDGET;

        private Builder() {
        }

        public Builder regions(List<Region> regions) {
            this.regions = List.copyOf(regions);
            return this;
        }

        public Builder image(RomImage image) {
            this.image = image;
            return this;
        }

        /**
         * The program in {@code file}: a flat image, an ELF file (its loadable segments, its symbols),
         * or a jar made by {@code rvjar compile}, whose precompiled code the machine then runs.
         *
         * @throws IOException when the file cannot be read or a jar holds no precompiled program
         * @throws dev.rvjar.image.RomFormatException when an ELF file is malformed
         */
        public Builder rom(Path file) throws IOException {
            if (PrecompiledProgram.isJar(file)) {
                return precompiled(PrecompiledProgram.open(file));
            }
            return image(RomImage.read(file));
        }

        /** A program precompiled by {@code rvjar compile}: its image, and its translated code for every call. */
        public Builder precompiled(PrecompiledProgram program) {
            this.precompiled = program;
            this.rv32e |= program.rv32e();
            return image(program.image());
        }

        /**
         * Whether to translate the program to JVM bytecode when the machine is built (it needs
         * {@code rvjar-translator} on the class path; see {@link CodeTranslator}). Off by default:
         * the interpreter then runs everything, except a precompiled program's code.
         */
        public Builder translate(boolean translate) {
            this.translate = translate;
            return this;
        }

        /** The instruction budget of every {@link Machine#vmcall} ({@link Machine#DEFAULT_CALL_BUDGET} unless said otherwise). */
        public Builder callBudget(long instructions) {
            this.callBudget = instructions;
            return this;
        }

        /** The pc at reset (0 unless said otherwise). */
        public Builder entry(int entry) {
            this.entry = entry;
            return this;
        }

        /** The execution environment (the MCU of the contract unless said otherwise). */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        /** Lays memory out as {@code layout} says, with fresh zeroed regions (the MCU map unless said otherwise). */
        public Builder layout(MemoryLayout layout) {
            return regions(layout.regions());
        }

        public Builder rv32e(boolean rv32e) {
            this.rv32e = rv32e;
            return this;
        }

        public Builder stdout(OutputStream stdout) {
            this.stdout = Objects.requireNonNull(stdout);
            return this;
        }

        public Builder stderr(OutputStream stderr) {
            this.stderr = Objects.requireNonNull(stderr);
            return this;
        }

        public Machine build() {
            if (regions == null) {
                regions = McuLayout.regions();
            }
            rv32e |= image != null && image.rv32e();
            return new Machine(this);
        }

        /** What attaches translated code to the machine being built: precompiled, translated now, or none. */
        private Function<Machine, TranslatedCode> code(RomImage image) {
            if (precompiled != null) {
                return precompiled::attach;
            }
            if (translate && image != null) {
                return CodeTranslator.find().translate(image, regions, rv32e);
            }
            return null;
        }
    }
}
