package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which blocks of a function lie on a cycle: its loops, not its prologue and epilogue. */
class FunctionLoopsTest {
    private static final int F = 0x40;
    private static final int G = 0x100;
    private static final int T0 = 5;
    private static final int T2 = 7;
    private static final int T3 = 28;
    private static final int A0 = 10;
    private static final int SP = 2;
    private static final int RA = 1;

    private static Discovery.Result discover(Asm asm) {
        RomImage image = RomImage.flat(asm.bytes());
        return Discovery.discover(new ExecutableCode(image, address -> true, false), in -> true,
                List.of(image.entry()), image.symbols());
    }

    private static Set<Integer> onCycles(Discovery.Result found, int from, int to) {
        List<BasicBlock> function = found.blocks().stream()
                .filter(b -> b.start() >= from && b.start() < to).collect(Collectors.toList());
        return FunctionLoops.blocksOnCycles(function, found.entries());
    }

    private static void padTo(Asm asm, int address) {
        while (asm.here() < address) {
            asm.addi(0, 0, 0);
        }
    }

    /** main calls f; f: prologue, a loop of 10 turns around a call of g, epilogue. */
    @Test
    void aLoopAroundACallIsOnACycleAndThePrologueAndEpilogueAreNot() {
        Asm asm = new Asm().li(SP, 0x0110_0000);
        asm.jal(RA, F - asm.here());
        asm.exit();
        padTo(asm, F);
        asm.addi(SP, SP, -16).sw(RA, SP, 12).addi(T0, 0, 10); // F + 0: prologue
        int loop = asm.here();                                 // F + 12
        asm.addi(A0, A0, 1);
        asm.jal(RA, G - asm.here());                           // the call ends the block
        int afterCall = asm.here();                            // F + 20
        asm.addi(T0, T0, -1);
        asm.bne(T0, 0, loop - asm.here());
        asm.lw(RA, SP, 12).addi(SP, SP, 16).jalr(0, RA, 0);
        padTo(asm, G);
        asm.addi(A0, A0, 2).jalr(0, RA, 0);

        Discovery.Result found = discover(asm);
        assertEquals(Set.of(loop, afterCall), onCycles(found, F, G));
    }

    /**
     * A loop through a jump table: the jump's cases (found as pointers in the table) go back to
     * the loop head, so they are on the cycle with it; the code after the loop is not.
     */
    @Test
    void theCasesOfAJumpTableInALoopAreOnItsCycle() {
        Asm asm = new Asm().li(SP, 0x0110_0000);
        asm.jal(RA, F - asm.here());
        asm.exit();
        padTo(asm, F);
        asm.addi(T0, 0, 4);                     // F + 0: turns left
        int head = asm.here();                  // F + 4: t2 = table[t0 & 1]; jump there
        asm.auipc(T3, 0);
        asm.lw(T2, T3, G - head);               // always case A's entry: enough for the shape
        asm.jalr(0, T2, 0);
        int caseA = asm.here();
        asm.addi(A0, A0, 1);
        asm.addi(T0, T0, -1);
        asm.bne(T0, 0, head - asm.here());
        asm.jal(0, 12);                         // to the end
        int caseB = asm.here();
        asm.addi(A0, A0, 2);
        asm.jal(0, head - asm.here());
        int end = asm.here();
        asm.jalr(0, RA, 0);
        padTo(asm, G);
        asm.word(caseA).word(caseB);

        Discovery.Result found = discover(asm);
        Set<Integer> cycles = onCycles(found, F, G);
        assertEquals(true, cycles.containsAll(Set.of(head, caseA, caseB)), cycles.toString());
        assertEquals(false, cycles.contains(F), cycles.toString());
        assertEquals(false, cycles.contains(end), cycles.toString());
    }

    /**
     * main calls f, a function too large for one region: 500 straight instructions, then a loop of
     * 10 turns over two blocks of about 150 instructions each, then an epilogue. Cut in address
     * order, the cut would fall between the loop's two blocks and every turn would cross between
     * pieces; the loop is one piece instead, and the translated run agrees with the interpreter.
     */
    @Test
    void aLargeFunctionsLoopIsOnePieceAndRunsLikeTheInterpreter() {
        Asm asm = new Asm().li(SP, 0x0110_0000);
        asm.jal(RA, F - asm.here());
        asm.exit();
        padTo(asm, F);
        asm.addi(T0, 0, 10);
        for (int i = 0; i < 500; i++) {
            asm.addi(A0, A0, 1);
        }
        int loop = asm.here();
        for (int i = 0; i < 150; i++) {
            asm.addi(A0, A0, 2);
        }
        asm.blt(T0, 0, 4); // never taken: ends the block
        int secondHalf = asm.here();
        for (int i = 0; i < 150; i++) {
            asm.addi(A0, A0, 3);
        }
        asm.addi(T0, T0, -1);
        asm.bne(T0, 0, loop - asm.here());
        asm.addi(A0, A0, 5).jalr(0, RA, 0);
        RomImage image = RomImage.flat(asm.bytes());

        Discovery.Result found = discover(asm);
        List<List<BasicBlock>> plan = Translator.plan(found.blocks(), Translator.functionStarts(found.blocks(), image),
                found.entries());
        List<Integer> loopPiece = plan.stream().map(FunctionLoopsTest::starts).filter(s -> s.contains(loop))
                .findFirst().orElseThrow();
        assertEquals(List.of(loop, secondHalf), loopPiece);
        GuestRun interpreted = GuestRun.of(image, null, null, 1_000_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 1_000_000, Translator.translate(image));
        assertEquals("exit " + (500 + 10 * 150 * 5 + 5), interpreted.ending());
        assertNull(interpreted.difference(translated));
        assertEquals(interpreted.instret(), translated.translatedInstructions());
    }

    private static List<Integer> starts(List<BasicBlock> region) {
        return region.stream().map(BasicBlock::start).toList();
    }
}
