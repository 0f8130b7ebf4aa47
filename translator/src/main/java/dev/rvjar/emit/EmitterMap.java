package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;

import java.util.EnumMap;
import java.util.Map;

import static dev.rvjar.decode.Opcode.*;
import static dev.rvjar.emit.FloatEmitters.Context.FLAGS;
import static dev.rvjar.emit.FloatEmitters.Context.NONE;
import static dev.rvjar.emit.FloatEmitters.Context.ROUNDING;
import static dev.rvjar.emit.FloatEmitters.Value.DOUBLE;
import static dev.rvjar.emit.FloatEmitters.Value.DOUBLE_BITS;
import static dev.rvjar.emit.FloatEmitters.Value.SINGLE;
import static dev.rvjar.emit.FloatEmitters.Value.WORD;
import static org.objectweb.asm.Opcodes.*;

/**
 * How each instruction the translator handles is compiled, one line per opcode (after Chicory's
 * {@code EmitterMap}). {@code value} instructions push the new value of rd (and emit nothing when
 * rd is x0), {@code load} instructions do the same but always access memory, {@code effect}
 * instructions do everything themselves. {@code shared} ones call the very static method the
 * interpreter calls, so the two engines cannot disagree; so do all of F and D ({@link FloatEmitters})
 * and {@code lr.w}/{@code sc.w}, whose reservation is hart state in the Cpu. Control transfers,
 * {@code ecall} and {@code fence.i} are compiled by {@link RegionEmitter} itself. Anything not listed
 * here (the rare {@code ebreak}, {@code mret}, {@code wfi}) ends the translated block and runs in the
 * interpreter.
 */
final class EmitterMap {
    enum Kind { VALUE, LOAD, EFFECT }

    record Entry(Kind kind, InstructionEmitter emitter) {
    }

    private static final String INT_OPS = "dev/rvjar/semantics/IntegerOps";
    private static final String INTEGER = "java/lang/Integer";
    private static final String MATH = "java/lang/Math";

    private static final Map<Opcode, Entry> ENTRIES = new EnumMap<>(Opcode.class);

    static {
        value(LUI, (m, in, pc) -> m.push(in.imm));
        value(AUIPC, (m, in, pc) -> m.push(pc + in.imm));

        value(ADDI, Emitters::addImmediate);
        value(XORI, Emitters.withImmediate(IXOR));
        value(ORI, Emitters.withImmediate(IOR));
        value(ANDI, Emitters.withImmediate(IAND));
        value(SLLI, Emitters.withImmediate(ISHL));
        value(SRLI, Emitters.withImmediate(IUSHR));
        value(SRAI, Emitters.withImmediate(ISHR));
        value(SLTI, Emitters.sharedWithImmediate(INT_OPS, "slt"));
        value(SLTIU, Emitters.sharedWithImmediate(INT_OPS, "sltu"));

        value(ADD, Emitters::add);
        value(SUB, Emitters.binary(ISUB));
        value(SLL, Emitters.binary(ISHL));
        value(SRL, Emitters.binary(IUSHR));
        value(SRA, Emitters.binary(ISHR));
        value(XOR, Emitters.binary(IXOR));
        value(OR, Emitters.binary(IOR));
        value(AND, Emitters.binary(IAND));
        value(SLT, Emitters.shared(INT_OPS, "slt"));
        value(SLTU, Emitters.shared(INT_OPS, "sltu"));

        value(MUL, Emitters.binary(IMUL));
        value(MULH, Emitters.shared(INT_OPS, "mulh"));
        value(MULHSU, Emitters.shared(INT_OPS, "mulhsu"));
        value(MULHU, Emitters.shared(INT_OPS, "mulhu"));
        value(DIV, Emitters.shared(INT_OPS, "div"));
        value(DIVU, Emitters.shared(INT_OPS, "divu"));
        value(REM, Emitters.shared(INT_OPS, "rem"));
        value(REMU, Emitters.shared(INT_OPS, "remu"));

        value(SH1ADD, Emitters::shiftAdd);
        value(SH2ADD, Emitters::shiftAdd);
        value(SH3ADD, Emitters::shiftAdd);

        value(ANDN, Emitters::andNot);
        value(ORN, Emitters::orNot);
        value(XNOR, Emitters::exclusiveNor);
        value(CLZ, Emitters.sharedUnary(INTEGER, "numberOfLeadingZeros"));
        value(CTZ, Emitters.sharedUnary(INTEGER, "numberOfTrailingZeros"));
        value(CPOP, Emitters.sharedUnary(INTEGER, "bitCount"));
        value(MAX, Emitters.shared(MATH, "max"));
        value(MAXU, Emitters.shared(INT_OPS, "maxu"));
        value(MIN, Emitters.shared(MATH, "min"));
        value(MINU, Emitters.shared(INT_OPS, "minu"));
        value(SEXT_B, Emitters.unary(I2B));
        value(SEXT_H, Emitters.unary(I2S));
        value(ZEXT_H, Emitters::zeroExtendHalf);
        value(ROL, Emitters.shared(INTEGER, "rotateLeft"));
        value(ROR, Emitters.shared(INTEGER, "rotateRight"));
        value(RORI, Emitters.sharedWithImmediate(INTEGER, "rotateRight"));
        value(ORC_B, Emitters.sharedUnary(INT_OPS, "orcb"));
        value(REV8, Emitters.sharedUnary(INTEGER, "reverseBytes"));

        value(BCLR, Emitters::bitClear);
        value(BCLRI, Emitters::bitClearImmediate);
        value(BEXT, Emitters::bitExtract);
        value(BEXTI, Emitters::bitExtractImmediate);
        value(BINV, Emitters.singleBit(IXOR));
        value(BINVI, Emitters.singleBitImmediate(IXOR));
        value(BSET, Emitters.singleBit(IOR));
        value(BSETI, Emitters.singleBitImmediate(IOR));

        load(LB, Emitters.load("loadByte"));
        load(LH, Emitters.load("loadHalf"));
        load(LW, Emitters.load("loadWord"));
        load(LBU, Emitters.load("loadByteUnsigned"));
        load(LHU, Emitters.load("loadHalfUnsigned"));
        effect(SB, Emitters.store("storeByte"));
        effect(SH, Emitters.store("storeHalf"));
        effect(SW, Emitters.store("storeWord"));

        // lr.w and sc.w always run: both reserve or store, and may fault, even with rd = x0
        load(LR_W, Emitters::loadReserved);
        load(SC_W, Emitters::storeConditional);
        for (Opcode amo : new Opcode[] {AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W,
            AMOMINU_W, AMOMAXU_W}) {
            effect(amo, Emitters::atomic);
        }

        // F and D: always effects, since even with rd = x0 they may fault or raise fflags
        effect(FLW, FloatEmitters.load(SINGLE));
        effect(FSW, FloatEmitters.store(SINGLE));
        effect(FLD, FloatEmitters.load(DOUBLE_BITS));
        effect(FSD, FloatEmitters.store(DOUBLE_BITS));

        effect(FADD_S, FloatEmitters.single("add", SINGLE, ROUNDING, SINGLE, SINGLE));
        effect(FSUB_S, FloatEmitters.single("sub", SINGLE, ROUNDING, SINGLE, SINGLE));
        effect(FMUL_S, FloatEmitters.single("mul", SINGLE, ROUNDING, SINGLE, SINGLE));
        effect(FDIV_S, FloatEmitters.single("div", SINGLE, ROUNDING, SINGLE, SINGLE));
        effect(FSQRT_S, FloatEmitters.single("sqrt", SINGLE, ROUNDING, SINGLE));
        effect(FMADD_S, FloatEmitters.single("fmadd", SINGLE, ROUNDING, SINGLE, SINGLE, SINGLE));
        effect(FMSUB_S, FloatEmitters.single("fmsub", SINGLE, ROUNDING, SINGLE, SINGLE, SINGLE));
        effect(FNMSUB_S, FloatEmitters.single("fnmsub", SINGLE, ROUNDING, SINGLE, SINGLE, SINGLE));
        effect(FNMADD_S, FloatEmitters.single("fnmadd", SINGLE, ROUNDING, SINGLE, SINGLE, SINGLE));
        effect(FSGNJ_S, FloatEmitters.single("sgnj", SINGLE, NONE, SINGLE, SINGLE));
        effect(FSGNJN_S, FloatEmitters.single("sgnjn", SINGLE, NONE, SINGLE, SINGLE));
        effect(FSGNJX_S, FloatEmitters.single("sgnjx", SINGLE, NONE, SINGLE, SINGLE));
        effect(FMIN_S, FloatEmitters.single("min", SINGLE, FLAGS, SINGLE, SINGLE));
        effect(FMAX_S, FloatEmitters.single("max", SINGLE, FLAGS, SINGLE, SINGLE));
        effect(FEQ_S, FloatEmitters.single("eq", WORD, FLAGS, SINGLE, SINGLE));
        effect(FLT_S, FloatEmitters.single("lt", WORD, FLAGS, SINGLE, SINGLE));
        effect(FLE_S, FloatEmitters.single("le", WORD, FLAGS, SINGLE, SINGLE));
        effect(FCLASS_S, FloatEmitters.single("fclass", WORD, NONE, SINGLE));
        effect(FCVT_W_S, FloatEmitters.single("toInt", WORD, ROUNDING, SINGLE));
        effect(FCVT_WU_S, FloatEmitters.single("toUnsignedInt", WORD, ROUNDING, SINGLE));
        effect(FCVT_S_W, FloatEmitters.single("fromInt", SINGLE, ROUNDING, WORD));
        effect(FCVT_S_WU, FloatEmitters.single("fromUnsignedInt", SINGLE, ROUNDING, WORD));
        effect(FMV_X_W, FloatEmitters::moveToInteger);
        effect(FMV_W_X, FloatEmitters::moveFromInteger);

        effect(FADD_D, FloatEmitters.doubles("add", DOUBLE, ROUNDING, DOUBLE, DOUBLE));
        effect(FSUB_D, FloatEmitters.doubles("sub", DOUBLE, ROUNDING, DOUBLE, DOUBLE));
        effect(FMUL_D, FloatEmitters.doubles("mul", DOUBLE, ROUNDING, DOUBLE, DOUBLE));
        effect(FDIV_D, FloatEmitters.doubles("div", DOUBLE, ROUNDING, DOUBLE, DOUBLE));
        effect(FSQRT_D, FloatEmitters.doubles("sqrt", DOUBLE, ROUNDING, DOUBLE));
        effect(FMADD_D, FloatEmitters.doubles("fmadd", DOUBLE, ROUNDING, DOUBLE, DOUBLE, DOUBLE));
        effect(FMSUB_D, FloatEmitters.doubles("fmsub", DOUBLE_BITS, ROUNDING, DOUBLE_BITS, DOUBLE_BITS, DOUBLE_BITS));
        effect(FNMSUB_D, FloatEmitters.doubles("fnmsub", DOUBLE_BITS, ROUNDING, DOUBLE_BITS, DOUBLE_BITS, DOUBLE_BITS));
        effect(FNMADD_D, FloatEmitters.doubles("fnmadd", DOUBLE_BITS, ROUNDING, DOUBLE_BITS, DOUBLE_BITS, DOUBLE_BITS));
        effect(FSGNJ_D, FloatEmitters.doubles("sgnj", DOUBLE_BITS, NONE, DOUBLE_BITS, DOUBLE_BITS));
        effect(FSGNJN_D, FloatEmitters.doubles("sgnjn", DOUBLE_BITS, NONE, DOUBLE_BITS, DOUBLE_BITS));
        effect(FSGNJX_D, FloatEmitters.doubles("sgnjx", DOUBLE_BITS, NONE, DOUBLE_BITS, DOUBLE_BITS));
        effect(FMIN_D, FloatEmitters.doubles("min", DOUBLE_BITS, FLAGS, DOUBLE_BITS, DOUBLE_BITS));
        effect(FMAX_D, FloatEmitters.doubles("max", DOUBLE_BITS, FLAGS, DOUBLE_BITS, DOUBLE_BITS));
        effect(FEQ_D, FloatEmitters.doubles("eq", WORD, FLAGS, DOUBLE_BITS, DOUBLE_BITS));
        effect(FLT_D, FloatEmitters.doubles("lt", WORD, FLAGS, DOUBLE_BITS, DOUBLE_BITS));
        effect(FLE_D, FloatEmitters.doubles("le", WORD, FLAGS, DOUBLE_BITS, DOUBLE_BITS));
        effect(FCLASS_D, FloatEmitters.doubles("fclass", WORD, NONE, DOUBLE_BITS));
        effect(FCVT_W_D, FloatEmitters.doubles("toInt", WORD, ROUNDING, DOUBLE_BITS));
        effect(FCVT_WU_D, FloatEmitters.doubles("toUnsignedInt", WORD, ROUNDING, DOUBLE_BITS));
        effect(FCVT_D_W, FloatEmitters.doubles("fromInt", DOUBLE_BITS, NONE, WORD));
        effect(FCVT_D_WU, FloatEmitters.doubles("fromUnsignedInt", DOUBLE_BITS, NONE, WORD));
        effect(FCVT_S_D, FloatEmitters.doubles("toSingle", SINGLE, ROUNDING, DOUBLE_BITS));
        effect(FCVT_D_S, FloatEmitters.single("toDouble", DOUBLE_BITS, FLAGS, SINGLE));

        effect(FENCE, (m, in, pc) -> { });
        for (Opcode csr : new Opcode[] {CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI}) {
            effect(csr, Emitters::csr);
        }
    }

    private EmitterMap() {
    }

    private static void value(Opcode op, InstructionEmitter emitter) {
        ENTRIES.put(op, new Entry(Kind.VALUE, emitter));
    }

    private static void load(Opcode op, InstructionEmitter emitter) {
        ENTRIES.put(op, new Entry(Kind.LOAD, emitter));
    }

    private static void effect(Opcode op, InstructionEmitter emitter) {
        ENTRIES.put(op, new Entry(Kind.EFFECT, emitter));
    }

    /** The entry for a straight-line instruction, or null for control transfers and untranslated ones. */
    static Entry entry(Opcode op) {
        return ENTRIES.get(op);
    }

    /** Whether translated code can contain {@code in}; the rest is left to the interpreter. */
    static boolean translates(Instruction in) {
        return switch (in.op.kind()) {
            case BRANCH, JUMP -> true;
            default -> in.op == ECALL || in.op == FENCE_I || ENTRIES.containsKey(in.op);
        };
    }
}
