package dev.rvjar.translate;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where each region method can be entered: the cases of its switch, and the block starts the code
 * map lists. Every other block is reached only by direct control flow inside its region, so that a
 * loop has one way in and the JIT sees it as a loop it can optimise (a switch case into the middle
 * of a loop makes it irreducible, and C2 then leaves it alone).
 *
 * <p>The entries are Discovery's ({@link Discovery.Result#entries()}: pointer and jump table
 * targets, return addresses of calls through a pointer, after system instructions and after code
 * left to the interpreter), the return addresses of {@code jal} calls below,
 * every block another region goes on at directly (a linked call or a jump between the pieces of a
 * function), every region's first block, and every loop head (the target of a backward branch or
 * jump), so that control arriving at a block that is no entry (a computed jump Discovery did not
 * see, a resume after a limit stop, a trap handler's return) is interpreted for at most about one
 * iteration of the loop it lands in: the code map does not list that block, so the interpreter
 * runs until it reaches an entry.
 *
 * <p>The return address of a {@code jal} call is an entry only where a return may come back
 * through the switch. A linked call with its return block in its own region goes on there by a
 * jump (see {@code RegionMethod.callReturningTo}); as a case of the switch too, the return block of
 * a call inside a loop would be a second way into the loop whenever the JIT's profile has seen the
 * case taken (a callee that left its region, a resumed stop), and C2 then compiles the loop as
 * irreducible. Such a return address is an entry only in a method whose calls share one call code
 * (one too large otherwise), and where the call ends up going elsewhere (a resume after a stop in
 * the callee) the interpreter runs from it to the next entry. A call keeps its return address an
 * entry where the return may well come through the dispatch loop: where the callee may be part of
 * a recursion (past {@code RegionEmitter.MAX_CALL_DEPTH} nested calls a recursion leaves its
 * regions, and its returns come back through the dispatch loop, one per frame), and where the
 * callee or a region it calls may leave its method otherwise (a call through a pointer, such as
 * picolibc's stdio makes: the dispatch loop then runs the rest, returns included).
 */
final class EntryPoints {
    private final Set<Integer> entries;
    /** Return addresses of linked calls that go on there by a jump: no entries, unless the method's calls share one call code. */
    private final Set<Integer> directReturns;

    private EntryPoints(Set<Integer> entries, Set<Integer> directReturns) {
        this.entries = entries;
        this.directReturns = directReturns;
    }

    /**
     * The entries of {@code plan}: {@code discovered}, the {@code callReturns} of calls that are not
     * linked calls within reach of a jump (as {@code links} links them, classes named by
     * {@code names}), and the loop heads and targets from other regions.
     */
    static EntryPoints of(Set<Integer> discovered, Set<Integer> callReturns, List<List<BasicBlock>> plan,
            LinkTable links, Function<List<BasicBlock>, String> names) {
        Set<Integer> entries = new HashSet<>(discovered);
        Set<Integer> directReturns = new HashSet<>();
        for (List<BasicBlock> region : plan) {
            directReturns.addAll(directReturns(region, links, names.apply(region)));
        }
        for (int returnAddress : callReturns) {
            if (!directReturns.contains(returnAddress)) {
                entries.add(returnAddress);
            }
        }
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
        directReturns.removeAll(entries); // a loop head or another region's target stays an entry
        return new EntryPoints(entries, directReturns);
    }

    /**
     * The return addresses, inside {@code region} (class {@code name}), of its {@code jal} calls to
     * other regions that {@code links} links, that cannot be part of a recursion and that can only
     * come back by returning.
     */
    private static Set<Integer> directReturns(List<BasicBlock> region, LinkTable links, String name) {
        Set<Integer> starts = new HashSet<>();
        for (BasicBlock block : region) {
            starts.add(block.start());
        }
        Set<Integer> result = new HashSet<>();
        for (BasicBlock block : region) {
            Instruction last = block.instructions().get(block.instructions().size() - 1);
            if (block.ending() == BasicBlock.End.TERMINATOR && last.op == Opcode.JAL && last.rd != 0) {
                int target = block.end() - last.length + last.imm;
                String callee = starts.contains(target) ? null : links.regionClassAt(target);
                if (callee != null && !callee.equals(name) && !links.mayRecurse(name, callee)
                        && !links.mayLeave(callee) && starts.contains(block.end())) {
                    result.add(block.end());
                }
            }
        }
        return result;
    }

    /**
     * The entries of {@code region}, in address order: a planned region, or a piece of
     * {@code planned} when that came out too large for one method (then the blocks of the other
     * pieces continue in this one through its entries too); with {@code sharedCalls} (a method
     * whose calls share one call code and go on through the switch), the return addresses of its
     * linked calls too.
     */
    List<Integer> of(List<BasicBlock> region, List<BasicBlock> planned, boolean sharedCalls) {
        Set<Integer> starts = new HashSet<>();
        Set<Integer> result = new TreeSet<>((a, b) -> Integer.compareUnsigned(a, b));
        result.add(region.get(0).start());
        for (BasicBlock block : region) {
            starts.add(block.start());
            if (entries.contains(block.start()) || sharedCalls && directReturns.contains(block.start())) {
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
