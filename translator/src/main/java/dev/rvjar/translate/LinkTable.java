package dev.rvjar.translate;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;
import dev.rvjar.emit.RegionEmitter;
import dev.rvjar.emit.RegisterFootprint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
    /** Each region's strongly connected component of the call graph (regions that may call each other, transitively). */
    private final Map<String, Integer> components;
    /** The regions that may leave their method other than by returning to their caller, themselves or in a callee. */
    private final Set<String> mayLeave;

    private LinkTable(Map<Integer, String> classes, Map<String, RegisterFootprint> footprints,
            Map<String, Integer> components, Set<String> mayLeave) {
        this.classes = classes;
        this.footprints = footprints;
        this.components = components;
        this.mayLeave = mayLeave;
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
        Set<String> mayLeave = new HashSet<>();
        for (List<BasicBlock> region : plan) {
            String name = names.apply(region);
            footprints.put(name, RegisterFootprint.of(region));
            calls.put(name, linkedCallees(region, name, classes));
            if (leavesOtherwise(region, classes)) {
                mayLeave.add(name);
            }
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
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Map.Entry<String, Set<String>> caller : calls.entrySet()) {
                if (!mayLeave.contains(caller.getKey()) && caller.getValue().stream().anyMatch(mayLeave::contains)) {
                    mayLeave.add(caller.getKey());
                    grew = true;
                }
            }
        }
        return new LinkTable(classes, footprints, components(calls), mayLeave);
    }

    /**
     * Whether {@code region}'s method may be left other than by a return: a call through a pointer
     * ({@code jalr} that links), a jump to code no region links to, an instruction left to the
     * interpreter, {@code fence.i}. A computed jump without link counts as a return (a {@code ret},
     * or a jump table's jump inside the region).
     */
    private static boolean leavesOtherwise(List<BasicBlock> region, Map<Integer, String> classes) {
        Set<Integer> own = new HashSet<>();
        for (BasicBlock block : region) {
            own.add(block.start());
        }
        for (BasicBlock block : region) {
            Instruction last = block.instructions().get(block.instructions().size() - 1);
            if (block.ending() == BasicBlock.End.FALLBACK || block.ending() == BasicBlock.End.TERMINATOR
                    && (last.op == Opcode.JALR && last.rd != 0 || last.op == Opcode.FENCE_I)) {
                return true;
            }
            boolean[] elsewhere = {false};
            block.forEachDirectTarget(target -> elsewhere[0] |= !own.contains(target) && !classes.containsKey(target));
            if (elsewhere[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a linked call of {@code callee} may come back other than by its return: the callee,
     * or a region it calls, may leave its method (see {@link #leavesOtherwise}), and this method
     * then returns to the dispatch loop too.
     */
    boolean mayLeave(String callee) {
        return mayLeave.contains(callee);
    }

    /** Whether a linked call from region class {@code caller} to {@code callee} may be part of a recursion: the callee may call the caller again. */
    boolean mayRecurse(String caller, String callee) {
        Integer component = components.get(caller);
        return component != null && component.equals(components.get(callee));
    }

    /** The strongly connected components of the call graph (Tarjan's algorithm, iterative: call chains may be long). */
    private static Map<String, Integer> components(Map<String, Set<String>> calls) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        for (String root : calls.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            Deque<String> path = new ArrayDeque<>();
            visit(root, index, low, stack, onStack, pending, path, calls);
            while (!path.isEmpty()) {
                String node = path.peek();
                Iterator<String> next = pending.peek();
                if (next.hasNext()) {
                    String callee = next.next();
                    if (!index.containsKey(callee)) {
                        visit(callee, index, low, stack, onStack, pending, path, calls);
                    } else if (onStack.contains(callee)) {
                        low.put(node, Math.min(low.get(node), index.get(callee)));
                    }
                    continue;
                }
                pending.pop();
                path.pop();
                if (!path.isEmpty()) {
                    low.put(path.peek(), Math.min(low.get(path.peek()), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.put(member, index.get(node));
                    } while (!member.equals(node));
                }
            }
        }
        return component;
    }

    private static void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, Deque<Iterator<String>> pending, Deque<String> path,
            Map<String, Set<String>> calls) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        pending.push(calls.getOrDefault(node, Set.of()).iterator());
        path.push(node);
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
