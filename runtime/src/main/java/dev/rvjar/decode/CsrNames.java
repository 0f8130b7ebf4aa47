package dev.rvjar.decode;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of the control and status registers, as the assembler spells them: the unprivileged and
 * machine- and supervisor-level CSRs of the privileged specification, plus the debug and trigger
 * registers, so that listings name every standard CSR the way objdump does.
 */
public final class CsrNames {
    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        name(0x001, "fflags");
        name(0x002, "frm");
        name(0x003, "fcsr");
        name(0xC00, "cycle");
        name(0xC01, "time");
        name(0xC02, "instret");
        name(0xC80, "cycleh");
        name(0xC81, "timeh");
        name(0xC82, "instreth");
        counters(0xC03, 0xC83, "hpmcounter");
        name(0x100, "sstatus");
        name(0x104, "sie");
        name(0x105, "stvec");
        name(0x106, "scounteren");
        name(0x10A, "senvcfg");
        name(0x140, "sscratch");
        name(0x141, "sepc");
        name(0x142, "scause");
        name(0x143, "stval");
        name(0x144, "sip");
        name(0x180, "satp");
        name(0x300, "mstatus");
        name(0x301, "misa");
        name(0x302, "medeleg");
        name(0x303, "mideleg");
        name(0x304, "mie");
        name(0x305, "mtvec");
        name(0x306, "mcounteren");
        name(0x30A, "menvcfg");
        name(0x310, "mstatush");
        name(0x31A, "menvcfgh");
        name(0x320, "mcountinhibit");
        for (int n = 3; n <= 31; n++) {
            name(0x320 + n, "mhpmevent" + n);
        }
        name(0x340, "mscratch");
        name(0x341, "mepc");
        name(0x342, "mcause");
        name(0x343, "mtval");
        name(0x344, "mip");
        name(0x34A, "mtinst");
        name(0x34B, "mtval2");
        for (int n = 0; n < 16; n++) {
            name(0x3A0 + n, "pmpcfg" + n);
        }
        for (int n = 0; n < 64; n++) {
            name(0x3B0 + n, "pmpaddr" + n);
        }
        name(0x747, "mseccfg");
        name(0x757, "mseccfgh");
        name(0x7A0, "tselect");
        name(0x7A1, "tdata1");
        name(0x7A2, "tdata2");
        name(0x7A3, "tdata3");
        name(0x7A4, "tinfo");
        name(0x7A5, "tcontrol");
        name(0x7A8, "mcontext");
        name(0x7B0, "dcsr");
        name(0x7B1, "dpc");
        name(0x7B2, "dscratch0");
        name(0x7B3, "dscratch1");
        name(0xB00, "mcycle");
        name(0xB02, "minstret");
        name(0xB80, "mcycleh");
        name(0xB82, "minstreth");
        counters(0xB03, 0xB83, "mhpmcounter");
        name(0xF11, "mvendorid");
        name(0xF12, "marchid");
        name(0xF13, "mimpid");
        name(0xF14, "mhartid");
        name(0xF15, "mconfigptr");
    }

    private CsrNames() {
    }

    private static void name(int csr, String name) {
        NAMES.put(csr, name);
    }

    /** Counters 3 to 31 and their upper halves ({@code h} suffix) on RV32. */
    private static void counters(int low, int high, String prefix) {
        for (int n = 3; n <= 31; n++) {
            name(low + n - 3, prefix + n);
            name(high + n - 3, prefix + n + "h");
        }
    }

    /** The CSR's name, or its number in hex where it has none. */
    public static String name(int csr) {
        String name = NAMES.get(csr);
        return name != null ? name : "0x" + Integer.toHexString(csr);
    }
}
