package io.weir.runtime.graph;

import io.weir.api.functions.KeySelector;

import java.util.List;

/**
 * One operator of a task's chain. {@code keySelectors} has one entry per input for a keyed operator and is
 * empty otherwise; {@code keyedState} says how its keyed state is kept (chosen per mode by the translator);
 * {@code chainedOutputs} lead to later operators of the same chain.
 */
public record ChainedOperator(int nodeId, String name, String uid, OperatorFactory factory, int numberOfInputs,
                              List<KeySelector<?, ?>> keySelectors, KeyedStateKind keyedState,
                              List<ChainLink> chainedOutputs) {
    public ChainedOperator {
        keySelectors = List.copyOf(keySelectors);
        chainedOutputs = List.copyOf(chainedOutputs);
    }

    public boolean isKeyed() {
        return !keySelectors.isEmpty();
    }
}
