package dev.rvjar.translated;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodeMapTest {
    /** Region 0 covers [0x100, 0x140) with blocks at 0x100 and 0x120; region 1 [0x8000_0000, 0x8000_0010). */
    private static CodeMap sample() {
        return new CodeMap(new int[] {0x100, 0x120, 0x8000_0000}, new int[] {0, 0, 1},
                new int[] {0x100, 0x8000_0000}, new int[] {0x140, 0x8000_0010});
    }

    @Test
    void blockStartsMapToTheirRegionAndEverythingElseToNone() {
        CodeMap map = sample();
        assertEquals(0, map.regionAt(0x100));
        assertEquals(0, map.regionAt(0x120));
        assertEquals(1, map.regionAt(0x8000_0000));
        assertEquals(-1, map.regionAt(0x102));
        assertEquals(-1, map.regionAt(0x121));
        assertEquals(-1, map.regionAt(0x200));
        assertEquals(-1, map.regionAt(0xFFFF_FFFE));
    }

    @Test
    void writesFindExactlyTheRegionsTheyOverlap() {
        CodeMap map = sample();
        assertEquals(List.of(0), overlapping(map, 0x13F, 1));
        assertEquals(List.of(), overlapping(map, 0x140, 4));
        assertEquals(List.of(0), overlapping(map, 0xFE, 4));
        assertEquals(List.of(), overlapping(map, 0xFC, 4));
        assertEquals(List.of(1), overlapping(map, 0x8000_000C, 8));
        assertEquals(List.of(), overlapping(map, 0x7FFF_FFF8, 8));
    }

    @Test
    void regionsListedOutOfAddressOrderAreFoundByAddress() {
        // region 0 lies above 2^31 (negative as an int), region 1 at the bottom, region 2 between
        CodeMap map = new CodeMap(new int[] {0x9000_0000, 0x10, 0x4000}, new int[] {0, 1, 2},
                new int[] {0x9000_0000, 0x10, 0x4000}, new int[] {0x9000_0020, 0x5000, 0x4010});
        assertEquals(List.of(1), overlapping(map, 0x3FFC, 4));
        assertEquals(List.of(2, 1), overlapping(map, 0x4008, 4));
        assertEquals(List.of(0), overlapping(map, 0x9000_001F, 1));
        assertEquals(List.of(), overlapping(map, 0x8FFF_FFFC, 4));
        assertEquals(List.of(), overlapping(map, 0x5000, 4));
    }

    @Test
    void aWrittenAndReadMapIsTheSame() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sample().write(bytes);
        CodeMap read = CodeMap.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(3, read.blockCount());
        assertEquals(2, read.regionCount());
        assertEquals(1, read.regionAt(0x8000_0000));
        assertEquals(List.of(0), overlapping(read, 0x120, 2));
    }

    private static List<Integer> overlapping(CodeMap map, int address, int width) {
        List<Integer> regions = new ArrayList<>();
        map.forEachRegionOverlapping(address, width, regions::add);
        return regions;
    }
}
