package dev.rvjar.machine;

/**
 * The execution environment a {@link Machine} offers its guest: what {@code ecall} means and what
 * happens on an exception.
 */
public enum Environment {
    /**
     * The rvjar contract's microcontroller: {@code ecall} is a system call served by the host, the
     * floating-point unit is on at reset, and an exception (illegal instruction, breakpoint, access
     * outside the map) stops the guest with a {@link dev.rvjar.fault.GuestFault} unless the guest
     * has installed a trap vector by writing {@code mtvec}; then it traps there like a real hart.
     */
    MCU,
    /**
     * A bare machine-mode hart, as the official riscv-tests' {@code p} environment expects:
     * {@code ecall} and every exception trap to {@code mtvec} (mcause 11 for ecall), and the
     * floating-point unit is off at reset until the guest sets {@code mstatus.FS}.
     */
    BARE_METAL
}
