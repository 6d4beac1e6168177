package io.weir.runtime.graph;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;

import java.util.List;

/**
 * The physical plan: tasks (vertices, in topological order) and the exchanges between them, for one
 * resolved execution mode. Immutable; made by the translator, read by the scheduler and the plan printers.
 * {@code userClassLoader} is the job's class loader, decided once at submission: everything that reads user
 * classes from bytes (copies of functions, records crossing BATCH exchanges and sorts) and the task threads'
 * context class loader use it.
 */
public record JobGraph(String jobName, RuntimeExecutionMode mode, int maxParallelism, List<JobVertex> vertices,
                       List<JobEdge> edges, Configuration configuration, ProcessingClock processingClock,
                       ClassLoader userClassLoader) {
    public JobGraph {
        java.util.Objects.requireNonNull(userClassLoader, "userClassLoader");
        vertices = List.copyOf(vertices);
        edges = List.copyOf(edges);
        for (int i = 0; i < edges.size(); i++) {
            if (edges.get(i).id() != i) {
                throw new IllegalArgumentException("Edge " + i + " of job '" + jobName + "' has id "
                        + edges.get(i).id() + ": an edge's id must be its position in the edge list");
            }
        }
    }

    public JobVertex vertex(int id) {
        for (JobVertex v : vertices) {
            if (v.id() == id) {
                return v;
            }
        }
        throw new IllegalArgumentException("No task with id " + id);
    }

    public List<JobEdge> inputsOf(int vertexId) {
        return edges.stream().filter(e -> e.targetVertex() == vertexId).toList();
    }

    public List<JobEdge> outputsOf(int vertexId) {
        return edges.stream().filter(e -> e.sourceVertex() == vertexId).toList();
    }
}
