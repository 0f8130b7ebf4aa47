package dev.rvjar.emit;

import dev.rvjar.decode.Instruction;

/** Emits the bytecode of one instruction into a region method (see {@link RegionEmitter} for the invariants). */
@FunctionalInterface
interface InstructionEmitter {
    void emit(RegionMethod method, Instruction in, int pc);
}
