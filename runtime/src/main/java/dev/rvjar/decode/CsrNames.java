package dev.rvjar.decode;

import java.util.Map;

/** Names of the control and status registers, as the assembler spells them. */
public final class CsrNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x001, "fflags"), Map.entry(0x002, "frm"), Map.entry(0x003, "fcsr"),
            Map.entry(0xC00, "cycle"), Map.entry(0xC01, "time"), Map.entry(0xC02, "instret"),
            Map.entry(0xC80, "cycleh"), Map.entry(0xC81, "timeh"), Map.entry(0xC82, "instreth"),
            Map.entry(0x300, "mstatus"), Map.entry(0x301, "misa"), Map.entry(0x302, "medeleg"),
            Map.entry(0x303, "mideleg"), Map.entry(0x304, "mie"), Map.entry(0x305, "mtvec"),
            Map.entry(0x310, "mstatush"), Map.entry(0x340, "mscratch"), Map.entry(0x341, "mepc"),
            Map.entry(0x342, "mcause"), Map.entry(0x343, "mtval"), Map.entry(0x344, "mip"),
            Map.entry(0x180, "satp"), Map.entry(0x3A0, "pmpcfg0"), Map.entry(0x3B0, "pmpaddr0"),
            Map.entry(0xB00, "mcycle"), Map.entry(0xB02, "minstret"), Map.entry(0xB80, "mcycleh"),
            Map.entry(0xB82, "minstreth"), Map.entry(0xF11, "mvendorid"), Map.entry(0xF12, "marchid"),
            Map.entry(0xF13, "mimpid"), Map.entry(0xF14, "mhartid"));

    private CsrNames() {
    }

    /** The CSR's name, or its number in hex where it has none. */
    public static String name(int csr) {
        String name = NAMES.get(csr);
        return name != null ? name : "0x" + Integer.toHexString(csr);
    }
}
