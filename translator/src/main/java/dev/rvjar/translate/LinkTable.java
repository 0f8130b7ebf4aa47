package dev.rvjar.translate;

import dev.rvjar.emit.RegionEmitter;
import dev.rvjar.emit.RegisterFootprint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The linked calls of a planned translation: which region class holds each address a {@code jal}
 * may be linked to, and what each region may touch in {@code cpu.x} when called, transitively
 * through the regions it calls in turn (a fixed point, so mutual recursion is covered).
 *
 * <p>Calls to code in read-only memory are linked: the callee's region class is called directly.
 * Code in writable memory may be overwritten, and only the dispatch loop checks for that. A planned
 * region that comes out too large is split when emitted; a call into its second half then enters
 * the first, which leaves at once for the dispatch loop: correct, only slower. The footprint of a
 * planned region covers all its blocks, so it covers every half too.
 */
final class LinkTable implements RegionEmitter.CallTargets {
    private final Map<Integer, String> classes;
    private final Map<String, RegisterFootprint> footprints;

    private LinkTable(Map<Integer, String> classes, Map<String, RegisterFootprint> footprints) {
        this.classes = classes;
        this.footprints = footprints;
    }

    static LinkTable of(List<List<BasicBlock>> plan, Function<List<BasicBlock>, String> names, IntPredicate writable) {
        Map<Integer, String> classes = new HashMap<>();
        for (List<BasicBlock> region : plan) {
            String name = names.apply(region);
            for (BasicBlock block : region) {
                if (!writable.test(block.start())) {
                    classes.put(block.start(), name);
                }
            }
        }
        Map<String, RegisterFootprint> footprints = new HashMap<>();
        Map<String, Set<String>> calls = new HashMap<>();
        for (List<BasicBlock> region : plan) {
            String name = names.apply(region);
            footprints.put(name, RegisterFootprint.of(region));
            calls.put(name, linkedCallees(region, name, classes));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Set<String>> caller : calls.entrySet()) {
                RegisterFootprint footprint = footprints.get(caller.getKey());
                RegisterFootprint grown = footprint;
                for (String callee : caller.getValue()) {
                    grown = grown.union(footprints.get(callee));
                }
                if (!grown.equals(footprint)) {
                    footprints.put(caller.getKey(), grown);
                    changed = true;
                }
            }
        }
        return new LinkTable(classes, footprints);
    }

    /**
     * The classes the emitter may link {@code region} to: those holding a block's direct target
     * (see {@code RegionMethod.goTo}).
     */
    private static Set<String> linkedCallees(List<BasicBlock> region, String name, Map<Integer, String> classes) {
        Set<Integer> own = new HashSet<>();
        for (BasicBlock block : region) {
            own.add(block.start());
        }
        Set<String> callees = new HashSet<>();
        for (BasicBlock block : region) {
            block.forEachDirectTarget(target -> {
                String callee = own.contains(target) ? null : classes.get(target);
                if (callee != null && !callee.equals(name)) {
                    callees.add(callee);
                }
            });
        }
        return callees;
    }

    @Override
    public String regionClassAt(int pc) {
        return classes.get(pc);
    }

    @Override
    public RegisterFootprint footprint(String regionClass) {
        return footprints.getOrDefault(regionClass, RegisterFootprint.EVERYTHING);
    }

    /** The same table without links to classes not in {@code made} (regions that could not be emitted). */
    RegionEmitter.CallTargets onlyTo(Set<String> made) {
        LinkTable all = this;
        return new RegionEmitter.CallTargets() {
            @Override
            public String regionClassAt(int pc) {
                String callee = all.regionClassAt(pc);
                return made.contains(callee) ? callee : null;
            }

            @Override
            public RegisterFootprint footprint(String regionClass) {
                return all.footprint(regionClass);
            }
        };
    }
}
