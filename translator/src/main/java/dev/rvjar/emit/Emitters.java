package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;

import static org.objectweb.asm.Opcodes.*;

/**
 * One small method (or method factory) per kind of instruction, all of the shape
 * {@link InstructionEmitter}; {@link EmitterMap} says which opcode uses which. The comment on each
 * shows the Java the bytecode stands for, with {@code rs1}, {@code rs2} the guest register locals.
 */
final class Emitters {
    private static final String INT_OPS = "dev/rvjar/semantics/IntegerOps";
    private static final String CSR = "dev/rvjar/semantics/Csr";
    private static final String RESERVATION = "dev/rvjar/semantics/Reservation";
    private static final String CPU_AND_MEMORY = "L" + RegionMethod.CPU_TYPE + ";L" + RegionMethod.MEMORY_TYPE + ";";

    private Emitters() {
    }

    /** {@code rs1 <op> rs2} */
    static InstructionEmitter binary(int opcode) {
        return (m, in, pc) -> {
            m.load(in.rs1);
            m.load(in.rs2);
            m.mv.visitInsn(opcode);
        };
    }

    /** {@code rs1 <op> imm} */
    static InstructionEmitter withImmediate(int opcode) {
        return (m, in, pc) -> {
            m.load(in.rs1);
            m.push(in.imm);
            m.mv.visitInsn(opcode);
        };
    }

    /** addi, and its common special cases li ({@code imm}) and mv ({@code rs1}) */
    static void addImmediate(RegionMethod m, Instruction in, int pc) {
        if (in.rs1 == 0) {
            m.push(in.imm);
        } else {
            m.load(in.rs1);
            if (in.imm != 0) {
                m.push(in.imm);
                m.mv.visitInsn(IADD);
            }
        }
    }

    /** add, and its common special case mv ({@code c.mv} is {@code add rd, x0, rs2}): {@code rs1 + rs2} */
    static void add(RegionMethod m, Instruction in, int pc) {
        if (in.rs1 == 0 || in.rs2 == 0) {
            m.load(in.rs1 | in.rs2);
        } else {
            m.load(in.rs1);
            m.load(in.rs2);
            m.mv.visitInsn(IADD);
        }
    }

    /** {@code (<cast>) rs1} */
    static InstructionEmitter unary(int opcode) {
        return (m, in, pc) -> {
            m.load(in.rs1);
            m.mv.visitInsn(opcode);
        };
    }

    /** {@code Owner.name(rs1, rs2)} */
    static InstructionEmitter shared(String owner, String name) {
        return (m, in, pc) -> {
            m.load(in.rs1);
            m.load(in.rs2);
            m.mv.visitMethodInsn(INVOKESTATIC, owner, name, "(II)I", false);
        };
    }

    /** {@code Owner.name(rs1, imm)} */
    static InstructionEmitter sharedWithImmediate(String owner, String name) {
        return (m, in, pc) -> {
            m.load(in.rs1);
            m.push(in.imm);
            m.mv.visitMethodInsn(INVOKESTATIC, owner, name, "(II)I", false);
        };
    }

    /** {@code Owner.name(rs1)} */
    static InstructionEmitter sharedUnary(String owner, String name) {
        return (m, in, pc) -> {
            m.load(in.rs1);
            m.mv.visitMethodInsn(INVOKESTATIC, owner, name, "(I)I", false);
        };
    }

    /** sh1add, sh2add, sh3add: {@code (rs1 << n) + rs2} */
    static void shiftAdd(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.push(switch (in.op) {
            case SH1ADD -> 1;
            case SH2ADD -> 2;
            default -> 3;
        });
        m.mv.visitInsn(ISHL);
        m.load(in.rs2);
        m.mv.visitInsn(IADD);
    }

    /** andn: {@code rs1 & ~rs2} */
    static void andNot(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.load(in.rs2);
        m.mv.visitInsn(ICONST_M1);
        m.mv.visitInsn(IXOR);
        m.mv.visitInsn(IAND);
    }

    /** orn: {@code rs1 | ~rs2} */
    static void orNot(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.load(in.rs2);
        m.mv.visitInsn(ICONST_M1);
        m.mv.visitInsn(IXOR);
        m.mv.visitInsn(IOR);
    }

    /** xnor: {@code ~(rs1 ^ rs2)} */
    static void exclusiveNor(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.load(in.rs2);
        m.mv.visitInsn(IXOR);
        m.mv.visitInsn(ICONST_M1);
        m.mv.visitInsn(IXOR);
    }

    /** zext.h: {@code rs1 & 0xFFFF} */
    static void zeroExtendHalf(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.push(0xFFFF);
        m.mv.visitInsn(IAND);
    }

    /** bclr: {@code rs1 & ~(1 << rs2)} */
    static void bitClear(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.mv.visitInsn(ICONST_1);
        m.load(in.rs2);
        m.mv.visitInsn(ISHL);
        m.mv.visitInsn(ICONST_M1);
        m.mv.visitInsn(IXOR);
        m.mv.visitInsn(IAND);
    }

    /** bclri: {@code rs1 & ~(1 << imm)} */
    static void bitClearImmediate(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.push(~(1 << in.imm));
        m.mv.visitInsn(IAND);
    }

    /** bext: {@code (rs1 >>> rs2) & 1} */
    static void bitExtract(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.load(in.rs2);
        m.mv.visitInsn(IUSHR);
        m.mv.visitInsn(ICONST_1);
        m.mv.visitInsn(IAND);
    }

    /** bexti: {@code (rs1 >>> imm) & 1} */
    static void bitExtractImmediate(RegionMethod m, Instruction in, int pc) {
        m.load(in.rs1);
        m.push(in.imm);
        m.mv.visitInsn(IUSHR);
        m.mv.visitInsn(ICONST_1);
        m.mv.visitInsn(IAND);
    }

    /** binv, bset: {@code rs1 <op> (1 << rs2)} */
    static InstructionEmitter singleBit(int opcode) {
        return (m, in, pc) -> {
            m.load(in.rs1);
            m.mv.visitInsn(ICONST_1);
            m.load(in.rs2);
            m.mv.visitInsn(ISHL);
            m.mv.visitInsn(opcode);
        };
    }

    /** binvi, bseti: {@code rs1 <op> (1 << imm)} */
    static InstructionEmitter singleBitImmediate(int opcode) {
        return (m, in, pc) -> {
            m.load(in.rs1);
            m.push(1 << in.imm);
            m.mv.visitInsn(opcode);
        };
    }

    /** {@code loadX_<pc>(homeWords, rs1 + imm, memory)}: see {@link AccessSites} */
    static InstructionEmitter load(String accessor) {
        return (m, in, pc) -> m.faulting(pc, () -> {
            accessOperands(m, in);
            m.memoryAccess(accessor, pc);
        });
    }

    /** {@code storeX_<pc>(homeWords, rs1 + imm, memory, rs2)}: see {@link AccessSites} */
    static InstructionEmitter store(String accessor) {
        return (m, in, pc) -> m.faulting(pc, () -> {
            accessOperands(m, in);
            m.load(in.rs2);
            m.memoryAccess(accessor, pc);
        });
    }

    /**
     * Pushes the first operands of a load's or store's access method (see {@link AccessSites}): the
     * home words, {@code rs1 + imm} (the address) and the memory.
     */
    static void accessOperands(RegionMethod m, Instruction in) {
        m.homeWords();
        m.load(in.rs1);
        if (in.imm != 0) {
            m.push(in.imm);
            m.mv.visitInsn(IADD);
        }
        m.memory();
    }

    /**
     * amo*.w: {@code temp = memory.loadWord(rs1); memory.storeWord(rs1, IntegerOps.atomic(OP, temp, rs2)); rd = temp}
     */
    static void atomic(RegionMethod m, Instruction in, int pc) {
        m.faulting(pc, () -> {
            m.memory();
            m.load(in.rs1);
            m.mv.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, "loadWord", "(I)I", false);
            m.mv.visitVarInsn(ISTORE, RegionMethod.TEMP);
            m.memory();
            m.load(in.rs1);
            m.mv.visitFieldInsn(GETSTATIC, "dev/rvjar/decode/Opcode", in.op.name(), "Ldev/rvjar/decode/Opcode;");
            m.mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
            m.load(in.rs2);
            m.mv.visitMethodInsn(INVOKESTATIC, INT_OPS, "atomic", "(Ldev/rvjar/decode/Opcode;II)I", false);
            m.mv.visitMethodInsn(INVOKEVIRTUAL, RegionMethod.MEMORY_TYPE, "storeWord", "(II)V", false);
        });
        if (in.rd != 0) {
            m.mv.visitVarInsn(ILOAD, RegionMethod.TEMP);
            m.store(in.rd);
        }
    }

    /** lr.w: {@code Reservation.loadReserved(cpu, memory, rs1)}, the interpreter's own method. */
    static void loadReserved(RegionMethod m, Instruction in, int pc) {
        m.faulting(pc, () -> {
            m.cpu();
            m.memory();
            m.load(in.rs1);
            m.mv.visitMethodInsn(INVOKESTATIC, RESERVATION, "loadReserved", "(" + CPU_AND_MEMORY + "I)I", false);
        });
    }

    /** sc.w: {@code Reservation.storeConditional(cpu, memory, rs1, rs2)}, the interpreter's own method. */
    static void storeConditional(RegionMethod m, Instruction in, int pc) {
        m.faulting(pc, () -> {
            m.cpu();
            m.memory();
            m.load(in.rs1);
            m.load(in.rs2);
            m.mv.visitMethodInsn(INVOKESTATIC, RESERVATION, "storeConditional", "(" + CPU_AND_MEMORY + "II)I", false);
        });
    }

    /**
     * csrrw and friends: {@code cpu.instret = instret; rd = Csr.readX(cpu, csr, source, flag, pc, bits)},
     * with the counter exact because counters are CSRs.
     */
    static void csr(RegionMethod m, Instruction in, int pc) {
        m.flush();
        m.cpu();
        m.mv.visitVarInsn(LLOAD, RegionMethod.INSTRET);
        m.mv.visitFieldInsn(PUTFIELD, RegionMethod.CPU_TYPE, "instret", "J");
        boolean immediate = in.op == Opcode.CSRRWI || in.op == Opcode.CSRRSI || in.op == Opcode.CSRRCI;
        String method;
        boolean flag;
        switch (in.op) {
            case CSRRW, CSRRWI -> {
                method = "readWrite";
                flag = in.rd != 0;
            }
            case CSRRS, CSRRSI -> {
                method = "readSet";
                flag = in.rs1 != 0;
            }
            default -> {
                method = "readClear";
                flag = in.rs1 != 0;
            }
        }
        m.faulting(pc, () -> {
            m.cpu();
            m.push(in.imm);
            if (immediate) {
                m.push(in.rs1);
            } else {
                m.load(in.rs1);
            }
            m.push(flag ? 1 : 0);
            m.push(pc);
            m.push(in.bits);
            m.mv.visitMethodInsn(INVOKESTATIC, CSR, method, "(L" + RegionMethod.CPU_TYPE + ";IIZII)I", false);
        });
        m.store(in.rd);
    }
}
