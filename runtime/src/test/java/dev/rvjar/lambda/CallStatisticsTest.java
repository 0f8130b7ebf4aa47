package dev.rvjar.lambda;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** --stats gives every call a rate that says something: short calls are not "0.0 MIPS". */
class CallStatisticsTest {
    @Test
    void theUnitFollowsTheRate() {
        assertEquals("250.0 MIPS", CallStatistics.rate(500_000_000, 2_000_000_000L));
        assertEquals("1.0 MIPS", CallStatistics.rate(1_000_000, 1_000_000_000L));
        // the hello ROM: 726 instructions in 90 ms
        assertEquals("8.1 thousand instructions/s", CallStatistics.rate(726, 90_000_000L));
        assertEquals("12 instructions/s", CallStatistics.rate(3, 250_000_000L));
        assertEquals("too short to rate", CallStatistics.rate(5, 0));
    }
}
