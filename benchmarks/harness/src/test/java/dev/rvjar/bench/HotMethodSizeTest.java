package dev.rvjar.bench;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HotSpot never compiles a method of more than 8,000 bytes of bytecode (HugeMethodLimit, fixed in
 * product JVMs; shared JVM notes: the same loop ran 14x slower just over the limit). The
 * interpreter's dispatch loop is one method that grows with every instruction-set extension; this
 * keeps it compilable.
 */
class HotMethodSizeTest {
    static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void interpreterLoopStaysCompilable() throws IOException {
        Map<String, Integer> sizes = codeSizes(dev.rvjar.interp.Interpreter.class);
        Integer run = sizes.get("run()V");
        assertNotNull(run, "Interpreter.run() not found: " + sizes.keySet());
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            assertTrue(e.getValue() <= HUGE_METHOD_LIMIT, "Interpreter." + e.getKey() + " has " + e.getValue()
                    + " bytes of bytecode, over HotSpot's limit of " + HUGE_METHOD_LIMIT + ": it would never be JIT-compiled");
        }
    }

    @Test
    void codeSizesAreReadFromTheClassFile() throws IOException {
        // iconst_0, ireturn: 2 bytes; the constructor: aload_0, invokespecial #n, return: 5 bytes
        Map<String, Integer> sizes = codeSizes(Probe.class);
        assertEquals(2, sizes.get("zero()I"));
        assertEquals(5, sizes.get("<init>()V"));
    }

    static final class Probe {
        static int zero() {
            return 0;
        }
    }

    /** Method name + descriptor to the length of its bytecode (the Code attribute's code_length). */
    static Map<String, Integer> codeSizes(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        Map<String, Integer> sizes = new HashMap<>();
        try (InputStream raw = type.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(raw, resource);
            DataInputStream in = new DataInputStream(raw);
            in.readInt();                      // magic
            in.readUnsignedShort();            // minor
            in.readUnsignedShort();            // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();            // access
            in.readUnsignedShort();            // this
            in.readUnsignedShort();            // super
            in.skipNBytes(2L * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.readUnsignedShort();
                String name = utf8[in.readUnsignedShort()];
                String descriptor = utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.readUnsignedShort();   // max_stack
                        in.readUnsignedShort();   // max_locals
                        int codeLength = in.readInt();
                        sizes.put(name + descriptor, codeLength);
                        in.skipNBytes(length - 8L);
                    } else {
                        in.skipNBytes(length);
                    }
                }
            }
        }
        return sizes;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }
}
