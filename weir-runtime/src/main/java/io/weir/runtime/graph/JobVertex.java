package io.weir.runtime.graph;

import java.util.List;
import java.util.stream.Collectors;

/** A task: a chain of operators run by one thread per subtask. The head (index 0) receives the task's input. */
public record JobVertex(int id, int parallelism, List<ChainedOperator> operators, boolean isSource) {
    public JobVertex {
        operators = List.copyOf(operators);
    }

    public ChainedOperator head() {
        return operators.get(0);
    }

    /** "Source -> Map -> Filter". */
    public String name() {
        return operators.stream().map(ChainedOperator::name).collect(Collectors.joining(" -> "));
    }
}
