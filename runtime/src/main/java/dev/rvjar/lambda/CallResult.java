package dev.rvjar.lambda;

import dev.rvjar.fault.GuestFault;

/**
 * How a call ended: the guest exited (with a status; {@code ram} and {@code out} were written), it
 * faulted, or it ran out of instructions (both leave the files as they were).
 */
public record CallResult(Outcome outcome, int exitStatus, GuestFault fault, long instructions, int pc) {
    public enum Outcome { EXITED, FAULTED, INSTRUCTION_LIMIT }

    static CallResult exited(int status, long instructions, int pc) {
        return new CallResult(Outcome.EXITED, status, null, instructions, pc);
    }

    static CallResult faulted(GuestFault fault, long instructions) {
        return new CallResult(Outcome.FAULTED, 0, fault, instructions, fault.pc());
    }

    static CallResult limit(long instructions, int pc) {
        return new CallResult(Outcome.INSTRUCTION_LIMIT, 0, null, instructions, pc);
    }
}
