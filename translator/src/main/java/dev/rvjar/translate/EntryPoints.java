package dev.rvjar.translate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each region method can be entered: the cases of its switch, and the block starts the code
 * map lists. Every other block is reached only by direct control flow inside its region, so that a
 * loop has one way in and the JIT sees it as a loop it can optimise (a switch case into the middle
 * of a loop makes it irreducible, and C2 then leaves it alone).
 *
 * <p>The entries are Discovery's ({@link Discovery.Result#entries()}: pointer and jump table
 * targets, return addresses, after system instructions and after code left to the interpreter),
 * every block another region goes on at directly (a linked call or a jump between the pieces of a
 * function), every region's first block, and every loop head (the target of a backward branch or
 * jump), so that control arriving at a block that is no entry (a computed jump Discovery did not
 * see, a resume after a limit stop, a trap handler's return) is interpreted for at most about one
 * iteration of the loop it lands in: the code map does not list that block, so the interpreter
 * runs until it reaches an entry.
 */
final class EntryPoints {
    private final Set<Integer> entries;

    private EntryPoints(Set<Integer> entries) {
        this.entries = entries;
    }

    static EntryPoints of(Set<Integer> discovered, List<List<BasicBlock>> plan) {
        Set<Integer> entries = new HashSet<>(discovered);
        Map<Integer, Integer> regionOf = new HashMap<>();
        for (int r = 0; r < plan.size(); r++) {
            for (BasicBlock block : plan.get(r)) {
                regionOf.put(block.start(), r);
            }
        }
        for (int r = 0; r < plan.size(); r++) {
            Integer region = r;
            for (BasicBlock block : plan.get(r)) {
                block.forEachDirectTarget(target -> {
                    if (!region.equals(regionOf.get(target)) || target <= block.start()) {
                        entries.add(target);
                    }
                });
            }
        }
        return new EntryPoints(entries);
    }

    /**
     * The entries of {@code region}, in address order: a planned region, or a piece of
     * {@code planned} when that came out too large for one method (then the blocks of the other
     * pieces continue in this one through its entries too).
     */
    List<Integer> of(List<BasicBlock> region, List<BasicBlock> planned) {
        Set<Integer> starts = new HashSet<>();
        Set<Integer> result = new TreeSet<>((a, b) -> Integer.compareUnsigned(a, b));
        result.add(region.get(0).start());
        for (BasicBlock block : region) {
            starts.add(block.start());
            if (entries.contains(block.start())) {
                result.add(block.start());
            }
        }
        if (region.size() != planned.size()) {
            for (BasicBlock block : planned) {
                if (!starts.contains(block.start())) {
                    block.forEachDirectTarget(target -> {
                        if (starts.contains(target)) {
                            result.add(target);
                        }
                    });
                }
            }
        }
        return List.copyOf(result);
    }
}
