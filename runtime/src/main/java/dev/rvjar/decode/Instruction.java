package dev.rvjar.decode;

/**
 * One decoded instruction. Compressed instructions are expanded to the base instruction they stand
 * for and keep {@link #length} 2, so interpreter and translator handle a single set of opcodes.
 *
 * <p>Field use by format: {@code imm} holds the sign-extended immediate (I, S, B, U, J), the shift
 * amount (shift-immediates, Zbb/Zbs immediates) or the CSR number (Zicsr); for CSR immediate forms
 * {@code rs1} holds the 5-bit unsigned immediate. {@code rm} is the floating-point rounding mode
 * field. Registers {@code rd}, {@code rs1}, {@code rs2}, {@code rs3} index the integer or the
 * floating-point file, as the opcode says.
 */
public final class Instruction {
    public final Opcode op;
    public final int rd;
    public final int rs1;
    public final int rs2;
    public final int rs3;
    public final int imm;
    public final int rm;
    /** Instruction length in bytes: 2 for compressed, 4 otherwise. */
    public final int length;
    /** The raw encoding (16 bits for compressed instructions). */
    public final int bits;

    public Instruction(Opcode op, int rd, int rs1, int rs2, int rs3, int imm, int rm, int length, int bits) {
        this.op = op;
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.rs3 = rs3;
        this.imm = imm;
        this.rm = rm;
        this.length = length;
        this.bits = bits;
    }

    public boolean isCompressed() {
        return length == 2;
    }

    /**
     * Whether the instruction names an integer register above x15, which RV32E does not have.
     * Only register fields the opcode really uses as integer registers count.
     */
    public boolean usesRegistersAbove15() {
        return (RegisterUse.integerRegisterMask(this) & 0xFFFF0000) != 0;
    }

    @Override
    public String toString() {
        return Disassembler.format(this, 0);
    }
}
