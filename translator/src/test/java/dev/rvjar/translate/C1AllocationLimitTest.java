package dev.rvjar.translate;

import dev.rvjar.emit.RegionEmitter;
import dev.rvjar.image.RomImage;
import dev.rvjar.testing.Asm;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every region method stays within C1's allocation limit (jump targets times guest registers in
 * locals, {@link RegionEmitter#C1_ALLOCATION_LIMIT}), above which HotSpot's C1 gave up on the
 * benchmarks' large functions ("out of virtual registers in linear scan") and left them to the
 * bytecode interpreter until C2 was done. The measure is counted here from the class files, not
 * taken from the emitter.
 */
class C1AllocationLimitTest {
    /** The guest register locals' first slot (x1 is slot 14, see RegionEmitter). */
    private static final int FIRST_REGISTER_SLOT = 14;

    /** Jump targets times register locals of every region method, by class name. */
    static Map<String, Integer> allocationLoads(Translation translation) {
        Map<String, Integer> loads = new java.util.TreeMap<>();
        translation.classes().forEach((name, bytes) -> {
            if (!name.equals(Translator.DISPATCHER)) {
                loads.put(name, allocationLoad(bytes));
            }
        });
        return loads;
    }

    private static int allocationLoad(byte[] classFile) {
        Set<Label> targets = new HashSet<>();
        Set<Integer> registerSlots = new HashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (!name.equals(RegionEmitter.METHOD)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        targets.add(label);
                    }

                    @Override
                    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                        targets.add(dflt);
                        targets.addAll(java.util.List.of(labels));
                    }

                    @Override
                    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                        targets.add(dflt);
                        targets.addAll(java.util.List.of(labels));
                    }

                    @Override
                    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                        targets.add(handler);
                    }

                    @Override
                    public void visitVarInsn(int opcode, int slot) {
                        if ((opcode == Opcodes.ILOAD || opcode == Opcodes.ISTORE) && slot >= FIRST_REGISTER_SLOT) {
                            registerSlots.add(slot);
                        }
                    }
                };
            }
        }, 0);
        return targets.size() * registerSlots.size();
    }

    static void assertWithinC1Limit(Translation translation) {
        allocationLoads(translation).forEach((region, load) -> assertTrue(load <= RegionEmitter.C1_ALLOCATION_LIMIT,
                region + ": " + load + " (jump targets x registers) is above " + RegionEmitter.C1_ALLOCATION_LIMIT));
    }

    /**
     * One function shaped like the benchmarks' large main loops: a loop of 60 steps, each a load, a
     * conditional skip and a store, over 28 registers. As one method it would be about 450 jump
     * targets times 30 registers; it is cut into methods within the limit, and still runs as the
     * interpreter does, translated throughout.
     */
    @Test
    void aLargeLoopOverManyRegistersIsCutIntoMethodsWithinTheLimit() {
        Asm asm = new Asm().li(31, 0x0100_0000).li(30, 0).li(29, 3);
        int loopBytes = 0;
        for (int i = 0; i < 60; i++) {
            int a = 1 + i % 28;
            int b = 1 + (i + 11) % 28;
            asm.lw(a, 31, (i * 4) % 1024).add(b, b, a).blt(a, b, 8).xori(a, a, i).sw(a, 31, (i * 8) % 1024);
            loopBytes += 5 * 4;
        }
        asm.addi(30, 30, 1).blt(30, 29, -(loopBytes + 4)).exit();
        RomImage image = RomImage.flat(asm.bytes());
        Translation translation = Translator.translate(image);
        assertWithinC1Limit(translation);
        assertTrue(translation.statistics().regions() >= 2, translation.statistics().toString());
        GuestRun interpreted = GuestRun.of(image, null, null, 100_000, null);
        GuestRun translated = GuestRun.of(image, null, null, 100_000, translation);
        assertNull(interpreted.difference(translated));
        assertEquals(interpreted.instret(), translated.translatedInstructions());
    }

    @Test
    void everyRegionOfEveryTestRomIsWithinTheLimit() throws IOException {
        for (Path rom : TestRomsDifferentialTest.roms()) {
            assertWithinC1Limit(Translator.translate(RomImage.read(rom)));
        }
    }
}
