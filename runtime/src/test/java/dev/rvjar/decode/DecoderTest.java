package dev.rvjar.decode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 32-bit encodings of the F, D, A, Zicsr, Zifencei, Zba, Zbb, Zbs and machine-mode instructions
 * (assembled by GNU as) decode to the opcode and fields the unprivileged and privileged specs give.
 */
class DecoderTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        // encoding, assembler text,                 op,         rd, rs1, rs2, rs3, rm
        "68c59543, 'fmadd.s fa0,fa1,fa2,fa3,rtz',    FMADD_S,    10, 11,  12,  13,  1",
        "fa20f04f, 'fnmadd.d ft0,ft1,ft2,ft11,dyn',  FNMADD_D,   0,  1,   2,   31,  7",
        "5a04b453, 'fsqrt.d fs0,fs1,rup',            FSQRT_D,    8,  9,   0,   0,   3",
        "c011c553, 'fcvt.wu.s a0,ft3,rmm',           FCVT_WU_S,  10, 3,   1,   0,   4",
        "4015a553, 'fcvt.s.d fa0,fa1,rdn',           FCVT_S_D,   10, 11,  1,   0,   2",
        "42058553, 'fcvt.d.s fa0,fa1',               FCVT_D_S,   10, 11,  0,   0,   0",
        "e20795d3, 'fclass.d a1,fa5',                FCLASS_D,   11, 15,  0,   0,   1",
        "f0058053, 'fmv.w.x ft0,a1',                 FMV_W_X,    0,  11,  0,   0,   0",
        "a2b50553, 'fle.d a0,fa0,fa1',               FLE_D,      10, 10,  11,  0,   0",
        "28208053, 'fmin.s ft0,ft1,ft2',             FMIN_S,     0,  1,   2,   0,   0",
        "1605a52f, 'lr.w.aqrl a0,(a1)',              LR_W,       10, 11,  0,   0,   2",
        "18d7262f, 'sc.w a2,a3,(a4)',                SC_W,       12, 14,  13,  0,   2",
        "e463a2af, 'amomaxu.w.aq t0,t1,(t2)',        AMOMAXU_W,  5,  7,   6,   0,   2",
        "30200073, 'mret',                           MRET,       0,  0,   2,   0,   0",
        "10500073, 'wfi',                            WFI,        0,  0,   5,   0,   0",
        "20c5e533, 'sh3add a0,a1,a2',                SH3ADD,     10, 11,  12,  0,   6",
        "0805c533, 'zext.h a0,a1',                   ZEXT_H,     10, 11,  0,   0,   4",
        "0000100f, 'fence.i',                        FENCE_I,    0,  0,   0,   0,   1"})
    void decodesOpcodeAndRegisters(String encoding, String text, Opcode op, int rd, int rs1, int rs2, int rs3, int rm) {
        Instruction in = Decoder.decode(Integer.parseUnsignedInt(encoding, 16));
        assertEquals(op, in.op, text);
        assertEquals(rd, in.rd, text + " rd");
        assertEquals(rs1, in.rs1, text + " rs1");
        assertEquals(rs2, in.rs2, text + " rs2");
        assertEquals(4, in.length);
        if (op.hasRoundingMode()) {
            assertEquals(rm, in.rm, text + " rm");
        }
        if (in.op.name().startsWith("FM") || in.op.name().startsWith("FNM")) {
            assertEquals(rs3, in.rs3, text + " rs3");
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "30047573, 'csrrci a0,mstatus,8', CSRRCI, 10, 8,  768",
        "6985d513, 'rev8 a0,a1',          REV8,   10, 11, 1688",
        "28765593, 'orc.b a1,a2',         ORC_B,  11, 12, 647",
        "49f5d513, 'bexti a0,a1,31',      BEXTI,  10, 11, 31"})
    void decodesImmediateForms(String encoding, String text, Opcode op, int rd, int rs1, int imm) {
        Instruction in = Decoder.decode(Integer.parseUnsignedInt(encoding, 16));
        assertEquals(op, in.op, text);
        assertEquals(rd, in.rd, text);
        assertEquals(rs1, in.rs1, text);
        if (op != Opcode.REV8 && op != Opcode.ORC_B) {
            assertEquals(imm, in.imm, text);
        }
    }

    @Test
    void reservedRoundingModesAreIllegalButDynamicIsNot() {
        // fadd.s fa0,fa1,fa2 with rm = 5, 6 (reserved) and 7 (dynamic, checked against frm at run time).
        assertEquals(Opcode.ILLEGAL, Decoder.decode(0x00c5_d553).op);
        assertEquals(Opcode.ILLEGAL, Decoder.decode(0x00c5_e553).op);
        assertEquals(Opcode.FADD_S, Decoder.decode(0x00c5_f553).op);
    }

    @Test
    void formsThatOnlyExistOnRv64AreIllegal() {
        assertEquals(Opcode.ILLEGAL, Decoder.decode(0x0200_5013 | 10 << 7 | 11 << 15).op); // srli a0,a1,32
        assertEquals(Opcode.ILLEGAL, Decoder.decode(0x0005_b503).op); // ld a0,0(a1)
    }
}
