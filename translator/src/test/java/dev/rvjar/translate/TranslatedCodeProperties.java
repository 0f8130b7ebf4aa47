package dev.rvjar.translate;

import dev.rvjar.image.RomImage;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Interpreter and translated code agree on random programs: every register, every byte of RAM and
 * OUT, the counter and pc, the exit status or fault, and what the guest printed, whether the program
 * runs to its end or is cut short by a small instruction limit.
 *
 * <p>CI runs 400 tries per property ({@code junit-platform.properties}); for a long soak, raise them:
 * {@code mvn test -pl translator -am -Dtest=TranslatedCodeProperties -Djqwik.tries.default=20000}.
 */
class TranslatedCodeProperties {
    @Provide
    Arbitrary<RandomPrograms.Program> programs() {
        return RandomPrograms.programs();
    }

    @Provide
    Arbitrary<RandomPrograms.Program> floatingPointPrograms() {
        return RandomPrograms.floatingPointPrograms();
    }

    @Provide
    Arbitrary<RandomPrograms.Program> doublePrecisionPrograms() {
        return RandomPrograms.doublePrecisionPrograms();
    }

    @Property
    void interpreterAndTranslatedCodeAgreeOnRandomPrograms(@ForAll("programs") RandomPrograms.Program program,
            @ForAll @LongRange(min = 0, max = 300) long limit) {
        agree(program, limit);
    }

    /** The same, with most chunks F and D instructions: rounding modes, fflags, NaN-boxing, FS and frm faults. */
    @Property
    void interpreterAndTranslatedCodeAgreeOnFloatingPointPrograms(@ForAll("floatingPointPrograms") RandomPrograms.Program program,
            @ForAll @LongRange(min = 0, max = 300) long limit) {
        agree(program, limit);
    }

    /**
     * The same with D instructions only (no register used as a single): translated code holds the
     * floating-point registers as doubles, synced around calls, system calls, faults and stops.
     */
    @Property
    void interpreterAndTranslatedCodeAgreeOnDoublePrecisionPrograms(
            @ForAll("doublePrecisionPrograms") RandomPrograms.Program program, @ForAll @LongRange(min = 0, max = 300) long limit) {
        agree(program, limit);
    }

    private static void agree(RandomPrograms.Program program, long limit) {
        RomImage image = RomImage.flat(program.assemble());
        Translation translation = Translator.translate(image);
        for (long budget : new long[] {100_000, limit}) {
            GuestRun interpreted = GuestRun.of(image, null, TestRomsDifferentialTest.input("in"), budget, null);
            GuestRun translated = GuestRun.of(image, null, TestRomsDifferentialTest.input("in"), budget, translation);
            assertNull(interpreted.difference(translated), "limit " + budget);
            if (budget == 100_000) {
                Statistics.label("ending").collect(interpreted.ending().replaceAll(" .*", ""));
                Statistics.label("translated").collect(translated.translatedInstructions() * 2 > translated.instret()
                        ? "mostly translated" : "mostly interpreted");
            }
        }
    }

    @Property
    void randomBytesAsARomNeverCrashTheTranslatorAndRunTheSameBothWays(@ForAll @Size(max = 3000) byte[] rom,
            @ForAll @LongRange(min = 0, max = 2000) long limit) {
        RomImage image = RomImage.flat(rom);
        Translation translation = Translator.translate(image);
        GuestRun interpreted = GuestRun.of(image, null, null, limit, null);
        GuestRun translated = GuestRun.of(image, null, null, limit, translation);
        assertNull(interpreted.difference(translated));
    }
}
