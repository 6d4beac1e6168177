package io.weir.runtime.translate;

import io.weir.api.dag.Operation;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.graph.ExchangeKind;
import io.weir.runtime.graph.KeyedStateKind;
import io.weir.runtime.graph.OperatorFactory;

/**
 * What differs between the modes when a graph is built: one implementation per mode, chosen once by
 * {@link JobGraphTranslator}. Everything below translation receives the result and never asks for the mode.
 */
interface ModeChoices {
    /** The operator that implements {@code operation}. */
    OperatorFactory operator(Operation operation, String operatorName);

    /** How keyed operators keep state. */
    KeyedStateKind keyedState();

    /** How records cross from one task to another. */
    ExchangeKind exchangeKind();

    /**
     * A combiner to run on the producer side of the shuffle into {@code operation}, or null for none.
     * Only associative reductions can be combined.
     */
    OperatorFactory combiner(Operation operation, KeySelector<?, ?> keySelector, String operatorName);
}
