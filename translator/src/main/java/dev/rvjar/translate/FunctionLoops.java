package dev.rvjar.translate;

import dev.rvjar.decode.Instruction;
import dev.rvjar.decode.Opcode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks of one function that lie on a cycle of its control flow: its loops, which run many
 * times per call, as against its prologue, epilogue and other straight paths, which run once. A
 * function too large for one region keeps its loops together in one piece where they fit (see
 * {@code Translator.plan}), so that a loop never crosses from piece to piece.
 *
 * <p>The control flow is the function's own: branches and jumps to its blocks, a call's return to
 * the block after it (the callee is another function), and a computed jump ({@code jalr} that does
 * not link, other than a return) to every block of the function that Discovery found as a computed
 * target (a jump table's entries among them).
 */
final class FunctionLoops {
    private FunctionLoops() {
    }

    /** The starts of the blocks of {@code function} (in address order) that lie on a cycle. */
    static Set<Integer> blocksOnCycles(List<BasicBlock> function, Set<Integer> computedTargets) {
        int n = function.size();
        Map<Integer, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOf.put(function.get(i).start(), i);
        }
        List<Integer> jumpTableTargets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (computedTargets.contains(function.get(i).start())) {
                jumpTableTargets.add(i);
            }
        }
        int[][] successors = new int[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = successors(function.get(i), indexOf, jumpTableTargets);
        }
        return onCycles(successors, function);
    }

    private static int[] successors(BasicBlock block, Map<Integer, Integer> indexOf, List<Integer> jumpTableTargets) {
        Set<Integer> targets = new HashSet<>();
        Instruction last = block.instructions().get(block.size() - 1);
        boolean call = (last.op == Opcode.JAL || last.op == Opcode.JALR) && last.rd != 0;
        if (call || last.op == Opcode.ECALL) {
            targets.add(block.end()); // the callee (another function) or the system returns here
        } else {
            block.forEachDirectTarget(targets::add);
        }
        List<Integer> result = new ArrayList<>();
        for (int target : targets) {
            Integer index = indexOf.get(target);
            if (index != null) {
                result.add(index);
            }
        }
        boolean computedJump = last.op == Opcode.JALR && last.rd == 0 && !(last.rs1 == 1 && last.imm == 0);
        if (computedJump) {
            result.addAll(jumpTableTargets);
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Tarjan's strongly connected components, without recursion: the nodes of every cycle. */
    private static Set<Integer> onCycles(int[][] successors, List<BasicBlock> function) {
        int n = successors.length;
        int[] index = new int[n];
        int[] lowLink = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        Set<Integer> result = new HashSet<>();
        int next = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            Deque<int[]> work = new ArrayDeque<>(); // {node, next successor to visit}
            work.push(new int[] {root, 0});
            index[root] = lowLink[root] = next++;
            stack.push(root);
            onStack[root] = true;
            while (!work.isEmpty()) {
                int[] frame = work.peek();
                int node = frame[0];
                if (frame[1] < successors[node].length) {
                    int successor = successors[node][frame[1]++];
                    if (index[successor] < 0) {
                        index[successor] = lowLink[successor] = next++;
                        stack.push(successor);
                        onStack[successor] = true;
                        work.push(new int[] {successor, 0});
                    } else if (onStack[successor]) {
                        lowLink[node] = Math.min(lowLink[node], index[successor]);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    lowLink[parent] = Math.min(lowLink[parent], lowLink[node]);
                }
                if (lowLink[node] == index[node]) {
                    List<Integer> component = new ArrayList<>();
                    int member;
                    do {
                        member = stack.pop();
                        onStack[member] = false;
                        component.add(member);
                    } while (member != node);
                    if (component.size() > 1 || selfLoop(successors, node)) {
                        for (int m : component) {
                            result.add(function.get(m).start());
                        }
                    }
                }
            }
        }
        return result;
    }

    private static boolean selfLoop(int[][] successors, int node) {
        for (int successor : successors[node]) {
            if (successor == node) {
                return true;
            }
        }
        return false;
    }
}
