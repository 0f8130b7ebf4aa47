package dev.rvjar.translated;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultSitesTest {
    @Test
    void everySiteReadsBackItsPcAndRetiredCount() {
        int[] pcs = {0, 2, 0x0000_FFFE, 0x0001_0000, 0x8000_0000, 0xFFFF_FFFE, 0x0123_4566};
        int[] retired = {0, 1, 127, 128, 255, 0xFFFF, 42};
        FaultSites sites = new FaultSites();
        assertTrue(sites.isEmpty());
        for (int i = 0; i < pcs.length; i++) {
            assertEquals(i, sites.add(pcs[i], retired[i]));
        }
        String table = sites.table();
        for (int i = 0; i < pcs.length; i++) {
            assertEquals(pcs[i], FaultSites.pc(table, i));
            assertEquals(retired[i], FaultSites.retiredBefore(table, i));
        }
    }

    @Test
    void aRetiredCountBeyondACharIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FaultSites().add(0, 0x1_0000));
        assertThrows(IllegalArgumentException.class, () -> new FaultSites().add(0, -1));
    }
}
