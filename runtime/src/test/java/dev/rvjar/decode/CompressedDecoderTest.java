package dev.rvjar.decode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every RV32C form (with the F and D loads and stores) expands to the base instruction the RVC
 * chapter of the unprivileged spec gives for it. Encodings come from the GNU assembler
 * ({@code .option rvc}); expansions are written from the spec's table, not from the decoder.
 */
class CompressedDecoderTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        // encoding, assembler text,          op,     rd, rs1, rs2, imm
        "1fe0, 'c.addi4spn s0,sp,1020',       ADDI,   8,  2,   0,   1020",
        "3fe0, 'c.fld fs0,248(a5)',           FLD,    8,  15,  0,   248",
        "5de8, 'c.lw a0,124(a1)',             LW,     10, 11,  0,   124",
        "60c8, 'c.flw fa0,4(s1)',             FLW,    10, 9,   0,   4",
        "a51c, 'c.fsd fa5,8(a0)',             FSD,    0,  10,  15,  8",
        "c0bc, 'c.sw a5,64(s1)',              SW,     0,  9,   15,  64",
        "ffe4, 'c.fsw fs1,124(a5)',           FSW,    0,  15,  9,   124",
        "0001, 'c.nop',                       ADDI,   0,  0,   0,   0",
        "1501, 'c.addi a0,-32',               ADDI,   10, 10,  0,   -32",
        "2ffd, 'c.jal .+2046',                JAL,    1,  0,   0,   2046",
        "42fd, 'c.li t0,31',                  ADDI,   5,  0,   0,   31",
        "7101, 'c.addi16sp sp,-512',          ADDI,   2,  2,   0,   -512",
        "617d, 'c.addi16sp sp,496',           ADDI,   2,  2,   0,   496",
        "7485, 'c.lui s1,0xfffe1',            LUI,    9,  0,   0,   -126976",
        "6785, 'c.lui a5,0x1',                LUI,    15, 0,   0,   4096",
        "807d, 'c.srli s0,31',                SRLI,   8,  8,   0,   31",
        "8785, 'c.srai a5,1',                 SRAI,   15, 15,  0,   1",
        "99fd, 'c.andi a1,-1',                ANDI,   11, 11,  0,   -1",
        "8c05, 'c.sub s0,s1',                 SUB,    8,  8,   9,   0",
        "8e35, 'c.xor a2,a3',                 XOR,    12, 12,  13,  0",
        "8f5d, 'c.or a4,a5',                  OR,     14, 14,  15,  0",
        "8c7d, 'c.and s0,a5',                 AND,    8,  8,   15,  0",
        "b001, 'c.j .-2048',                  JAL,    0,  0,   0,   -2048",
        "d101, 'c.beqz a0,.-256',             BEQ,    0,  10,  0,   -256",
        "ecfd, 'c.bnez s1,.+254',             BNE,    0,  9,   0,   254",
        "00fe, 'c.slli ra,31',                SLLI,   1,  1,   0,   31",
        "30fe, 'c.fldsp ft1,504(sp)',         FLD,    1,  2,   0,   504",
        "53fe, 'c.lwsp t2,252(sp)',           LW,     7,  2,   0,   252",
        "6582, 'c.flwsp fa1,0(sp)',           FLW,    11, 2,   0,   0",
        "8082, 'c.jr ra',                     JALR,   0,  1,   0,   0",
        "857e, 'c.mv a0,t6',                  ADD,    10, 0,   31,  0",
        "9002, 'c.ebreak',                    EBREAK, 0,  0,   0,   0",
        "9282, 'c.jalr t0',                   JALR,   1,  5,   0,   0",
        "9dae, 'c.add s11,a1',                ADD,    27, 27,  11,  0",
        "bfee, 'c.fsdsp fs11,504(sp)',        FSD,    0,  2,   27,  504",
        "df86, 'c.swsp ra,252(sp)',           SW,     0,  2,   1,   252",
        "e202, 'c.fswsp ft0,4(sp)',           FSW,    0,  2,   0,   4"})
    void expandsToTheBaseInstruction(String encoding, String text, Opcode op, int rd, int rs1, int rs2, int imm) {
        int bits = Integer.parseInt(encoding, 16);
        // The upper parcel must not matter for a 2-byte instruction.
        Instruction in = Decoder.decode(0xdead_0000 | bits);
        assertEquals(op, in.op, text);
        assertEquals(rd, in.rd, text + " rd");
        assertEquals(rs1, in.rs1, text + " rs1");
        assertEquals(rs2, in.rs2, text + " rs2");
        assertEquals(imm, in.imm, text + " imm");
        assertEquals(2, in.length, text + " length");
        assertEquals(bits, in.bits, text + " bits");
    }

    @ParameterizedTest(name = "reserved {0}")
    @ValueSource(strings = {
        "0000",  // all zeros: defined illegal
        "0004",  // c.addi4spn with a zero immediate
        "6101",  // c.addi16sp with a zero immediate
        "6081",  // c.lui with a zero immediate
        "4002",  // c.lwsp into x0
        "8002",  // c.jr x0
        "9c41",  // c.subw: RV64 only
        "9001"}) // c.srli with shamt[5] set: RV64 only
    void reservedEncodingsAreIllegal(String encoding) {
        Instruction in = Decoder.decode(Integer.parseInt(encoding, 16));
        assertEquals(Opcode.ILLEGAL, in.op);
        assertEquals(2, in.length);
    }
}
