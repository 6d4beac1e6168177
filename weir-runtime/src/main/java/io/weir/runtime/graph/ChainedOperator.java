package io.weir.runtime.graph;

import io.weir.api.functions.KeySelector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One operator of a task's chain. {@code keySelectors} has one entry per input for a keyed operator and is
 * empty otherwise; {@code keyedState} says how its keyed state is kept (chosen per mode by the translator);
 * {@code groupedInputKeys}, for an operator that is not keyed, has one entry per input: the key by which that
 * input reaches the operator grouped (BATCH, a keyed stream connected to one that is not), or null, and is empty
 * if no input is grouped; {@code chainedOutputs} lead to later operators of the same chain.
 */
public record ChainedOperator(int nodeId, String name, String uid, OperatorFactory factory, int numberOfInputs,
                              List<KeySelector<?, ?>> keySelectors, KeyedStateKind keyedState,
                              List<KeySelector<?, ?>> groupedInputKeys, List<ChainLink> chainedOutputs) {
    public ChainedOperator {
        keySelectors = List.copyOf(keySelectors);
        groupedInputKeys = Collections.unmodifiableList(new ArrayList<>(groupedInputKeys));
        chainedOutputs = List.copyOf(chainedOutputs);
    }

    public boolean isKeyed() {
        return !keySelectors.isEmpty();
    }

    /** Whether some input, of an operator that is not keyed, arrives grouped by key. */
    public boolean hasGroupedInputs() {
        return !groupedInputKeys.isEmpty();
    }
}
