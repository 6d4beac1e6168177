package io.weir.runtime.translate;

import io.weir.api.functions.KeySelector;
import io.weir.runtime.graph.KeyedStateKind;
import io.weir.runtime.graph.OperatorFactory;

import java.util.ArrayList;
import java.util.List;

/** An operator of the logical graph with its parallelism resolved; input to chaining. Translation-time only. */
final class StreamNode {
    final int id;
    final String name;
    final String uid;
    final int parallelism;
    final boolean chainingDisabled;
    final OperatorFactory factory;
    final int numberOfInputs;
    final List<KeySelector<?, ?>> keySelectors;
    final boolean isSource;
    final KeyedStateKind keyedState;
    /** Per input of an operator that is not keyed, the key it is grouped by, or null; empty if none is grouped. */
    final List<KeySelector<?, ?>> groupedInputKeys;
    final List<StreamEdge> inputs = new ArrayList<>();
    final List<StreamEdge> outputs = new ArrayList<>();

    StreamNode(int id, String name, String uid, int parallelism, boolean chainingDisabled, OperatorFactory factory,
               int numberOfInputs, List<KeySelector<?, ?>> keySelectors, boolean isSource, KeyedStateKind keyedState,
               List<KeySelector<?, ?>> groupedInputKeys) {
        this.id = id;
        this.name = name;
        this.uid = uid;
        this.parallelism = parallelism;
        this.chainingDisabled = chainingDisabled;
        this.factory = factory;
        this.numberOfInputs = numberOfInputs;
        this.keySelectors = keySelectors;
        this.isSource = isSource;
        this.keyedState = keySelectors.isEmpty() ? KeyedStateKind.NONE : keyedState;
        this.groupedInputKeys = groupedInputKeys;
    }
}
