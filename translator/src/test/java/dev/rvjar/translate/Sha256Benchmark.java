package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import dev.rvjar.machine.Machine;
import dev.rvjar.memory.McuLayout;
import dev.rvjar.translated.TranslatedProgram;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Translated versus interpreted speed on the sha256 ROM, side by side in one JVM: each round hashes
 * a 1 MiB IN payload once interpreted and once translated and prints the MIPS of both.
 *
 * <pre>
 * java -cp runtime/target/classes:translator/target/classes:translator/target/test-classes:$ASM \
 *     dev.rvjar.translate.Sha256Benchmark testroms/build/rv32imac/sha256.elf [rounds]
 * </pre>
 */
public final class Sha256Benchmark {
    private Sha256Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        RomImage image = RomImage.read(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] in = new byte[McuLayout.REGION_SIZE];
        ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN).putInt(McuLayout.MAX_PAYLOAD);
        for (int i = 4; i < in.length; i++) {
            in[i] = (byte) (i * 7 + 3);
        }
        long started = System.nanoTime();
        Translation translation = Translator.translate(image);
        translation.load();
        System.out.printf("translation: %.1f ms (%s)%n", (System.nanoTime() - started) / 1e6, translation.statistics());
        for (int round = 1; round <= rounds; round++) {
            double interpreted = mips(image, in, null);
            double translated = mips(image, in, translation);
            System.out.printf("round %d: interpreted %.0f MIPS, translated %.0f MIPS (%.1fx)%n", round, interpreted,
                    translated, translated / interpreted);
        }
    }

    private static double mips(RomImage image, byte[] in, Translation translation) {
        Machine machine = Machine.builder().regions(McuLayout.regions()).image(image).stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream()).build();
        machine.memory().region(McuLayout.IN).load(in);
        if (translation != null) {
            machine.useTranslatedCode(TranslatedProgram.attach(machine, translation.codeMap(), translation.load()));
        }
        long started = System.nanoTime();
        if (!machine.simulateQuietly(Long.MAX_VALUE / 2) || machine.exitStatus() != 0) {
            throw new IllegalStateException("sha256 did not exit with 0");
        }
        return machine.instructionCounter() / ((System.nanoTime() - started) / 1e3);
    }
}
