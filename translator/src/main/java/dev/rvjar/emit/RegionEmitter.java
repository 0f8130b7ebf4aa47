package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.decode.RegisterUse;
import dev.rvjar.translate.BasicBlock;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.rvjar.emit.RegionMethod.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * Compiles a region (the blocks of one guest function, or of a piece of one too large for a
 * method) into one JVM class with one static method:
 *
 * <pre>{@code
 * public static boolean run(Machine machine, int depth)   // true: continue at cpu.pc; false: stopped or limit reached
 * }</pre>
 *
 * <h2>Invariants of the generated code</h2>
 *
 * <p><b>Locals.</b> 0 {@code machine}; 1 {@code pc} (the dynamic pc: entry pc, computed jump
 * targets, exit pc; on entry the call-depth parameter, copied to 11 first); 2 {@code cpu}; 3
 * {@code x} ({@code cpu.x}); 4 {@code memory}; 5-6 {@code instret}; 7 {@code f} ({@code cpu.f},
 * only in a region with F or D instructions); 8 the dynamic rounding mode (within a block, once
 * resolved); 9 the fault being made precise; 10 a scratch int; 11 the linked-call depth; 12 the
 * home region's words, for loads and stores (see {@code AccessSites}); 13+N guest register xN
 * for N = 1..31. x0 has no local: reads push 0, writes are dropped.
 *
 * <p><b>Registers.</b> On entry every register the region reads or writes is loaded from
 * {@code cpu.x} into its local; from then on the locals are the truth. The registers the region
 * writes are stored back to {@code cpu.x} exactly where the outside can observe them: when the
 * region is left (to another region, the interpreter, a limit stop or a stop), before an
 * {@code ecall} (and all used ones are reloaded after it, since host code may change any), when
 * the guest jumps to itself, and when a guest fault escapes. Around a linked call only the
 * callee's footprint is synced: {@code cpu.x} may then hold stale values of registers the callee
 * never touches, which is safe because nothing reads them before this method writes them back
 * (at its own exits, or when the callee stops or faults). CSR access needs no register sync: CSRs
 * live in {@link dev.rvjar.machine.Cpu} fields, never in locals.
 *
 * <p><b>Registers in {@code cpu.x}.</b> A region with loops keeps the registers no loop uses in
 * {@code cpu.x}, and a region too large for C1 with every register in a local (see
 * {@link #allocationLoad}) keeps only the registers its loops use most in locals; every read and
 * write of the others is an element of {@code cpu.x} (see {@code RegisterResidency}). Such a
 * register is always up to date in {@code cpu.x}, so nothing above applies to it: no load on
 * entry, no write-back, no sync around calls.
 *
 * <p><b>Temporaries.</b> A written register that no block of the region reads before writing it
 * (a compiler's temporary, whose value never crosses a block boundary) is the exception: each
 * block stores the temporaries it wrote to {@code cpu.x} at its end and before each instruction
 * that may fault, and the exits, fault handlers and linked calls leave them out. Written back at
 * the exits, such a local would stay live from its last write to every exit and every deoptimisation
 * point of the method: in large regions that multiplied C2's register allocation time (sha256's
 * {@code compress}, 29 registers, took seconds) and made C1 give up ("out of virtual registers").
 * Stored early, the local is dead after its last read in the block.
 *
 * <p><b>Floating point.</b> Floating-point registers stay in {@code cpu.f} (through local 7) and
 * fcsr in {@code cpu.fflags}/{@code cpu.frm}, so they need no sync at all. Each F or D instruction
 * is one call of the {@code FloatOps}/{@code DoubleOps} method the interpreter calls
 * ({@link FloatEmitters}), integer operands and results in their locals; singles are unboxed and
 * NaN-boxed with the interpreter's own {@code FloatOps.unbox}/{@code box}; a static rounding mode
 * is a constant. The interpreter's checks are kept, under the instruction's fault handler:
 * {@code Fpu.use} (mstatus.FS) for the first F or D instruction of each block, and
 * {@code Fpu.roundingMode} for the first with a dynamic rounding mode (both FS and frm can only
 * change at a CSR access or system call, which end the block). FLW, FSW, FLD and FSD access memory
 * like the integer loads and stores.
 *
 * <p><b>Counter.</b> {@code instret} is the count at the last flush; the emitter tracks statically
 * how many instructions of the current block retired since, and adds that constant at every block
 * end, before every {@code ecall} and CSR access (which see the counter), and when leaving the region.
 * A fault handler adds the number retired before the faulting instruction, so the counter is exact
 * at every exit, fault and stop. After every instruction that ends a basic block in the contract's
 * sense ({@link Opcode#endsBlock()}) the method compares {@code instret} with {@code cpu.limit} and
 * leaves with {@code false} at the next pc when the limit is reached: the interpreter's rule, so
 * both stop at the same pc and count.
 *
 * <p><b>Control.</b> A direct branch or jump to a block of the same region is a JVM {@code goto};
 * to a block of another region in read-only memory, a linked call (below); to anywhere else it
 * leaves the region through a stub that sets {@code pc}. {@code jalr} and the
 * return from {@code ecall} go through the region's own {@code tableswitch} on the entry at
 * {@code pc} (the method's entry point too), whose default case leaves the region; the global
 * dispatcher then looks the target up among all regions' entries, and where none starts there the
 * interpreter runs up to the next entry. Only a region's entries (first block, return addresses,
 * pointer and jump table targets, loop heads, blocks other regions go on at: see
 * {@code EntryPoints}) are cases of its switch, so that every other block is reached by JVM jumps
 * alone and loops stay reducible for the JIT. A {@code jal} (call or tail jump) to a block of another
 * region in read-only memory (and a branch or fall-through there) is a <em>linked call</em>: the
 * callee's class is called directly, with the call depth one higher, syncing only the registers in
 * the callee's {@link RegisterFootprint} (see {@link #linkedCalls}), and on its return (normally at
 * the guest's {@code ret} to the address after the call) this method goes on there: a {@code jal}
 * that links jumps to its return block when the callee returned to it, anything else goes through
 * the switch. The JVM stack follows the guest's calls and a return costs no trip through the dispatch loop. A jump to
 * itself stops the machine, as in the interpreter.
 * Instructions the translator does not handle end the block: the region is left at that pc and the
 * interpreter runs it.
 *
 * <p><b>Byte-store loops.</b> A block that is a whole byte-store loop ({@code memset}'s simplest
 * form, see {@link ByteFillIdiom}) first runs the turns it may run at once in bulk, where they
 * fall in unwatched RAM and end below the instruction limit, then loops as usual from there.
 *
 * <p><b>Faults.</b> Each instruction that may fault (memory access, CSR access, the floating-point
 * checks) is covered by its own exception handler entry; the handler stub pushes the instruction's
 * site number and jumps to shared code that looks the site up in the method's
 * {@link dev.rvjar.translated.FaultSites} table, sets {@code pc} and the counter for that
 * instruction, writes the registers back and rethrows the fault completed with the pc. The locals
 * at a handler hold the values from before the faulting instruction, which never writes its
 * destination before it can no longer fault.
 *
 * <p><b>Size.</b> A method must stay under HotSpot's {@value #HUGE_METHOD_LIMIT}-byte
 * {@code HugeMethodLimit} to be compiled at all; {@link #emit} reports the size so the planner can
 * split regions that come out too large.
 */
public final class RegionEmitter {
    /** HotSpot never compiles a method with more bytecode than this (DontCompileHugeMethods). */
    public static final int HUGE_METHOD_LIMIT = 8000;
    public static final String METHOD = "run";
    public static final String DESCRIPTOR = "(L" + MACHINE_TYPE + ";I)Z";
    /**
     * Linked calls nest JVM frames; past this depth a call leaves the region instead, so that deep
     * guest recursion costs speed, never the host's stack.
     */
    static final int MAX_CALL_DEPTH = 200;

    /** Where a linked call to a guest address goes, and what the region called may touch. */
    public interface CallTargets {
        /** The region class that holds {@code pc}, or null (no linking). */
        String regionClassAt(int pc);

        /**
         * What {@code regionClass} and every region it calls, transitively, may touch in
         * {@code cpu.x}: the caller syncs only those registers around the call.
         */
        RegisterFootprint footprint(String regionClass);
    }

    private RegionEmitter() {
    }

    /**
     * A generated region class, the blocks it holds, the addresses it can be entered at, the size of
     * its method's bytecode and the region classes it calls (linked calls).
     */
    public record RegionClass(String internalName, List<BasicBlock> blocks, List<Integer> entries, byte[] bytes,
            int codeSize, int jumpTargets, int registerLocals, List<String> callees) {
        /** C1's measure of this class's method (see {@link RegionEmitter#allocationLoad}). */
        public int allocationLoad() {
            return RegionEmitter.allocationLoad(jumpTargets, registerLocals);
        }
    }

    /**
     * C1's measure of a region method: its jump targets (JVM basic blocks) times the guest
     * registers it keeps in locals. C1 (tier 3) gives up on a method with "out of virtual registers
     * in linear scan" when its register allocator, splitting the live ranges of the locals at block
     * boundaries and calls, makes more intervals than a LIR operand can number; that grows with
     * blocks times locals, not with bytecode size (a 5,200-byte method failed where 5,400 bytes with
     * fewer registers compiled). Measured on JDK 17 and 25 over every region method of the benchmark
     * suite (each compiled at tier 3 with {@code -Xcomp}): without the limit, all compiled up to
     * 5,040 and all rejected from 5,187; with a limit of 4,600 and 4,000, methods near the limit
     * compiled at 4,292 and 3,915 while {@code bintree}'s {@code walk} (29 registers, many memory
     * accesses) was rejected at 4,263 and 3,799. The measure is not exact, so the limit keeps a
     * margin below the lowest rejection.
     */
    public static int allocationLoad(int jumpTargets, int registers) {
        return jumpTargets * registers;
    }

    /**
     * A region with at most this many guest registers in locals indexes its word loads by a shift
     * (see {@code AccessSites}): it has x86 registers to spare for the second value. Measured on the
     * suite side by side: 8 and 12 both gave crc32 1.2x and changed nothing else beyond noise; 16
     * slowed vm by a fifth.
     */
    static final int FEW_REGISTER_LOCALS = 8;

    /** The {@link #allocationLoad} above which C1 may give up on a method; regions are kept below it. */
    public static final int C1_ALLOCATION_LIMIT = 3_600;

    /**
     * A high estimate of the jump targets one block adds to its region method, for planning before
     * emitting: its own label, a fault handler per instruction that may fault (memory, system, the
     * block's floating-point check), and for its end the taken path, the limit check's path and the
     * limit stubs.
     */
    public static int estimateJumpTargets(BasicBlock block) {
        int targets = 1;
        boolean floatingPoint = false;
        for (Instruction in : block.instructions()) {
            if (in.op.accessesMemory() || in.op.kind() == Opcode.Kind.SYSTEM) {
                targets++;
            }
            floatingPoint |= RegisterUse.isFloatingPoint(in.op);
            if (in.op.kind() == Opcode.Kind.BRANCH) {
                targets += 4;
            } else if (in.op.endsBlock()) {
                targets++;
            }
        }
        return floatingPoint ? targets + 1 : targets; // the block's first F or D instruction checks mstatus.FS
    }

    /** Whether translated code can contain {@code in} (the rest runs in the interpreter). */
    public static boolean translates(Instruction in) {
        return EmitterMap.translates(in);
    }

    /** A rough size of the bytecode one block compiles to, for planning regions before emitting them. */
    public static int estimateSize(BasicBlock block) {
        int size = 24;
        for (Instruction in : block.instructions()) {
            size += in.op.accessesMemory() || in.op.kind() == Opcode.Kind.SYSTEM ? 40 : in.op.endsBlock() ? 32
                    : RegisterUse.isFloatingPoint(in.op) ? 28 : 9;
        }
        return size;
    }

    /**
     * Compiles {@code blocks} (address order) into class {@code internalName}, its method entered
     * (through its switch) at the blocks that start at {@code entries} (address order, the first
     * block first); a {@code jal} to a block elsewhere that {@code callTargets} names becomes a JVM
     * call of that region. At most {@code maxRegisterLocals} guest registers get a local (chosen by
     * {@link RegisterResidency}: integer registers, and floating-point registers used only as
     * doubles); the rest are used in {@code cpu.x} and {@code cpu.f}. With {@code directReturns},
     * each {@code jal} that links to another region has call code of its own that goes on at its
     * return address (see {@code RegionMethod.callReturningTo}); without, every call shares one.
     */
    public static RegionClass emit(String internalName, List<BasicBlock> blocks, List<Integer> entries,
            CallTargets callTargets, int maxRegisterLocals, boolean directReturns) {
        return emit(internalName, blocks, List.of(), entries, callTargets, maxRegisterLocals, directReturns);
    }

    /**
     * {@link #emit(String, List, List, CallTargets, int, boolean)} with copies of blocks of other
     * regions, {@code inlined} (address order; see {@code InlinedRoutines}), emitted as blocks of
     * this one but never entered from outside: not entries, not in the class's {@code blocks}.
     */
    public static RegionClass emit(String internalName, List<BasicBlock> ownBlocks, List<BasicBlock> inlined,
            List<Integer> entries, CallTargets callTargets, int maxRegisterLocals, boolean directReturns) {
        List<BasicBlock> blocks = new ArrayList<>(ownBlocks);
        blocks.addAll(inlined);
        // no COMPUTE_FRAMES: the frames are simple and known (see RegionMethod#place), and letting
        // ASM infer them would be most of the translation time
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, METHOD, DESCRIPTOR, null, null);
        mv.visitCode();
        Map<Integer, Label> labels = new HashMap<>();
        for (BasicBlock block : blocks) {
            labels.put(block.start(), new Label());
        }
        int used = 0;
        int written = 0;
        int readAtBlockStart = 0;
        boolean floatingPoint = false;
        int floatUsed = 0;
        int floatWritten = 0;
        int singles = 0;
        for (BasicBlock block : blocks) {
            int writtenInBlock = 0;
            for (Instruction in : block.instructions()) {
                used |= RegisterUse.integerRegisterMask(in);
                readAtBlockStart |= RegisterUse.integerReads(in) & ~writtenInBlock;
                writtenInBlock |= RegisterUse.integerWrites(in);
                floatingPoint |= RegisterUse.isFloatingPoint(in.op);
                floatUsed |= RegisterUse.floatReads(in) | RegisterUse.floatWrites(in);
                floatWritten |= RegisterUse.floatWrites(in);
                singles |= RegisterUse.singleFloatRegisters(in);
            }
            written |= writtenInBlock;
        }
        RegisterResidency.Residency residency = RegisterResidency.choose(blocks, used & ~1, floatUsed & ~singles,
                maxRegisterLocals);
        int locals = residency.integers();
        int doubles = residency.doubles();
        int temporaries = written & ~readAtBlockStart & locals;
        written &= locals & ~temporaries; // the registers exits write back: temporaries are in cpu.x already
        RegionMethod.FloatLocals floatLocals = new RegionMethod.FloatLocals(doubles, floatWritten & doubles);
        AccessSites accessSites = new AccessSites(cw, internalName, Integer.bitCount(locals) <= FEW_REGISTER_LOCALS,
                AccessSites.BIASED_WORD_TEST);
        RegionMethod m = new RegionMethod(internalName, mv, accessSites, labels, locals, temporaries, written,
                floatingPoint, floatLocals, callTargets, directReturns, linkReturns(ownBlocks, inlined, labels), inlined);

        prologue(m, locals, floatingPoint);
        List<Integer> entryStarts = entries.stream().filter(labels::containsKey).toList();
        BlockIndex index = BlockIndex.of(entryStarts);
        dispatchSwitch(m, entryStarts, labels, index);
        List<StridedLoopIdiom> stridedLoops = stridedLoops(blocks);
        for (BasicBlock block : blocks) {
            emitBlock(m, cw, block, labels.get(block.start()), stridedLoops);
        }
        sharedExits(m, locals, written);
        m.emitStubs();
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(RegionMethod.MAX_STACK, m.maxLocals());
        mv.visitEnd();
        classInitializer(cw, internalName, index);
        cw.visitEnd();
        return new RegionClass(internalName, List.copyOf(ownBlocks), entryStarts, cw.toByteArray(), end.getOffset(),
                m.jumpTargets(), residency.count(), List.copyOf(m.callees()));
    }

    /**
     * For each register that a {@code jal} of {@code blocks} links (ra only for calls of the
     * {@code inlined} routines), the return addresses of those calls that are blocks of the region
     * (see {@link RegionMethod#linkReturns}).
     */
    private static Map<Integer, List<Integer>> linkReturns(List<BasicBlock> blocks, List<BasicBlock> inlined,
            Map<Integer, Label> labels) {
        Set<Integer> routines = new HashSet<>();
        for (BasicBlock copy : inlined) {
            routines.add(copy.start());
        }
        Map<Integer, List<Integer>> returns = new HashMap<>();
        for (BasicBlock block : blocks) {
            Instruction last = block.instructions().get(block.size() - 1);
            int target = block.end() - last.length + last.imm;
            boolean linksRoutine = last.rd > 1 || last.rd == 1 && routines.contains(target);
            if (block.ending() == BasicBlock.End.TERMINATOR && last.op == Opcode.JAL && linksRoutine
                    && labels.containsKey(block.end())) {
                returns.computeIfAbsent(last.rd, r -> new ArrayList<>()).add(block.end());
            }
        }
        return returns;
    }

    /** The class initialiser: {@code BLOCKS} (see {@link #dispatchSwitch}). */
    private static void classInitializer(ClassWriter cw, String owner, BlockIndex index) {
        MethodVisitor init = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        init.visitCode();
        index.emitField(cw, init, owner);
        init.visitInsn(RETURN);
        init.visitMaxs(4, 0);
        init.visitEnd();
    }

    private static void prologue(RegionMethod m, int used, boolean floatingPoint) {
        MethodVisitor mv = m.mv;
        mv.visitVarInsn(ILOAD, PC); // the parameter in slot 1 is the call depth until the pc takes the slot
        mv.visitVarInsn(ISTORE, DEPTH);
        mv.visitVarInsn(ALOAD, MACHINE);
        mv.visitMethodInsn(INVOKEVIRTUAL, MACHINE_TYPE, "cpu", "()L" + CPU_TYPE + ";", false);
        mv.visitVarInsn(ASTORE, CPU);
        m.cpu();
        mv.visitFieldInsn(GETFIELD, CPU_TYPE, "x", "[I");
        mv.visitVarInsn(ASTORE, X);
        if (floatingPoint) {
            m.cpu();
            mv.visitFieldInsn(GETFIELD, CPU_TYPE, "f", "[J");
            mv.visitVarInsn(ASTORE, F);
        }
        mv.visitVarInsn(ALOAD, MACHINE);
        mv.visitMethodInsn(INVOKEVIRTUAL, MACHINE_TYPE, "memory", "()L" + MEMORY_TYPE + ";", false);
        mv.visitVarInsn(ASTORE, MEMORY);
        m.fetchHomeWords();
        m.loadState(used);
    }

    /**
     * {@code switch (BLOCKS[(pc - base) >>> 1]) { case i + 1: goto entry i; default: leave }}: an
     * array load and a {@code tableswitch} (a jump table once compiled), where a {@code lookupswitch}
     * on the pc would be a binary search of unpredictable branches on every computed jump. Only the
     * entries are cases (see {@code EntryPoints}): a computed jump anywhere else leaves the region, and
     * the interpreter runs from there to the next entry.
     */
    private static void dispatchSwitch(RegionMethod m, List<Integer> entries, Map<Integer, Label> labels,
            BlockIndex index) {
        MethodVisitor mv = m.mv;
        m.place(m.dispatch);
        slotOfPc(m, index);
        m.push(index.slots());
        Label inside = new Label();
        mv.visitJumpInsn(IF_ICMPLT, inside);
        mv.visitJumpInsn(GOTO, m.exitContinue);
        m.place(inside);
        mv.visitFieldInsn(GETSTATIC, m.owner(), BlockIndex.FIELD, "[I");
        slotOfPc(m, index); // again rather than in a local: every frame has the scratch local dead
        mv.visitInsn(IALOAD);
        Label[] targets = new Label[entries.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = labels.get(entries.get(i));
        }
        mv.visitTableSwitchInsn(1, targets.length, m.exitContinue, targets);
    }

    /** Pushes {@code (pc - base) >>> 1}, the slot of {@code pc} in the block index. */
    private static void slotOfPc(RegionMethod m, BlockIndex index) {
        m.mv.visitVarInsn(ILOAD, PC);
        m.push(index.base());
        m.mv.visitInsn(ISUB);
        m.mv.visitInsn(ICONST_1);
        m.mv.visitInsn(IUSHR);
    }

    /** The strided loops among {@code blocks} (see {@link StridedLoopIdiom}), not byte-store loops. */
    private static List<StridedLoopIdiom> stridedLoops(List<BasicBlock> blocks) {
        Map<Integer, BasicBlock> byStart = new HashMap<>();
        for (BasicBlock block : blocks) {
            byStart.put(block.start(), block);
        }
        List<StridedLoopIdiom> loops = new ArrayList<>();
        for (BasicBlock block : blocks) {
            StridedLoopIdiom loop = ByteFillIdiom.match(block) == null ? StridedLoopIdiom.match(block, byStart) : null;
            if (loop != null) {
                loops.add(loop);
            }
        }
        return loops;
    }

    private static void emitBlock(RegionMethod m, ClassWriter cw, BasicBlock block, Label label,
            List<StridedLoopIdiom> stridedLoops) {
        m.place(label);
        m.startBlock();
        ByteFillIdiom fill = ByteFillIdiom.match(block);
        if (fill != null) {
            fill.emitBulkStep(m);
            Label loop = new Label();
            m.place(loop);
            m.loopBackTo(block.start(), loop);
        }
        for (StridedLoopIdiom loop : stridedLoops) {
            if (loop.contains(block)) {
                m.loopBackTo(loop.head().start(), loop.loop());
            }
            if (loop.head() == block) {
                loop.emitBulkStep(m, cw);
            }
        }
        int pc = block.start();
        for (Instruction in : block.instructions()) {
            int next = pc + in.length;
            if (BasicBlock.isTerminator(in.op)) {
                terminator(m, in, pc, next);
            } else {
                straightLine(m, in, pc);
                m.retired();
            }
            pc = next;
        }
        if (block.ending() != BasicBlock.End.TERMINATOR) {
            m.flush();
            m.goTo(block.end());
        }
    }

    private static void straightLine(RegionMethod m, Instruction in, int pc) {
        EmitterMap.Entry entry = EmitterMap.entry(in.op);
        switch (entry.kind()) {
            case VALUE -> {
                if (in.rd != 0) {
                    entry.emitter().emit(m, in, pc);
                    m.store(in.rd);
                }
            }
            case LOAD -> {
                entry.emitter().emit(m, in, pc);
                m.store(in.rd);
            }
            case EFFECT -> entry.emitter().emit(m, in, pc);
        }
    }

    private static void terminator(RegionMethod m, Instruction in, int pc, int next) {
        switch (in.op.kind()) {
            case BRANCH -> branch(m, in, pc, next);
            case JUMP -> {
                if (in.op == Opcode.JAL) {
                    jal(m, in, pc, next);
                } else {
                    jalr(m, in, pc, next);
                }
            }
            default -> {
                if (in.op == Opcode.ECALL) {
                    m.flush();
                    m.environmentCall(pc);
                } else if (in.op == Opcode.FENCE_I) {
                    // leave, so that code changed before it is looked up again (see TranslatedProgram)
                    m.retired();
                    m.flush();
                    m.leaveAt(next);
                } else { // CSR access
                    straightLine(m, in, pc);
                    m.retired();
                    m.flush();
                    m.afterBlockEnd(next);
                }
            }
        }
    }

    /**
     * A conditional branch. The limit is checked before the condition, and only the stop (cold)
     * evaluates the condition again to leave at the right pc, so that a loop closed by a branch
     * ends with its exit test, the loop shape C2 optimises best (checked after the condition, on
     * the taken path, the limit check came after the loop's exit test; matmul_int ran 1.3x faster
     * warm this way). A branch to itself keeps the check after the condition, as the interpreter
     * stops it as a jump to itself whatever the limit.
     */
    private static void branch(RegionMethod m, Instruction in, int pc, int next) {
        m.retired();
        m.flush();
        int target = pc + in.imm;
        Label taken = new Label();
        if (target == pc) {
            jumpIf(m, in, taken);
            m.afterBlockEnd(next);
            m.place(taken);
            m.jumpToItself(pc);
            return;
        }
        Label limitReached = new Label();
        m.limitCheck(limitReached);
        jumpIf(m, in, taken);
        m.goTo(next);
        m.place(taken);
        m.goTo(target);
        m.place(limitReached);
        jumpIf(m, in, m.limitStub(target));
        m.mv.visitJumpInsn(GOTO, m.limitStub(next));
    }

    /**
     * Jumps to {@code taken} if the condition of branch {@code in} holds. An unsigned comparison
     * is a signed one of both operands biased by 2^31: no call to {@code Integer.compareUnsigned},
     * whose 32 bytes of bytecode would count against C2's inlining budget at every branch (C2
     * from JDK 18 turns the pattern back into one unsigned compare, JDK-8276162).
     */
    private static void jumpIf(RegionMethod m, Instruction in, Label taken) {
        boolean unsigned = in.op == Opcode.BLTU || in.op == Opcode.BGEU;
        loadOperand(m, in.rs1, unsigned);
        loadOperand(m, in.rs2, unsigned);
        switch (in.op) {
            case BEQ -> m.mv.visitJumpInsn(IF_ICMPEQ, taken);
            case BNE -> m.mv.visitJumpInsn(IF_ICMPNE, taken);
            case BLT, BLTU -> m.mv.visitJumpInsn(IF_ICMPLT, taken);
            case BGE, BGEU -> m.mv.visitJumpInsn(IF_ICMPGE, taken);
            default -> throw new IllegalArgumentException("not a branch: " + in.op);
        }
    }

    private static void loadOperand(RegionMethod m, int register, boolean biased) {
        if (!biased) {
            m.load(register);
        } else if (register == 0) {
            m.push(Integer.MIN_VALUE);
        } else {
            m.load(register);
            m.push(Integer.MIN_VALUE);
            m.mv.visitInsn(IADD);
        }
    }

    /** After a jal: stop if it jumps to itself, else check the limit and go on. */
    private static void transfer(RegionMethod m, int pc, int target) {
        if (target == pc) {
            m.jumpToItself(pc);
        } else {
            m.afterBlockEnd(target);
        }
    }

    private static void jal(RegionMethod m, Instruction in, int pc, int next) {
        if (in.rd != 0) {
            m.push(next);
            m.store(in.rd);
        }
        m.retired();
        m.flush();
        int target = pc + in.imm;
        if (in.rd != 0 && target != pc) {
            m.limitCheck(m.limitStub(target));
            m.callReturningTo(target, next);
        } else {
            // to another region, a linked call (see RegionMethod.goTo): tail jumps too (j to picolibc's
            // __riscv_restore_N, say), which as exits would unwind every linked call below them
            transfer(m, pc, target);
        }
    }

    /** {@code temp = (rs1 + imm) & ~1; rd = next; [if (temp == pc) stop;] pc = temp; check limit; switch (pc)} */
    private static void jalr(RegionMethod m, Instruction in, int pc, int next) {
        m.load(in.rs1);
        if (in.imm != 0) {
            m.push(in.imm);
            m.mv.visitInsn(IADD);
        }
        m.push(~1);
        m.mv.visitInsn(IAND);
        m.mv.visitVarInsn(ISTORE, TEMP);
        if (in.rd != 0) {
            m.push(next);
            m.store(in.rd);
        }
        m.retired();
        m.flush();
        // as in the interpreter: jalr rd, rd with rd != x0 changes its own target, so it is no endless loop
        if (in.rd != in.rs1 || in.rd == 0) {
            m.mv.visitVarInsn(ILOAD, TEMP);
            m.push(pc);
            m.mv.visitJumpInsn(IF_ICMPEQ, m.selfJumpStub(pc));
        }
        m.mv.visitVarInsn(ILOAD, TEMP);
        m.mv.visitVarInsn(ISTORE, PC);
        m.limitCheck(m.exitLimit);
        if (in.rd == 0 && in.imm == 0 && (in.rs1 != 1 || m.inCopy(pc))) { // a function's own ret leaves as before
            m.returnThrough(in.rs1);
        }
        m.mv.visitJumpInsn(GOTO, m.dispatch);
    }

    /** The code every region method shares, emitted once at its end. */
    private static void sharedExits(RegionMethod m, int used, int written) {
        MethodVisitor mv = m.mv;
        Label leave = new Label();
        // leave the region, continue at pc: return true
        m.place(m.exitContinue);
        mv.visitInsn(ICONST_1);
        mv.visitVarInsn(ISTORE, TEMP);
        mv.visitJumpInsn(GOTO, leave);
        // the limit was reached at a block end: return false
        m.place(m.exitLimit);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, TEMP);
        m.placeWithResult(leave);
        m.writeBack(written);
        mv.visitVarInsn(ILOAD, TEMP);
        mv.visitInsn(IRETURN);

        // the guest jumped to itself at pc: Machine.jumpedToItself() stops it with status a0
        m.place(m.selfJump);
        m.writeBack(written);
        mv.visitVarInsn(ALOAD, MACHINE);
        mv.visitMethodInsn(INVOKEVIRTUAL, MACHINE_TYPE, "jumpedToItself", "()V", false);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);

        if (m.hasFaultSites()) {
            // a guest fault and the faulting site's number (from its handler stub): pc and counter
            // set from the site, registers out, rethrow with pc
            m.placeFaultCommon();
            mv.visitVarInsn(ISTORE, PC);
            mv.visitVarInsn(ASTORE, FAULT);
            m.faultSiteState();
            m.writeBack(written);
            mv.visitVarInsn(ALOAD, FAULT);
            mv.visitVarInsn(ILOAD, PC);
            mv.visitMethodInsn(INVOKEVIRTUAL, FAULT_TYPE, "at", "(I)L" + FAULT_TYPE + ";", false);
            mv.visitInsn(ATHROW);
        }

        if (m.usesEnvironmentCall()) {
            environmentCall(m, used, written);
        }
        linkedCalls(m);
    }

    /**
     * The linked calls' shared code. A call other than a {@code jal} that links (a branch or
     * fall-through into another piece, a tail jump) sets pc to the callee's address and the scratch
     * int to its number and jumps here. Only the callee's {@link RegisterFootprint} is synced (see
     * {@link RegionMethod#callSync}): the registers it may read are written back before
     * {@code Callee.run(machine, depth + 1)}, with pc and counter, and after it returns the registers
     * it may write are reloaded with pc and counter (the callee left them in the Cpu); then on
     * through the switch. Every other register stays in this method's locals, which remain the truth
     * for it. Callees with the same sync share the code. Too deep: leave the region instead. A
     * {@code jal} that links has call code of its own instead ({@link RegionMethod#callReturningTo}).
     *
     * <p>The state stays exact wherever the callee ends: a callee that stopped (limit, exit) returns
     * false, and a guest fault escapes it with the callee's registers, pc and counter already in the
     * Cpu; this method then writes back its own registers the callee cannot have changed, and
     * returns false or rethrows the fault unchanged (the exits of each sync, shared by every call).
     */
    private static void linkedCalls(RegionMethod m) {
        List<String> callees = m.sharedCallees();
        if (!callees.isEmpty()) {
            sharedCall(m, callees);
        }
        for (Map.Entry<RegionMethod.CallSync, RegionMethod.CallExits> exits : m.callExits().entrySet()) {
            callExits(m, exits.getKey(), exits.getValue());
        }
    }

    private static void sharedCall(RegionMethod m, List<String> callees) {
        MethodVisitor mv = m.mv;
        m.placeWithResult(m.callCommon);
        m.leaveIfTooDeep();
        Map<RegionMethod.CallSync, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < callees.size(); i++) {
            groups.computeIfAbsent(m.callSync(callees.get(i)), k -> new ArrayList<>()).add(i);
        }
        Label[] byCallee = new Label[callees.size()];
        Map<RegionMethod.CallSync, Label> groupLabels = new HashMap<>();
        for (Map.Entry<RegionMethod.CallSync, List<Integer>> group : groups.entrySet()) {
            Label label = new Label();
            groupLabels.put(group.getKey(), label);
            for (int callee : group.getValue()) {
                byCallee[callee] = label;
            }
        }
        mv.visitVarInsn(ILOAD, TEMP);
        mv.visitTableSwitchInsn(0, byCallee.length - 1, byCallee[0], byCallee);
        for (Map.Entry<RegionMethod.CallSync, List<Integer>> group : groups.entrySet()) {
            m.placeWithResult(groupLabels.get(group.getKey()));
            callGroup(m, group.getKey(), group.getValue(), callees);
        }
    }

    /** The shared calls of one {@link RegionMethod.CallSync}, the callee's number in the scratch int. */
    private static void callGroup(RegionMethod m, RegionMethod.CallSync sync, List<Integer> members, List<String> callees) {
        MethodVisitor mv = m.mv;
        m.writeBack(sync.before());
        RegionMethod.CallExits exits = m.callExits(sync);
        Label returned = new Label();
        Label[] invoke = new Label[members.size()];
        for (int i = 0; i < invoke.length; i++) {
            invoke[i] = new Label();
        }
        if (members.size() > 1) {
            int[] keys = members.stream().mapToInt(Integer::intValue).toArray();
            mv.visitVarInsn(ILOAD, TEMP);
            mv.visitLookupSwitchInsn(invoke[0], keys, invoke);
        }
        for (int i = 0; i < invoke.length; i++) {
            m.placeWithResult(invoke[i]);
            m.invoke(callees.get(members.get(i)), exits.fault());
            mv.visitJumpInsn(GOTO, returned);
        }
        m.placeAfterCall(returned);
        mv.visitJumpInsn(IFEQ, exits.stopped());
        m.loadState(sync.after());
        mv.visitJumpInsn(GOTO, m.dispatch);
    }

    /** Where calls of {@code sync} go when the callee stopped or a fault escaped it. */
    private static void callExits(RegionMethod m, RegionMethod.CallSync sync, RegionMethod.CallExits exits) {
        MethodVisitor mv = m.mv;
        m.place(exits.stopped());
        m.writeRegisters(sync.unchangedByCallee());
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        // the callee made the fault precise for everything it may have changed; the rest is here
        m.placeHandler(exits.fault());
        mv.visitVarInsn(ASTORE, FAULT);
        m.writeRegisters(sync.unchangedByCallee());
        mv.visitVarInsn(ALOAD, FAULT);
        mv.visitInsn(ATHROW);
    }

    /**
     * {@code ecall} at pc (counter flushed, not counting the ecall): registers out, call the machine,
     * registers in, continue at {@code cpu.pc + 4} through the switch.
     */
    private static void environmentCall(RegionMethod m, int used, int written) {
        MethodVisitor mv = m.mv;
        m.place(m.ecall);
        m.writeBack(written);
        Label callStart = new Label();
        Label callEnd = new Label();
        Label callFault = new Label();
        mv.visitTryCatchBlock(callStart, callEnd, callFault, FAULT_TYPE);
        mv.visitLabel(callStart);
        mv.visitVarInsn(ALOAD, MACHINE);
        mv.visitMethodInsn(INVOKEVIRTUAL, MACHINE_TYPE, "environmentCall", "()V", false);
        mv.visitLabel(callEnd);
        m.loadRegisters(used);
        m.loadFloatLocals();
        m.addToCounter(() -> mv.visitInsn(LCONST_1));
        m.cpu();
        mv.visitFieldInsn(GETFIELD, CPU_TYPE, "pc", "I");
        mv.visitInsn(ICONST_4);
        mv.visitInsn(IADD);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, TEMP);
        mv.visitVarInsn(ILOAD, PC);
        mv.visitJumpInsn(IF_ICMPEQ, m.selfJump);
        mv.visitVarInsn(ILOAD, TEMP);
        mv.visitVarInsn(ISTORE, PC);
        m.limitCheck(m.exitLimit);
        mv.visitJumpInsn(GOTO, m.dispatch);
        // a fault inside the call: cpu already holds the state (host code may have changed registers)
        m.placeHandler(callFault);
        mv.visitVarInsn(ILOAD, PC);
        mv.visitMethodInsn(INVOKEVIRTUAL, FAULT_TYPE, "at", "(I)L" + FAULT_TYPE + ";", false);
        mv.visitInsn(ATHROW);
    }
}
