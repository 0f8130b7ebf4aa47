package dev.rvjar.interp;

import dev.rvjar.decode.Decoder;
import dev.rvjar.decode.Instruction;
import dev.rvjar.fault.FaultKind;
import dev.rvjar.fault.GuestFault;
import dev.rvjar.memory.Memory;
import dev.rvjar.memory.Region;

/**
 * Decoded instructions by pc. Code in read-only regions (the ROM) is decoded once and kept; code in
 * writable regions is decoded on every fetch, so code the guest writes or changes is always seen as
 * it is now.
 */
final class DecodeCache {
    private final Memory memory;
    private final boolean rv32e;
    private final Instruction[][] pages = new Instruction[1 << (32 - Memory.PAGE_BITS)][];
    /**
     * The first read-only executable region (the ROM) as one flat table, one slot per 2 bytes: the
     * hot path is one subtraction, one unsigned compare and one load.
     */
    private final Instruction[] flat;
    private final int flatBase;

    DecodeCache(Memory memory, boolean rv32e) {
        this.memory = memory;
        this.rv32e = rv32e;
        Instruction[] flat = new Instruction[0];
        int flatBase = 0;
        Region flatRegion = null;
        for (Region region : memory.regions()) {
            if (region.executable() && !region.writable() && flatRegion == null) {
                flat = new Instruction[region.size() / 2];
                flatBase = region.base();
                flatRegion = region;
            }
        }
        this.flat = flat;
        this.flatBase = flatBase;
        for (Region region : memory.regions()) {
            // further read-only executable regions get per-page tables (the flat one needs none)
            if (region.executable() && !region.writable() && region != flatRegion) {
                int first = region.base() >>> Memory.PAGE_BITS;
                int last = (int) ((Integer.toUnsignedLong(region.base()) + region.size() - 1) >>> Memory.PAGE_BITS);
                for (int page = first; page <= last; page++) {
                    pages[page] = new Instruction[Memory.PAGE_SIZE / 2];
                }
            }
        }
    }

    Instruction at(int pc) {
        int index = (pc - flatBase) >>> 1;
        if (index < flat.length && (pc & 1) == 0) {
            Instruction in = flat[index];
            return in != null ? in : decodeFlat(pc, index);
        }
        return atPage(pc);
    }

    private Instruction decodeFlat(int pc, int index) {
        Instruction in = decode(pc);
        flat[index] = in;
        return in;
    }

    private Instruction atPage(int pc) {
        Instruction[] page = pages[pc >>> Memory.PAGE_BITS];
        if (page == null) {
            return decode(pc);
        }
        int slot = (pc & (Memory.PAGE_SIZE - 1)) >>> 1;
        Instruction in = page[slot];
        if (in == null) {
            in = decode(pc);
            page[slot] = in;
        }
        return in;
    }

    private Instruction decode(int pc) {
        if ((pc & 1) != 0) {
            throw GuestFault.of(FaultKind.MISALIGNED_FETCH, pc, pc);
        }
        Instruction in = Decoder.decode(memory.fetch(pc));
        if (rv32e && in.usesRegistersAbove15()) {
            return new Instruction(dev.rvjar.decode.Opcode.ILLEGAL, 0, 0, 0, 0, 0, 0, in.length, in.bits);
        }
        return in;
    }
}
