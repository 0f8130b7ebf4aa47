package dev.rvjar.machine;

import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.image.Segment;
import dev.rvjar.interp.Interpreter;
import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;
import dev.rvjar.syscall.SystemCalls;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * One RISC-V hart with its memory, shaped like libriscv's {@code Machine}: {@link #simulate(long)}
 * runs the guest for an instruction budget and throws {@link MachineTimeoutException} when the
 * budget runs out; {@link #simulateQuietly(long)} does the same without the exception. The guest
 * stops through an exit system call, a jump to itself, or {@link #stop()}; a guest fault escapes
 * from both as {@link GuestFault} with the state exact at the faulting instruction, unless the
 * {@link Environment} says it traps to the guest's own handler (see {@link Traps}).
 */
public final class Machine {
    /** Register that holds the system call number: a7, or t0 on RV32E. */
    private static final int A7 = 17;
    private static final int T0 = 5;
    private static final int A0 = 10;

    private final Cpu cpu = new Cpu();
    private final Memory memory;
    private final SystemCalls systemCalls = new SystemCalls();
    /**
     * Made on first use: a ROM that runs wholly translated never needs it, and its decode tables
     * (two megabytes for the ROM region) would cost the start-up of every precompiled call.
     */
    private Interpreter interpreter;
    private final boolean rv32e;
    private final Environment environment;
    private final RomImage image;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private TranslatedCode translated;
    private boolean stopped;
    private int exitStatus;
    /** The counter when the last trap was taken, to catch a handler that faults before retiring anything. */
    private long instretAtLastTrap = -1;

    private Machine(Builder builder) {
        this.memory = new Memory(builder.regions);
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
        cpu.pc = builder.entry;
        if (environment == Environment.MCU) {
            // The contract's ROMs use floating point without switching the unit on: it starts Initial.
            cpu.mstatus = 1 << 13;
        }
    }

    public static Builder builder() {
        return new Builder();
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
     * Runs at most {@code maxInstructions} more instructions (the limit is checked at the end of
     * each basic block, so a run may end up to one block later).
     *
     * @throws MachineTimeoutException when the budget ran out before the guest stopped
     * @throws GuestFault when the guest faults
     */
    public void simulate(long maxInstructions) throws MachineTimeoutException {
        if (!simulateQuietly(maxInstructions)) {
            throw new MachineTimeoutException(cpu.instret, cpu.pc);
        }
    }

    /**
     * Like {@link #simulate(long)}, but returns {@code false} instead of throwing when the budget
     * runs out, and {@code true} when the guest stopped.
     */
    public boolean simulateQuietly(long maxInstructions) {
        if (maxInstructions < 0) {
            throw new IllegalArgumentException("negative instruction budget");
        }
        stopped = false;
        long limit = cpu.instret + maxInstructions;
        cpu.limit = limit < cpu.instret ? Long.MAX_VALUE : limit;
        while (!stopped && cpu.instret < cpu.limit) {
            try {
                if (translated != null && translated.hasCodeAt(cpu.pc)) {
                    translated.run(this);
                } else {
                    interpreter().run();
                }
            } catch (GuestFault fault) {
                if (!trap(fault)) {
                    throw fault;
                }
            }
        }
        return stopped;
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

    /** Instructions retired since reset. */
    public long instructionCounter() {
        return cpu.instret;
    }

    /** Stops the guest at the end of the current instruction (from a system call or host function). */
    public void stop() {
        stopped = true;
        cpu.limit = 0;
    }

    public boolean stopped() {
        return stopped;
    }

    /** Whether the last simulation ended because the budget ran out (not because the guest stopped). */
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

    /** Builds a {@link Machine}: a memory layout, optionally a program to place in it, and where output goes. */
    public static final class Builder {
        private List<Region> regions;
        private RomImage image;
        private int entry;
        private boolean rv32e;
        private Environment environment = Environment.MCU;
        private OutputStream stdout = new PrintStream(System.out, true);
        private OutputStream stderr = new PrintStream(System.err, true);

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

        /** Lays memory out as {@code layout} says, with fresh zeroed regions. */
        public Builder layout(dev.rvjar.memory.MemoryLayout layout) {
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
            Objects.requireNonNull(regions, "regions");
            return new Machine(this);
        }
    }
}
