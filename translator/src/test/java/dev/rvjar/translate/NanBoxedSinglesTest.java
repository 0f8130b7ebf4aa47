package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Translated code reads a single without the NaN-box check where its own block boxed it; these
 * blocks overwrite such a register with a double and then read it as a single, which the RISC-V F
 * spec ("NaN Boxing of Narrower Values") makes the canonical NaN, 0x7fc00000.
 */
class NanBoxedSinglesTest {
    private static final int T0 = 5;
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int A2 = 12;
    private static final int MSTATUS = 0x300;
    private static final int ONE = 0x3F80_0000;
    private static final int TWO = 0x4000_0000;
    private static final int CANONICAL_NAN = 0x7FC0_0000;

    /**
     * Turns the FPU on, puts 1.0f in a1, runs {@code block} (no branch: one basic block), then
     * exits; returns the interpreter's a0, after checking that translated code ran the same.
     */
    private static int run(Consumer<Asm> block) {
        Asm asm = new Asm().li(T0, 0x6000).csrrs(0, MSTATUS, T0).li(A1, ONE);
        block.accept(asm);
        asm.exit();
        RomImage image = RomImage.flat(asm.bytes());
        GuestRun interpreted = GuestRun.of(image, null, null, 1000, null);
        GuestRun translated = GuestRun.of(image, null, null, 1000, Translator.translate(image));
        assertNull(interpreted.difference(translated));
        return interpreted.x()[A0];
    }

    @Test
    void aSingleBoxedInTheBlockReadsBack() {
        assertEquals(TWO, run(asm -> asm.fmvWX(1, A1).faddS(2, 1, 1, 0).fmvXW(A0, 2)));
    }

    @Test
    void aDoubleConvertedOverABoxedSingleReadsAsTheCanonicalNaN() {
        assertEquals(CANONICAL_NAN, run(asm -> asm.fmvWX(1, A1).fcvtDS(1, 1).faddS(2, 1, 1, 0).fmvXW(A0, 2)));
    }

    @Test
    void aDoubleLoadedOverABoxedSingleReadsAsTheCanonicalNaN() {
        // RAM starts zeroed: fld gives +0.0, not NaN-boxed
        assertEquals(CANONICAL_NAN, run(asm -> asm.fmvWX(1, A1).li(A2, McuLayout.RAM_BASE).fld(1, A2, 0)
                .faddS(2, 1, 1, 0).fmvXW(A0, 2)));
    }
}
