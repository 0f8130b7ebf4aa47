package dev.rvjar.emit;

import dev.rvjar.translate.BasicBlock;
import dev.rvjar.translated.FaultSites;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.objectweb.asm.Opcodes.*;

/**
 * The region method being written, as instruction emitters see it: guest registers, the pending
 * instruction count, the shared exits and the per-instruction fault handlers. The local variable
 * layout is documented on {@link RegionEmitter}.
 */
final class RegionMethod {
    static final int MACHINE = 0;
    static final int PC = 1;
    static final int CPU = 2;
    static final int X = 3;
    static final int MEMORY = 4;
    static final int INSTRET = 5;
    /** {@code cpu.f}, in regions with F or D instructions. */
    static final int F = 7;
    /** The dynamic rounding mode ({@code frm}, checked), once an instruction of the current block has resolved it. */
    static final int ROUNDING_MODE = 8;
    static final int FAULT = 9;
    static final int TEMP = 10;
    /** How many linked calls deep this region method runs (the method's int parameter, slot 1, copied). */
    static final int DEPTH = 11;
    /** {@code memory.homeLoadWords()}, for every load and store (see {@link AccessSites}). */
    static final int HOME_WORDS = 12;
    /** Guest register xN (N = 1..31) lives in local {@code REGISTERS + N}. */
    static final int REGISTERS = 13;
    /** Floating-point register fN held as a double lives in locals {@code FLOAT_REGISTERS + 2N} and the next. */
    static final int FLOAT_REGISTERS = REGISTERS + 32;

    static final String MACHINE_TYPE = "dev/rvjar/machine/Machine";
    static final String CPU_TYPE = "dev/rvjar/machine/Cpu";
    static final String MEMORY_TYPE = "dev/rvjar/memory/Memory";
    static final String FAULT_TYPE = "dev/rvjar/fault/GuestFault";
    static final String FAULT_SITES_TYPE = "dev/rvjar/translated/FaultSites";

    /**
     * Enough for the deepest operand stack any emitter builds (a fused multiply-add of doubles: the
     * register array and index, three longs, rounding mode and Cpu, ten slots).
     */
    static final int MAX_STACK = 12;

    final MethodVisitor mv;
    private final Map<Integer, Label> blockLabels;
    /** The locals every jump target has: the fixed ones and every register the region uses. */
    private final Object[] frameLocals;
    /** The same with the scratch int live (only where an exit's result is pending). */
    private final Object[] frameLocalsWithResult;
    /** The guest registers kept in locals (bit n = xn); the rest the region uses stay in {@code cpu.x}. */
    private final int locals;
    /** The registers written back where the method is left: locals it writes, not temporaries. */
    private final int written;
    /** The floating-point registers held as doubles in locals (bit n = fn); the rest stay in {@code cpu.f}. */
    private final int floatLocals;
    /** Those of {@link #floatLocals} the region writes: written back wherever it is left or calls out. */
    private final int floatWritten;
    /** Instructions of the current block retired since {@code instret} was last brought up to date. */
    private int pending;
    /**
     * The region's temporaries (see {@link RegionEmitter}): registers whose value no block reads
     * before writing it, kept in {@code cpu.x} at every block end instead of written back at exits.
     */
    private final int temporaries;
    /** Temporaries the current block has written since {@code cpu.x} last got them. */
    private int unsavedTemporaries;
    /** Whether an F or D instruction of the current block has already checked mstatus.FS. */
    private boolean fpuCheckedInBlock;
    /** Whether an instruction of the current block has already resolved the dynamic rounding mode. */
    private boolean roundingModeInBlock;
    /** The floating-point registers this block has written a NaN-boxed single into, one bit each. */
    private int boxedSinglesInBlock;
    /** Where the current block's jumps to a loop's head go instead of its label (see {@link #loopBackTo}). */
    private final Map<Integer, Label> loopBacks = new HashMap<>();

    // shared code at the end of the method, each emitted once
    final Label dispatch = new Label();
    final Label exitContinue = new Label();
    final Label exitLimit = new Label();
    final Label selfJump = new Label();
    final Label faultCommon = new Label();
    final Label ecall = new Label();
    final Label callCommon = new Label();
    final Label afterCall = new Label();

    private final Map<Integer, Label> continueStubs = new HashMap<>();
    private final Map<Integer, Label> limitStubs = new HashMap<>();
    private final Map<Integer, Label> selfJumpStubs = new HashMap<>();
    private final FaultSites faultSites = new FaultSites();
    private final List<FaultStub> faultStubs = new ArrayList<>();
    private boolean ecallUsed;
    /** The region classes this method calls directly, in order of first use. */
    private final List<String> callees = new ArrayList<>();
    /** The callees of the shared call code ({@link #callCommon}): a callee's number is its index. */
    private final List<String> sharedCallees = new ArrayList<>();
    /** The exits of linked calls (the callee stopped, a fault escaped it), one pair per sync. */
    private final Map<CallSync, CallExits> callExits = new LinkedHashMap<>();
    /**
     * For each link register, the return addresses in this region of the {@code jal}s that link it
     * (for ra, only the calls of copied routines): where a copied routine returns through it
     * ({@code jr t0}, or a copied leaf function's {@code ret}).
     */
    private final Map<Integer, List<Integer>> linkReturns;
    /** The blocks of other regions this one has copies of ({@code InlinedRoutines}). */
    private final List<BasicBlock> copies;
    /** Whether a {@code jal} that links gets call code of its own (see {@link #callReturningTo}). */
    private final boolean directReturns;
    private final String owner;

    /** An instruction's own handler: pushes its {@link FaultSites} number and goes on at {@link #faultCommon}. */
    private record FaultStub(Label handler, int site) {
    }

    /**
     * What a linked call syncs: the registers written back before it, reloaded after it, and written
     * back if the callee stops or faults (those it cannot have changed).
     */
    record CallSync(int before, int after, int unchangedByCallee) {
    }

    /** Where the calls of one {@link CallSync} go when the callee stopped, and their fault handler. */
    record CallExits(Label stopped, Label fault) {
    }

    private final RegionEmitter.CallTargets callTargets;
    private final AccessSites accessSites;
    /** Jump targets placed so far: the method's basic blocks, as C1 sees them (see {@link #jumpTargets}). */
    private int jumpTargets;

    RegionMethod(String owner, MethodVisitor mv, AccessSites accessSites, Map<Integer, Label> blockLabels,
            int registerLocals, int temporaries, int written, boolean floatingPoint, FloatLocals floatLocals,
            RegionEmitter.CallTargets callTargets, boolean directReturns, Map<Integer, List<Integer>> linkReturns,
            List<BasicBlock> copies) {
        this.accessSites = accessSites;
        this.linkReturns = linkReturns;
        this.copies = copies;
        this.locals = registerLocals;
        this.written = written;
        this.floatLocals = floatLocals.held();
        this.floatWritten = floatLocals.written();
        this.directReturns = directReturns;
        this.temporaries = temporaries;
        this.callTargets = callTargets;
        this.owner = owner;
        this.mv = mv;
        this.blockLabels = blockLabels;
        this.frameLocals = frameLocals(registerLocals, floatingPoint, this.floatLocals, TOP);
        this.frameLocalsWithResult = frameLocals(registerLocals, floatingPoint, this.floatLocals, INTEGER);
    }

    /**
     * The floating-point registers a region method holds as doubles in locals ({@code held}, bit n
     * = fn) and those of them it writes.
     */
    record FloatLocals(int held, int written) {
        static final FloatLocals NONE = new FloatLocals(0, 0);
    }

    /**
     * Frame locals in ASM's notation (a long or double is one entry): the fixed locals ({@code cpu.f}
     * only in regions with floating point), then xN as int where used, then fN as double where held.
     */
    private static Object[] frameLocals(int usedRegisters, boolean floatingPoint, int floatLocals, Object temp) {
        List<Object> locals = new ArrayList<>(List.of(MACHINE_TYPE, INTEGER, CPU_TYPE, "[I", MEMORY_TYPE, LONG,
                floatingPoint ? "[J" : TOP, TOP, TOP, temp, INTEGER, "[I", TOP));
        int last = floatLocals != 0 ? 31 : 31 - Integer.numberOfLeadingZeros(usedRegisters);
        for (int r = 1; r <= last; r++) {
            locals.add((usedRegisters & (1 << r)) != 0 ? INTEGER : TOP);
        }
        int lastFloat = 31 - Integer.numberOfLeadingZeros(floatLocals);
        for (int r = 0; r <= lastFloat; r++) {
            if ((floatLocals & (1 << r)) != 0) {
                locals.add(DOUBLE);
            } else {
                locals.add(TOP);
                locals.add(TOP);
            }
        }
        return locals.toArray();
    }

    /**
     * Places a jump target with its stack map frame. Every jump target in a region method has the
     * same frame, which is why the emitter can state it instead of having ASM infer it: all fixed
     * locals and every used register initialised (the prologue loads them before the first jump),
     * the fault and scratch locals dead, the operand stack empty.
     */
    void place(Label label) {
        mv.visitLabel(label);
        mv.visitFrame(F_NEW, frameLocals.length, frameLocals, 0, null);
        jumpTargets++;
    }

    /** Places the shared exit that reads the scratch int (the method's result). */
    void placeWithResult(Label label) {
        mv.visitLabel(label);
        mv.visitFrame(F_NEW, frameLocalsWithResult.length, frameLocalsWithResult, 0, null);
        jumpTargets++;
    }

    /** Places an exception handler for guest faults: the usual frame with the fault on the stack. */
    void placeHandler(Label label) {
        mv.visitLabel(label);
        mv.visitFrame(F_NEW, frameLocals.length, frameLocals, 1, new Object[] {FAULT_TYPE});
        jumpTargets++;
    }

    static int slot(int register) {
        return REGISTERS + register;
    }

    /** Pushes the value of guest register {@code r} (x0 is the constant 0). */
    void load(int r) {
        if (r == 0) {
            mv.visitInsn(ICONST_0);
        } else if (inLocal(r)) {
            mv.visitVarInsn(ILOAD, slot(r));
        } else {
            mv.visitVarInsn(ALOAD, X);
            push(r);
            mv.visitInsn(IALOAD);
        }
    }

    /** Pops a value into guest register {@code r} (discarded for x0). */
    void store(int r) {
        if (r == 0) {
            mv.visitInsn(POP);
        } else if (inLocal(r)) {
            mv.visitVarInsn(ISTORE, slot(r));
            unsavedTemporaries |= temporaries & (1 << r);
        } else { // value -> x[r] = value
            mv.visitVarInsn(ALOAD, X);
            mv.visitInsn(SWAP);
            push(r);
            mv.visitInsn(SWAP);
            mv.visitInsn(IASTORE);
        }
    }

    /** Whether guest register {@code r} lives in its local here (else in {@code cpu.x}, see {@link RegisterResidency}). */
    private boolean inLocal(int r) {
        return (locals & (1 << r)) != 0;
    }

    /** {@code pc = cpu.pc; instret = cpu.instret;}, every register in {@code used} from {@code cpu.x}. */
    void loadState(int used) {
        cpu();
        mv.visitFieldInsn(GETFIELD, CPU_TYPE, "pc", "I");
        mv.visitVarInsn(ISTORE, PC);
        cpu();
        mv.visitFieldInsn(GETFIELD, CPU_TYPE, "instret", "J");
        mv.visitVarInsn(LSTORE, INSTRET);
        loadRegisters(used);
        loadFloatLocals();
    }

    /** {@code xN = x[N]} for every register in {@code mask}. */
    void loadRegisters(int mask) {
        for (int r = 1; r < 32; r++) {
            if ((mask & (1 << r)) != 0) {
                mv.visitVarInsn(ALOAD, X);
                push(r);
                mv.visitInsn(IALOAD);
                mv.visitVarInsn(ISTORE, slot(r));
            }
        }
    }

    /**
     * {@code x[N] = xN} for every register in {@code mask}, {@code f[N] = fN} for every
     * floating-point register held and written here; then {@code cpu.pc = pc; cpu.instret = instret}.
     */
    void writeBack(int mask) {
        writeRegisters(mask);
        writeFloatLocals();
        cpu();
        mv.visitVarInsn(ILOAD, PC);
        mv.visitFieldInsn(PUTFIELD, CPU_TYPE, "pc", "I");
        cpu();
        mv.visitVarInsn(LLOAD, INSTRET);
        mv.visitFieldInsn(PUTFIELD, CPU_TYPE, "instret", "J");
    }

    /** {@code x[N] = xN} for every register in {@code mask}. */
    void writeRegisters(int mask) {
        for (int r = 1; r < 32; r++) {
            if ((mask & (1 << r)) != 0) {
                mv.visitVarInsn(ALOAD, X);
                push(r);
                mv.visitVarInsn(ILOAD, slot(r));
                mv.visitInsn(IASTORE);
            }
        }
    }

    /** {@code fN = f[N]} for every floating-point register held as a double here. */
    void loadFloatLocals() {
        for (int r = 0; r < 32; r++) {
            if ((floatLocals & (1 << r)) != 0) {
                mv.visitVarInsn(ALOAD, F);
                push(r);
                mv.visitInsn(LALOAD);
                storeFloatBits(r);
            }
        }
    }

    /** {@code f[N] = fN} for every floating-point register held as a double and written here. */
    void writeFloatLocals() {
        for (int r = 0; r < 32; r++) {
            if ((floatWritten & (1 << r)) != 0) {
                mv.visitVarInsn(ALOAD, F);
                push(r);
                loadFloatBits(r);
                mv.visitInsn(LASTORE);
            }
        }
    }

    /** The locals the method needs: up to its last floating-point register held as a double, else up to x31. */
    int maxLocals() {
        return FLOAT_REGISTERS + 2 * (32 - Integer.numberOfLeadingZeros(floatLocals));
    }

    /** Whether floating-point register {@code r} is held as a double in a local here (else it is used in {@code cpu.f}). */
    boolean holdsDouble(int r) {
        return (floatLocals & (1 << r)) != 0;
    }

    private static int floatSlot(int r) {
        return FLOAT_REGISTERS + 2 * r;
    }

    /** {@code Double.longBitsToDouble} on the value on the stack (raw bits kept, a NaN's too). */
    private void bitsToDouble() {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
    }

    /** {@code Double.doubleToRawLongBits} on the value on the stack. */
    private void doubleToBits() {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
    }

    /** Pushes the raw 64 bits of floating-point register {@code r}. */
    void loadFloatBits(int r) {
        if (holdsDouble(r)) {
            mv.visitVarInsn(DLOAD, floatSlot(r));
            doubleToBits();
        } else {
            mv.visitVarInsn(ALOAD, F);
            push(r);
            mv.visitInsn(LALOAD);
        }
    }

    /** Pushes the double in floating-point register {@code r}. */
    void loadDouble(int r) {
        if (holdsDouble(r)) {
            mv.visitVarInsn(DLOAD, floatSlot(r));
        } else {
            loadFloatBits(r);
            bitsToDouble();
        }
    }

    /** Pops a double into floating-point register {@code r} (after {@link #startFloatStore}). */
    void storeDouble(int r) {
        if (holdsDouble(r)) {
            mv.visitVarInsn(DSTORE, floatSlot(r));
        } else {
            doubleToBits();
            mv.visitInsn(LASTORE);
        }
    }

    /**
     * Pushes what storing a value into floating-point register {@code r} needs under the value
     * ({@code cpu.f} and r where it is not held in a local); {@link #storeFloatBits} then stores it.
     */
    void startFloatStore(int r) {
        if (!holdsDouble(r)) {
            mv.visitVarInsn(ALOAD, F);
            push(r);
        }
    }

    /** Pops raw 64 bits into floating-point register {@code r} (after {@link #startFloatStore}). */
    void storeFloatBits(int r) {
        if (holdsDouble(r)) {
            bitsToDouble();
            mv.visitVarInsn(DSTORE, floatSlot(r));
        } else {
            mv.visitInsn(LASTORE);
        }
    }

    /** {@code x[N] = xN} for every register in {@code mask} that lives in a local here. */
    void writeRegistersInLocals(int mask) {
        writeRegisters(mask & locals);
    }

    /** {@code xN = x[N]} for every register in {@code mask} that lives in a local here. */
    void loadRegistersInLocals(int mask) {
        loadRegisters(mask & locals);
    }

    void push(int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    void pushLong(long value) {
        if (value == 0 || value == 1) {
            mv.visitInsn((int) (LCONST_0 + value));
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /** Counts one more retired instruction of the current block (added to {@code instret} at the next flush). */
    void retired() {
        pending++;
    }

    void startBlock() {
        loopBacks.clear();
        pending = 0;
        unsavedTemporaries = 0;
        fpuCheckedInBlock = false;
        roundingModeInBlock = false;
        boxedSinglesInBlock = 0;
    }

    /** Records what the instruction being emitted writes to {@code f[r]}: a NaN-boxed single or not. */
    void wroteFloatRegister(int r, boolean boxedSingle) {
        boxedSinglesInBlock = boxedSingle ? boxedSinglesInBlock | 1 << r : boxedSinglesInBlock & ~(1 << r);
    }

    /**
     * Whether {@code f[r]} holds a single this block NaN-boxed, so that reading it as a single
     * needs no check: only the block's own F and D instructions write {@code f} (system calls and
     * traps end the block), and a block is entered only at its start.
     */
    boolean holdsBoxedSingle(int r) {
        return (boxedSinglesInBlock & 1 << r) != 0;
    }

    /**
     * Whether the F or D instruction being emitted is the first of its basic block, and so must
     * check mstatus.FS ({@code Fpu.use}); the rest of the block need not: after a successful check
     * FS is Dirty, and only a CSR write, a system call or a trap can change it, which all end the block.
     */
    boolean firstFpuUseInBlock() {
        boolean first = !fpuCheckedInBlock;
        fpuCheckedInBlock = true;
        return first;
    }

    /**
     * Whether the instruction being emitted is the first of its basic block with a dynamic rounding
     * mode, and so must resolve {@code frm} into {@link #ROUNDING_MODE} (checking it); the rest of
     * the block reuses it: only a CSR write or a system call can change {@code frm}, which end the block.
     */
    boolean firstDynamicRoundingInBlock() {
        boolean first = !roundingModeInBlock;
        roundingModeInBlock = true;
        return first;
    }

    /**
     * Brings the {@code instret} local up to date ({@code instret += pending}) and {@code cpu.x}
     * for the temporaries this block wrote. Every block end flushes, so a temporary is in
     * {@code cpu.x} wherever the method may be left, and its local is dead past its last read.
     */
    void flush() {
        if (pending > 0) {
            long retired = pending;
            addToCounter(() -> pushLong(retired));
            pending = 0;
        }
        writeRegisters(unsavedTemporaries);
        unsavedTemporaries = 0;
    }

    /** {@code instret += amount}, where {@code pushAmount} pushes the long amount. */
    void addToCounter(Runnable pushAmount) {
        mv.visitVarInsn(LLOAD, INSTRET);
        pushAmount.run();
        mv.visitInsn(LADD);
        mv.visitVarInsn(LSTORE, INSTRET);
    }

    /**
     * Emits {@code body}, the bytecode of the instruction at {@code pc} that may raise a guest fault,
     * inside a handler that makes the fault precise: pc, counter and registers as the interpreter
     * has them at that instruction. The handler is a stub that pushes the instruction's
     * {@link FaultSites} number for the shared code at {@link #faultCommon}, which does the rest:
     * six bytes of bytecode per instruction, where a stub that set pc and counter itself took 13-15
     * (all of which counts against C2's inlining budget for the method). Nothing is added to the
     * fast path: a site number stored there before each access, with one handler for all, made C2
     * keep loop-invariant loads inside matmul_int's inner loop.
     */
    void faulting(int pc, Runnable body) {
        // the temporaries written so far go to cpu.x first, where the fault finds them (saving
        // them in the handler stub instead would make the stubs of a long block too large)
        writeRegisters(unsavedTemporaries);
        unsavedTemporaries = 0;
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, FAULT_TYPE);
        mv.visitLabel(start);
        body.run();
        mv.visitLabel(end);
        faultStubs.add(new FaultStub(handler, faultSites.add(pc, pending)));
    }

    /**
     * At {@link #faultCommon}, the faulting site's number in the pc local: {@code instret +=
     * retiredBefore(site); pc = pc(site)} (see {@link FaultSites}).
     */
    void faultSiteState() {
        String table = faultSites.table();
        addToCounter(() -> {
            mv.visitLdcInsn(table);
            mv.visitVarInsn(ILOAD, PC);
            mv.visitMethodInsn(INVOKESTATIC, FAULT_SITES_TYPE, "retiredBefore", "(Ljava/lang/String;I)I", false);
            mv.visitInsn(I2L);
        });
        mv.visitLdcInsn(table);
        mv.visitVarInsn(ILOAD, PC);
        mv.visitMethodInsn(INVOKESTATIC, FAULT_SITES_TYPE, "pc", "(Ljava/lang/String;I)I", false);
        mv.visitVarInsn(ISTORE, PC);
    }

    /** Whether an instruction of the method may fault (it has a {@link #faultCommon} then). */
    boolean hasFaultSites() {
        return !faultSites.isEmpty();
    }

    /** The internal name of the class being written. */
    String owner() {
        return owner;
    }

    /** Pushes the Cpu. */
    void cpu() {
        mv.visitVarInsn(ALOAD, CPU);
    }

    /** Pushes the Memory. */
    void memory() {
        mv.visitVarInsn(ALOAD, MEMORY);
    }

    /** Pushes the home region's words, the first operand of {@link #memoryAccess}. */
    void homeWords() {
        mv.visitVarInsn(ALOAD, HOME_WORDS);
    }

    /**
     * A load or store of guest memory through {@code Memory.<accessor>} for the instruction at
     * {@code pc}, the home words ({@link #homeWords}), the address, the memory and (a store) the
     * value on the stack: a call of the access's own method (see {@link AccessSites}).
     */
    void memoryAccess(String accessor, int pc) {
        accessSites.call(mv, accessor, pc);
    }

    /**
     * {@code memory.homeLoadWords()} into its local: the words never change, a watch limits only
     * stores (see {@link AccessSites}).
     */
    void fetchHomeWords() {
        memory();
        mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY_TYPE, "homeLoadWords", "()[I", false);
        mv.visitVarInsn(ASTORE, HOME_WORDS);
    }

    /**
     * Continues at {@code pc}: a jump inside the region; a linked call of the region that holds it
     * (a branch or fall-through into another piece of a function too large for one method, most
     * often), bounded like every linked call by the call depth; else leaving the region.
     */
    void goTo(int pc) {
        Label block = loopBacks.getOrDefault(pc, blockLabels.get(pc));
        String other = block == null ? callTargets.regionClassAt(pc) : null;
        if (other != null && !other.equals(owner)) {
            call(pc, other);
        } else {
            mv.visitJumpInsn(GOTO, block != null ? block : continueStub(pc));
        }
    }

    /**
     * Makes the current block's jumps to a loop's head, {@code pc}, go to {@code loop} instead,
     * past what runs once on entering the loop (see {@link ByteFillIdiom}, {@link StridedLoopIdiom}).
     */
    void loopBackTo(int pc, Label loop) {
        loopBacks.put(pc, loop);
    }

    /**
     * After an instruction that ends a basic block (counter already flushed): stops when the limit
     * is reached, else continues at {@code pc}.
     */
    void afterBlockEnd(int pc) {
        limitCheck(limitStub(pc));
        goTo(pc);
    }

    /**
     * Jumps to {@code target} when {@code instret >= cpu.limit}. The limit is read from the Cpu each
     * time, not kept in a local: anything that stops the machine (a system call, a watched store such
     * as riscv-tests' tohost) sets it to 0, and the next block end must see that, as in the interpreter.
     */
    void limitCheck(Label target) {
        mv.visitVarInsn(LLOAD, INSTRET);
        cpu();
        mv.visitFieldInsn(GETFIELD, CPU_TYPE, "limit", "J");
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFGE, target);
    }

    void leaveAt(int pc) {
        mv.visitJumpInsn(GOTO, continueStub(pc));
    }

    /** Stops the machine: the instruction at {@code pc} jumped to itself. */
    void jumpToItself(int pc) {
        mv.visitJumpInsn(GOTO, selfJumpStub(pc));
    }

    Label selfJumpStub(int pc) {
        return selfJumpStubs.computeIfAbsent(pc, k -> new Label());
    }

    void environmentCall(int pc) {
        ecallUsed = true;
        push(pc);
        mv.visitVarInsn(ISTORE, PC);
        mv.visitJumpInsn(GOTO, ecall);
    }

    /**
     * Calls the region class {@code callee} at {@code target} through the shared call code:
     * {@code pc = target; temp = callee's number; goto callCommon}.
     */
    void call(int target, String callee) {
        recordCallee(callee);
        int number = sharedCallees.indexOf(callee);
        if (number < 0) {
            number = sharedCallees.size();
            sharedCallees.add(callee);
        }
        push(target);
        mv.visitVarInsn(ISTORE, PC);
        push(number);
        mv.visitVarInsn(ISTORE, TEMP);
        mv.visitJumpInsn(GOTO, callCommon);
    }

    /**
     * A {@code jal} that links to {@code target} (the limit checked): where another region holds the
     * target and this one the block at {@code returnAddress}, a linked call with code of its own that
     * goes on at that block when the callee returns there, as it does unless the guest changed its
     * return address; else as {@link #goTo}. The JIT then sees the call's return as a jump, not as
     * one more case of the region's switch: loops around calls stay loops, and the switch's profile
     * is not polluted by every return address. The sync and exits are the shared calls' (see
     * {@code RegionEmitter.linkedCalls}).
     */
    void callReturningTo(int target, int returnAddress) {
        Label returnBlock = blockLabels.get(returnAddress);
        String callee = blockLabels.containsKey(target) ? null : callTargets.regionClassAt(target);
        if (!directReturns || returnBlock == null || callee == null || callee.equals(owner)) {
            goTo(target);
            return;
        }
        recordCallee(callee);
        CallSync sync = callSync(callee);
        CallExits exits = callExits(sync);
        push(target);
        mv.visitVarInsn(ISTORE, PC);
        leaveIfTooDeep();
        writeBack(sync.before());
        invoke(callee, exits.fault());
        mv.visitJumpInsn(IFEQ, exits.stopped());
        loadState(sync.after());
        mv.visitVarInsn(ILOAD, PC);
        push(returnAddress);
        mv.visitJumpInsn(IF_ICMPNE, dispatch);
        mv.visitJumpInsn(GOTO, returnBlock);
    }

    /**
     * With the jump's target in the pc local: goes to the block at a return address of this
     * region's {@code jal}s that link {@code r} (see {@link #linkReturns}) when it is one; else on
     * as before.
     * The return of a routine the region has a copy of ({@code InlinedRoutines}) is a compare, not
     * a trip through the switch (where its return address is no entry) or out of the region.
     */
    void returnThrough(int r) {
        for (int address : linkReturns.getOrDefault(r, List.of())) {
            mv.visitVarInsn(ILOAD, PC);
            push(address);
            mv.visitJumpInsn(IF_ICMPEQ, blockLabels.get(address));
        }
    }

    /** Whether the instruction at {@code pc} is one of a copied routine's. */
    boolean inCopy(int pc) {
        for (BasicBlock copy : copies) {
            if (Integer.compareUnsigned(pc - copy.start(), copy.end() - copy.start()) < 0) {
                return true;
            }
        }
        return false;
    }

    private void recordCallee(String callee) {
        if (!callees.contains(callee)) {
            callees.add(callee);
        }
    }

    /** Past {@link RegionEmitter#MAX_CALL_DEPTH} nested linked calls, leaves the region at pc instead of calling. */
    void leaveIfTooDeep() {
        mv.visitVarInsn(ILOAD, DEPTH);
        push(RegionEmitter.MAX_CALL_DEPTH);
        mv.visitJumpInsn(IF_ICMPGE, exitContinue);
    }

    /** {@code Callee.run(machine, depth + 1)}, a guest fault escaping it caught at {@code fault}: the result on the stack. */
    void invoke(String callee, Label fault) {
        Label start = new Label();
        Label end = new Label();
        mv.visitTryCatchBlock(start, end, fault, FAULT_TYPE);
        mv.visitVarInsn(ALOAD, MACHINE);
        mv.visitVarInsn(ILOAD, DEPTH);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IADD);
        mv.visitLabel(start);
        mv.visitMethodInsn(INVOKESTATIC, callee, RegionEmitter.METHOD, RegionEmitter.DESCRIPTOR, false);
        mv.visitLabel(end);
    }

    /**
     * What a call of {@code callee} syncs, from its {@link RegisterFootprint}: the registers this
     * method wrote that the callee may read, those in locals the callee may write, and for a stop or
     * fault those this method wrote that the callee cannot have changed.
     */
    CallSync callSync(String callee) {
        RegisterFootprint footprint = callTargets.footprint(callee);
        return new CallSync(written & footprint.reads(), locals & footprint.writes(), written & ~footprint.writes());
    }

    CallExits callExits(CallSync sync) {
        return callExits.computeIfAbsent(sync, k -> new CallExits(new Label(), new Label()));
    }

    /** The exits every linked call of this method uses, by sync (emitted once each at the end). */
    Map<CallSync, CallExits> callExits() {
        return callExits;
    }

    /** The region classes this method calls, in order of first call. */
    List<String> callees() {
        return callees;
    }

    /** The region classes {@link #call} calls through the shared code, by number. */
    List<String> sharedCallees() {
        return sharedCallees;
    }

    /** Places the join after a linked call: the usual frame, the callee's boolean result on the stack. */
    void placeAfterCall(Label label) {
        mv.visitLabel(label);
        mv.visitFrame(F_NEW, frameLocals.length, frameLocals, 1, new Object[] {INTEGER});
        jumpTargets++;
    }

    private Label continueStub(int pc) {
        return continueStubs.computeIfAbsent(pc, k -> new Label());
    }

    /**
     * How many jump targets (with their stack map frames) the method has so far: every label is
     * placed through one of the {@code place} methods, so this is the number of JVM basic blocks
     * that start at a jump target or handler.
     */
    int jumpTargets() {
        return jumpTargets;
    }

    /** Whether a block of this region starts at {@code pc}. */
    boolean inRegion(int pc) {
        return blockLabels.containsKey(pc);
    }

    RegionEmitter.CallTargets callTargets() {
        return callTargets;
    }

    /** Where a limit stop before {@code pc} goes: the stub that leaves with pc set. */
    Label limitStub(int pc) {
        return limitStubs.computeIfAbsent(pc, k -> new Label());
    }

    boolean usesEnvironmentCall() {
        return ecallUsed;
    }

    /** Emits the small stubs collected while emitting blocks: set pc or push the fault site, jump to shared code. */
    void emitStubs() {
        stubs(continueStubs, exitContinue);
        stubs(limitStubs, exitLimit);
        stubs(selfJumpStubs, selfJump);
        for (FaultStub stub : faultStubs) {
            placeHandler(stub.handler());
            push(stub.site());
            mv.visitJumpInsn(GOTO, faultCommon);
        }
    }

    /** Places {@link #faultCommon}: the usual frame with the fault and the faulting site's number on the stack. */
    void placeFaultCommon() {
        mv.visitLabel(faultCommon);
        mv.visitFrame(F_NEW, frameLocals.length, frameLocals, 2, new Object[] {FAULT_TYPE, INTEGER});
        jumpTargets++;
    }

    private void stubs(Map<Integer, Label> stubs, Label target) {
        stubs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            place(e.getValue());
            push(e.getKey());
            mv.visitVarInsn(ISTORE, PC);
            mv.visitJumpInsn(GOTO, target);
        });
    }
}
