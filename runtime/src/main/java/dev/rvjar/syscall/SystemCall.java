package dev.rvjar.syscall;

import dev.rvjar.machine.Machine;

/**
 * The host side of one system call number. Arguments are in a0-a5 of {@code machine.cpu().x};
 * the handler leaves its result in a0, or stops the machine.
 */
@FunctionalInterface
public interface SystemCall {
    void handle(Machine machine);
}
