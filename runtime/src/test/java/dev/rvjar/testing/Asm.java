package dev.rvjar.testing;

import java.io.ByteArrayOutputStream;

/**
 * A tiny RV32I/M assembler for tests, written from the encoding tables of the RISC-V unprivileged
 * specification (chapter 2, "Base Instruction Formats"), independently of rvjar's decoder.
 * Methods append one instruction; branch and jump offsets are byte offsets relative to that instruction.
 */
public final class Asm {
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();

    /** The byte offset the next instruction will get. */
    public int here() {
        return code.size();
    }

    public byte[] bytes() {
        return code.toByteArray();
    }

    public Asm word(int bits) {
        code.write(bits);
        code.write(bits >>> 8);
        code.write(bits >>> 16);
        code.write(bits >>> 24);
        return this;
    }

    public Asm half(int bits) {
        code.write(bits);
        code.write(bits >>> 8);
        return this;
    }

    public static int r(int funct7, int rs2, int rs1, int funct3, int rd, int opcode) {
        return funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
    }

    public static int i(int imm, int rs1, int funct3, int rd, int opcode) {
        return (imm & 0xFFF) << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
    }

    public static int s(int imm, int rs2, int rs1, int funct3, int opcode) {
        return ((imm >> 5) & 0x7F) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | (imm & 0x1F) << 7 | opcode;
    }

    public static int b(int imm, int rs2, int rs1, int funct3) {
        return ((imm >> 12) & 1) << 31 | ((imm >> 5) & 0x3F) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12
                | ((imm >> 1) & 0xF) << 8 | ((imm >> 11) & 1) << 7 | 0x63;
    }

    public static int u(int imm20, int rd, int opcode) {
        return imm20 << 12 | rd << 7 | opcode;
    }

    public static int j(int imm, int rd) {
        return ((imm >> 20) & 1) << 31 | ((imm >> 1) & 0x3FF) << 21 | ((imm >> 11) & 1) << 20
                | ((imm >> 12) & 0xFF) << 12 | rd << 7 | 0x6F;
    }

    // U and J types
    public Asm lui(int rd, int imm20) { return word(u(imm20, rd, 0x37)); }
    public Asm auipc(int rd, int imm20) { return word(u(imm20, rd, 0x17)); }
    public Asm jal(int rd, int offset) { return word(j(offset, rd)); }
    public Asm jalr(int rd, int rs1, int imm) { return word(i(imm, rs1, 0, rd, 0x67)); }

    // Branches
    public Asm beq(int rs1, int rs2, int offset) { return word(b(offset, rs2, rs1, 0)); }
    public Asm bne(int rs1, int rs2, int offset) { return word(b(offset, rs2, rs1, 1)); }
    public Asm blt(int rs1, int rs2, int offset) { return word(b(offset, rs2, rs1, 4)); }
    public Asm bge(int rs1, int rs2, int offset) { return word(b(offset, rs2, rs1, 5)); }
    public Asm bltu(int rs1, int rs2, int offset) { return word(b(offset, rs2, rs1, 6)); }
    public Asm bgeu(int rs1, int rs2, int offset) { return word(b(offset, rs2, rs1, 7)); }

    // Loads and stores
    public Asm lb(int rd, int rs1, int imm) { return word(i(imm, rs1, 0, rd, 0x03)); }
    public Asm lh(int rd, int rs1, int imm) { return word(i(imm, rs1, 1, rd, 0x03)); }
    public Asm lw(int rd, int rs1, int imm) { return word(i(imm, rs1, 2, rd, 0x03)); }
    public Asm lbu(int rd, int rs1, int imm) { return word(i(imm, rs1, 4, rd, 0x03)); }
    public Asm lhu(int rd, int rs1, int imm) { return word(i(imm, rs1, 5, rd, 0x03)); }
    public Asm sb(int rs2, int rs1, int imm) { return word(s(imm, rs2, rs1, 0, 0x23)); }
    public Asm sh(int rs2, int rs1, int imm) { return word(s(imm, rs2, rs1, 1, 0x23)); }
    public Asm sw(int rs2, int rs1, int imm) { return word(s(imm, rs2, rs1, 2, 0x23)); }

    // Register-immediate
    public Asm addi(int rd, int rs1, int imm) { return word(i(imm, rs1, 0, rd, 0x13)); }
    public Asm slti(int rd, int rs1, int imm) { return word(i(imm, rs1, 2, rd, 0x13)); }
    public Asm sltiu(int rd, int rs1, int imm) { return word(i(imm, rs1, 3, rd, 0x13)); }
    public Asm xori(int rd, int rs1, int imm) { return word(i(imm, rs1, 4, rd, 0x13)); }
    public Asm ori(int rd, int rs1, int imm) { return word(i(imm, rs1, 6, rd, 0x13)); }
    public Asm andi(int rd, int rs1, int imm) { return word(i(imm, rs1, 7, rd, 0x13)); }
    public Asm slli(int rd, int rs1, int shamt) { return word(r(0, shamt, rs1, 1, rd, 0x13)); }
    public Asm srli(int rd, int rs1, int shamt) { return word(r(0, shamt, rs1, 5, rd, 0x13)); }
    public Asm srai(int rd, int rs1, int shamt) { return word(r(0x20, shamt, rs1, 5, rd, 0x13)); }

    // Register-register
    public Asm add(int rd, int rs1, int rs2) { return word(r(0, rs2, rs1, 0, rd, 0x33)); }
    public Asm sub(int rd, int rs1, int rs2) { return word(r(0x20, rs2, rs1, 0, rd, 0x33)); }
    public Asm sll(int rd, int rs1, int rs2) { return word(r(0, rs2, rs1, 1, rd, 0x33)); }
    public Asm slt(int rd, int rs1, int rs2) { return word(r(0, rs2, rs1, 2, rd, 0x33)); }
    public Asm sltu(int rd, int rs1, int rs2) { return word(r(0, rs2, rs1, 3, rd, 0x33)); }
    public Asm xor(int rd, int rs1, int rs2) { return word(r(0, rs2, rs1, 4, rd, 0x33)); }
    public Asm srl(int rd, int rs1, int rs2) { return word(r(0, rs2, rs1, 5, rd, 0x33)); }
    public Asm sra(int rd, int rs1, int rs2) { return word(r(0x20, rs2, rs1, 5, rd, 0x33)); }
    public Asm or(int rd, int rs1, int rs2) { return word(r(0, rs2, rs1, 6, rd, 0x33)); }
    public Asm and(int rd, int rs1, int rs2) { return word(r(0, rs2, rs1, 7, rd, 0x33)); }

    // M
    public Asm mul(int rd, int rs1, int rs2) { return word(r(1, rs2, rs1, 0, rd, 0x33)); }
    public Asm mulh(int rd, int rs1, int rs2) { return word(r(1, rs2, rs1, 1, rd, 0x33)); }
    public Asm mulhsu(int rd, int rs1, int rs2) { return word(r(1, rs2, rs1, 2, rd, 0x33)); }
    public Asm mulhu(int rd, int rs1, int rs2) { return word(r(1, rs2, rs1, 3, rd, 0x33)); }
    public Asm div(int rd, int rs1, int rs2) { return word(r(1, rs2, rs1, 4, rd, 0x33)); }
    public Asm divu(int rd, int rs1, int rs2) { return word(r(1, rs2, rs1, 5, rd, 0x33)); }
    public Asm rem(int rd, int rs1, int rs2) { return word(r(1, rs2, rs1, 6, rd, 0x33)); }
    public Asm remu(int rd, int rs1, int rs2) { return word(r(1, rs2, rs1, 7, rd, 0x33)); }

    // F and D (rm: a rounding mode, 7 the dynamic one in frm)
    public Asm flw(int rd, int rs1, int imm) { return word(i(imm, rs1, 2, rd, 0x07)); }
    public Asm fld(int rd, int rs1, int imm) { return word(i(imm, rs1, 3, rd, 0x07)); }
    public Asm fsw(int rs2, int rs1, int imm) { return word(s(imm, rs2, rs1, 2, 0x27)); }
    public Asm fsd(int rs2, int rs1, int imm) { return word(s(imm, rs2, rs1, 3, 0x27)); }
    public Asm faddS(int rd, int rs1, int rs2, int rm) { return word(r(0x00, rs2, rs1, rm, rd, 0x53)); }
    public Asm fmulS(int rd, int rs1, int rs2, int rm) { return word(r(0x08, rs2, rs1, rm, rd, 0x53)); }
    public Asm faddD(int rd, int rs1, int rs2, int rm) { return word(r(0x01, rs2, rs1, rm, rd, 0x53)); }
    public Asm fmulD(int rd, int rs1, int rs2, int rm) { return word(r(0x09, rs2, rs1, rm, rd, 0x53)); }
    public Asm fsgnjnD(int rd, int rs1, int rs2) { return word(r(0x11, rs2, rs1, 1, rd, 0x53)); }
    public Asm fcvtDS(int rd, int rs1) { return word(r(0x21, 0, rs1, 0, rd, 0x53)); }
    public Asm fmvXW(int rd, int rs1) { return word(r(0x70, 0, rs1, 0, rd, 0x53)); }
    public Asm fmvWX(int rd, int rs1) { return word(r(0x78, 0, rs1, 0, rd, 0x53)); }

    // System
    public Asm fence() { return word(0x0FF0000F); }
    public Asm ecall() { return word(0x00000073); }
    public Asm ebreak() { return word(0x00100073); }
    public Asm csrrs(int rd, int csr, int rs1) { return word(i(csr, rs1, 2, rd, 0x73)); }
    public Asm csrrw(int rd, int csr, int rs1) { return word(i(csr, rs1, 1, rd, 0x73)); }

    /** Loads any 32-bit constant with lui + addi, as the assembler's {@code li} does. */
    public Asm li(int rd, int value) {
        int low = value << 20 >> 20;
        int high = (value - low) >>> 12;
        if (high != 0) {
            lui(rd, high);
            return low != 0 ? addi(rd, rd, low) : this;
        }
        return addi(rd, 0, low);
    }

    /** exit(status in a0): a7 = 93; ecall. */
    public Asm exit() {
        return addi(17, 0, 93).ecall();
    }
}
