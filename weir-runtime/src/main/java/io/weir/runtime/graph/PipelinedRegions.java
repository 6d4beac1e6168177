package io.weir.runtime.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * Cuts a job graph into stages: pipelined regions, i.e. tasks joined by pipelined exchanges. A region runs as
 * a whole; blocking exchanges separate regions, so in BATCH every task is a region of its own.
 */
public final class PipelinedRegions {
    private PipelinedRegions() {
    }

    /** The stage of each task: 1, 2, ... in the topological order of the regions' first tasks. */
    public static Map<Integer, Integer> stageOfTask(JobGraph graph) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (JobVertex v : graph.vertices()) {
            parent.put(v.id(), v.id());
        }
        for (JobEdge e : graph.edges()) {
            if (e.exchangeKind() == ExchangeKind.PIPELINED) {
                parent.put(find(parent, e.sourceVertex()), find(parent, e.targetVertex()));
            }
        }
        Map<Integer, Integer> stageOfRoot = new HashMap<>();
        Map<Integer, Integer> stages = new HashMap<>();
        for (JobVertex v : graph.vertices()) {
            int root = find(parent, v.id());
            stages.put(v.id(), stageOfRoot.computeIfAbsent(root, r -> stageOfRoot.size() + 1));
        }
        return stages;
    }

    private static int find(Map<Integer, Integer> parent, int id) {
        int root = id;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }
}
