package dev.rvjar.emit;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

import java.util.List;

import static org.objectweb.asm.Opcodes.*;

/**
 * A region's table from guest address to entry: {@code BLOCKS[(pc - base) >>> 1]} is the entry's
 * number + 1 (its case in the region's {@code tableswitch}), or 0 where the region has no entry.
 *
 * @param base the first entry's address
 * @param slots one per halfword from {@code base} to the last entry
 * @param blockStarts the entries' addresses, in address order
 */
record BlockIndex(int base, int slots, int[] blockStarts) {
    static final String FIELD = "BLOCKS";

    static BlockIndex of(List<Integer> entries) {
        int[] starts = entries.stream().mapToInt(Integer::intValue).toArray();
        int base = starts[0];
        return new BlockIndex(base, ((starts[starts.length - 1] - base) >>> 1) + 1, starts);
    }

    /** Declares {@code BLOCKS} in {@code cw} and fills it in the class initialiser {@code init}. */
    void emitField(ClassWriter cw, MethodVisitor init, String owner) {
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, FIELD, "[I", null, null).visitEnd();
        init.visitLdcInsn(slots);
        init.visitIntInsn(NEWARRAY, T_INT);
        for (int i = 0; i < blockStarts.length; i++) {
            init.visitInsn(DUP);
            init.visitLdcInsn((blockStarts[i] - base) >>> 1);
            init.visitLdcInsn(i + 1);
            init.visitInsn(IASTORE);
        }
        init.visitFieldInsn(PUTSTATIC, owner, FIELD, "[I");
    }
}
