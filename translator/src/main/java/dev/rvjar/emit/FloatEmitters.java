package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.semantics.Fpu;

import static org.objectweb.asm.Opcodes.*;

/**
 * The F and D instructions, compiled to one call of the {@code FloatOps} or {@code DoubleOps}
 * method the interpreter's {@code FloatInstructions} calls for the same instruction. The comment on
 * each shows the Java the bytecode stands for, with {@code f} the floating-point registers
 * ({@code cpu.f}, in local {@link RegionMethod#F}, or a double local where the region holds the
 * register as one, see {@link RegionMethod#holdsDouble}) and {@code rs1}, {@code rd} the integer
 * register locals.
 *
 * <p>Every instruction starts with the checks the interpreter makes, in its order and inside the
 * instruction's own fault handler, so that an illegal instruction is as precise as a memory fault:
 * {@code Fpu.use} (mstatus.FS; only the first F or D instruction of a basic block needs it, see
 * {@link RegionMethod#firstFpuUseInBlock}), then, for an instruction with a rounding-mode field and
 * rm = DYN, {@code Fpu.roundingMode}, whose result the rest of the block reuses
 * ({@link RegionMethod#firstDynamicRoundingInBlock}). A static rounding mode is a constant.
 */
final class FloatEmitters {
    private static final String FLOAT_OPS = "dev/rvjar/semantics/FloatOps";
    private static final String DOUBLE_OPS = "dev/rvjar/semantics/DoubleOps";
    private static final String FPU = "dev/rvjar/semantics/Fpu";

    /** Where an operand comes from or a result goes, and its JVM type. */
    enum Value {
        /**
         * A single in a floating-point register: unboxed on the way in ({@code FloatOps.unbox}, or
         * only its low half where the block itself boxed it), boxed out.
         */
        SINGLE("I"),
        /** A double in a floating-point register, as a Java double (its raw bits the register's). */
        DOUBLE("D"),
        /** A double in a floating-point register, as raw bits. */
        DOUBLE_BITS("J"),
        /** A word in an integer register. */
        WORD("I");

        final String descriptor;

        Value(String descriptor) {
            this.descriptor = descriptor;
        }
    }

    /** What the semantic method takes after the operands. */
    enum Context {
        /** Nothing: the result depends on the operands alone (sign injection, classification, exact conversions). */
        NONE(""),
        /** The Cpu, whose fflags it accrues into. */
        FLAGS("L" + RegionMethod.CPU_TYPE + ";"),
        /** The resolved rounding mode and the Cpu. */
        ROUNDING("IL" + RegionMethod.CPU_TYPE + ";");

        final String descriptor;

        Context(String descriptor) {
            this.descriptor = descriptor;
        }
    }

    private FloatEmitters() {
    }

    /** {@code rd = FloatOps.name(rs1, rs2, ...[, rm][, cpu])}, operands and result as {@code Value} says. */
    static InstructionEmitter single(String name, Value result, Context context, Value... operands) {
        return call(FLOAT_OPS, name, result, context, operands);
    }

    /** {@code rd = DoubleOps.name(rs1, rs2, ...[, rm][, cpu])}, operands and result as {@code Value} says. */
    static InstructionEmitter doubles(String name, Value result, Context context, Value... operands) {
        return call(DOUBLE_OPS, name, result, context, operands);
    }

    private static InstructionEmitter call(String owner, String name, Value result, Context context, Value... operands) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Value operand : operands) {
            descriptor.append(operand.descriptor);
        }
        descriptor.append(context.descriptor).append(')').append(result.descriptor);
        String methodDescriptor = descriptor.toString();
        return (m, in, pc) -> {
            boolean dynamic = in.op.hasRoundingMode() && in.rm == Fpu.DYN;
            checks(m, in, pc, dynamic);
            startResult(m, in, result);
            int[] sources = {in.rs1, in.rs2, in.rs3};
            for (int i = 0; i < operands.length; i++) {
                operand(m, operands[i], sources[i]);
            }
            if (context == Context.ROUNDING) {
                if (dynamic) {
                    m.mv.visitVarInsn(ILOAD, RegionMethod.ROUNDING_MODE);
                } else {
                    m.push(in.rm);
                }
            }
            if (context != Context.NONE) {
                m.cpu();
            }
            m.mv.visitMethodInsn(INVOKESTATIC, owner, name, methodDescriptor, false);
            finishResult(m, in, result);
        };
    }

    /**
     * {@code Fpu.use(cpu, pc, bits); [roundingMode = Fpu.roundingMode(cpu, DYN, pc, bits)]} where
     * the block has not done them yet, under the instruction's fault handler. An instruction that
     * ignores its rounding mode (such as FCVT.D.S) still checks a dynamic one, as the interpreter does.
     */
    private static void checks(RegionMethod m, Instruction in, int pc, boolean dynamic) {
        boolean fpuCheck = m.firstFpuUseInBlock();
        boolean resolve = dynamic && m.firstDynamicRoundingInBlock();
        if (!fpuCheck && !resolve) {
            return;
        }
        m.faulting(pc, () -> {
            if (fpuCheck) {
                useFpu(m, in, pc);
            }
            if (resolve) {
                resolveRoundingMode(m, in, pc);
            }
        });
    }

    /** {@code roundingMode = Fpu.roundingMode(cpu, DYN, pc, bits)}, emitted inside a fault handler of the instruction. */
    static void resolveRoundingMode(RegionMethod m, Instruction in, int pc) {
        m.cpu();
        m.push(Fpu.DYN);
        m.push(pc);
        m.push(in.bits);
        m.mv.visitMethodInsn(INVOKESTATIC, FPU, "roundingMode", "(L" + RegionMethod.CPU_TYPE + ";III)I", false);
        m.mv.visitVarInsn(ISTORE, RegionMethod.ROUNDING_MODE);
    }

    /** {@code Fpu.use(cpu, pc, bits)}, emitted inside a fault handler of the instruction. */
    static void useFpu(RegionMethod m, Instruction in, int pc) {
        m.cpu();
        m.push(pc);
        m.push(in.bits);
        m.mv.visitMethodInsn(INVOKESTATIC, FPU, "use", "(L" + RegionMethod.CPU_TYPE + ";II)V", false);
    }

    /** Pushes what the store of a floating-point result needs under its value (see {@link RegionMethod#startFloatStore}). */
    static void startResult(RegionMethod m, Instruction in, Value result) {
        if (result != Value.WORD) {
            m.startFloatStore(in.rd);
        }
    }

    /** {@code f[rd] = box(value)}, {@code f[rd] = value} or {@code rd = value} (dropped for x0). */
    static void finishResult(RegionMethod m, Instruction in, Value result) {
        switch (result) {
            case SINGLE -> {
                box(m);
                m.storeFloatBits(in.rd);
            }
            case DOUBLE -> m.storeDouble(in.rd);
            case DOUBLE_BITS -> m.storeFloatBits(in.rd);
            case WORD -> m.store(in.rd);
        }
        if (result != Value.WORD) {
            m.wroteFloatRegister(in.rd, result == Value.SINGLE);
        }
    }

    private static void operand(RegionMethod m, Value operand, int register) {
        if (operand == Value.WORD) {
            m.load(register);
            return;
        }
        if (operand == Value.DOUBLE) {
            m.loadDouble(register);
            return;
        }
        m.loadFloatBits(register);
        if (operand == Value.SINGLE) {
            if (m.holdsBoxedSingle(register)) {
                m.mv.visitInsn(L2I);
            } else {
                m.mv.visitMethodInsn(INVOKESTATIC, FLOAT_OPS, "unbox", "(J)I", false);
            }
        }
    }

    private static void box(RegionMethod m) {
        m.mv.visitMethodInsn(INVOKESTATIC, FLOAT_OPS, "box", "(I)J", false);
    }

    /** fmv.x.w: {@code rd = FloatOps.bits(f[rs1])} */
    static void moveToInteger(RegionMethod m, Instruction in, int pc) {
        checks(m, in, pc, false);
        m.loadFloatBits(in.rs1);
        m.mv.visitMethodInsn(INVOKESTATIC, FLOAT_OPS, "bits", "(J)I", false);
        m.store(in.rd);
    }

    /** fmv.w.x: {@code f[rd] = FloatOps.box(rs1)} */
    static void moveFromInteger(RegionMethod m, Instruction in, int pc) {
        checks(m, in, pc, false);
        startResult(m, in, Value.SINGLE);
        m.load(in.rs1);
        finishResult(m, in, Value.SINGLE);
    }

    /**
     * flw: {@code f[rd] = FloatOps.box(loadWord_<pc>(homeWords, rs1 + imm, memory))};
     * fld: {@code f[rd] = loadDouble_<pc>(homeWords, rs1 + imm, memory)}
     */
    static InstructionEmitter load(Value value) {
        return (m, in, pc) -> {
            boolean fpuCheck = m.firstFpuUseInBlock();
            m.faulting(pc, () -> {
                if (fpuCheck) {
                    useFpu(m, in, pc);
                }
                startResult(m, in, value);
                Emitters.accessOperands(m, in);
                m.memoryAccess(value == Value.SINGLE ? "loadWord" : "loadDouble", pc);
                finishResult(m, in, value);
            });
        };
    }

    /**
     * fsw: {@code storeWord_<pc>(homeWords, rs1 + imm, memory, FloatOps.bits(f[rs2]))};
     * fsd: {@code storeDouble_<pc>(homeWords, rs1 + imm, memory, f[rs2])}
     */
    static InstructionEmitter store(Value value) {
        return (m, in, pc) -> {
            boolean fpuCheck = m.firstFpuUseInBlock();
            m.faulting(pc, () -> {
                if (fpuCheck) {
                    useFpu(m, in, pc);
                }
                Emitters.accessOperands(m, in);
                m.loadFloatBits(in.rs2);
                if (value == Value.SINGLE) {
                    m.mv.visitMethodInsn(INVOKESTATIC, FLOAT_OPS, "bits", "(J)I", false);
                }
                m.memoryAccess(value == Value.SINGLE ? "storeWord" : "storeDouble", pc);
            });
        };
    }
}
