package dev.rvjar.interp;

import dev.rvjar.decode.Instruction;

/** Watches every instruction the interpreter is about to execute (for {@code --trace} and debuggers). */
@FunctionalInterface
public interface Tracer {
    void beforeExecute(int pc, Instruction instruction);
}
