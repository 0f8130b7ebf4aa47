package dev.rvjar.emit;

import dev.rvjar.decode.Opcode;
import dev.rvjar.decode.RegisterUse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;

class EmitterMapTest {
    /** An F or D instruction without an entry would silently leave translated code for the interpreter. */
    @Test
    void everyFloatingPointInstructionIsCompiled() {
        for (Opcode op : Opcode.values()) {
            if (RegisterUse.isFloatingPoint(op)) {
                assertNotNull(EmitterMap.entry(op), op.name());
            }
        }
    }
}
