package dev.rvjar.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The per-program target line, from rows whose speeds are worked out by hand. */
class TargetsTest {
    private static Bench.Row row(String name, double qemuS, double warmS) {
        Bench.Row row = new Bench.Row();
        row.name = name;
        row.qemuS = qemuS;
        row.warmS = warmS;
        return row;
    }

    private static final String WHAT = "translated (warm) faster than QEMU user mode, per program";

    @Test
    void everyProgramFasterMeetsTheTarget() {
        assertArrayEquals(new String[] {WHAT, "every program", "2 of 2", "yes"},
                Targets.fasterThanQemuEverywhere(List.of(row("a", 2.0, 1.0), row("b", 0.5, 0.25))));
    }

    /** 0.9 / 1.0 = 0.90 and equal times (1.00: not faster) miss; QEMU not measured is left out. */
    @Test
    void theProgramsNotFasterAreNamedWithTheirSpeed() {
        assertArrayEquals(new String[] {WHAT, "every program", "1 of 3 (not: b 0.90, c 1.00)", "no"},
                Targets.fasterThanQemuEverywhere(List.of(row("a", 3.0, 1.0), row("b", 0.9, 1.0), row("c", 0.4, 0.4),
                        row("d", Double.NaN, 1.0))));
    }

    @Test
    void withoutQemuThereIsNothingToCompare() {
        assertArrayEquals(new String[] {WHAT, "every program", "n/a", "n/a"},
                Targets.fasterThanQemuEverywhere(List.of(row("a", Double.NaN, 1.0))));
    }
}
