package dev.rvjar.decode;

/**
 * The {@code # address <symbol>} comments objdump (binutils 2.40) adds to a listing: it remembers
 * the value each {@code lui}/{@code auipc} put in a register and, when a later 32-bit
 * {@code addi}, load, store or {@code jalr} uses that register as its base, prints the address
 * they form, once. A base of gp uses the {@code __global_pointer$} symbol, a base of zero or tp
 * the offset alone. Of the compressed forms only c.addi gets a comment. One instance
 * follows one listing from top to bottom.
 */
public final class AddressHints {
    private static final int GP = 3;
    private static final int TP = 4;

    private final long[] high = new long[32];
    private final Integer globalPointer;

    /** @param globalPointer the value of {@code __global_pointer$}, or null */
    public AddressHints(Integer globalPointer) {
        this.globalPointer = globalPointer;
        java.util.Arrays.fill(high, -1);
    }

    /** The address objdump would show after {@code in} at {@code pc}, or null; updates the state. */
    public Integer after(Instruction in, int pc) {
        return hint(in, pc);
    }

    private Integer hint(Instruction in, int pc) {
        switch (in.op) {
            case LUI -> high[in.rd] = in.imm & 0xFFFF_FFFFL;
            case AUIPC -> high[in.rd] = (pc + in.imm) & 0xFFFF_FFFFL;
            case JALR -> {
                boolean ret = in.rd == 0 && in.rs1 == 1 && in.imm == 0;
                if (!in.isCompressed() && !ret) {
                    return address(in.rs1, in.imm);
                }
            }
            case ADDI -> {
                boolean cAddi = in.isCompressed() && (in.bits & 3) == 1 && in.bits >>> 13 == 0;
                if ((!in.isCompressed() || cAddi) && in.rs1 != 0 && in.imm != 0) {
                    return address(in.rs1, in.imm);
                }
            }
            case LB, LH, LW, LBU, LHU, FLW, FLD, SB, SH, SW, FSW, FSD -> {
                if (!in.isCompressed()) {
                    return address(in.rs1, in.imm);
                }
            }
            default -> { }
        }
        return null;
    }

    private Integer address(int base, int offset) {
        if (high[base] != -1) {
            int address = (int) high[base] + offset;
            high[base] = -1;
            return address;
        }
        if (base == GP && globalPointer != null) {
            return globalPointer + offset;
        }
        if (base == TP || base == 0) {
            return offset;
        }
        return null;
    }
}
