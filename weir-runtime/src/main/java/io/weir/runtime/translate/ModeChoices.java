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

    /**
     * Whether a keyed input of an operator that is not keyed (a two-input operator with one keyed input) reaches
     * it grouped by key, in timestamp order within a key, after its other inputs (BATCH), rather than only
     * partitioned by key and interleaved as it comes (STREAMING).
     */
    boolean groupsKeyedInputsOfUnkeyedOperators();

    /** How records cross from one task to another. */
    ExchangeKind exchangeKind();

    /**
     * Whether sources and {@code assignTimestampsAndWatermarks} run their watermark generators (BATCH has perfect
     * watermarks: only MAX at the end).
     */
    boolean runWatermarkGenerators();

    /** Whether sinks publish only at the end of input (BATCH: a retried task replays its input). */
    boolean sinksPublishAtEndOfInput();

    /** What processing time is. */
    io.weir.runtime.graph.ProcessingClock processingClock();

    /**
     * A combiner to run on the producer side of the shuffle into {@code operation}, and the operator that then
     * finishes the aggregation; null for none. Only associative reductions can be combined.
     */
    Combining combiner(Operation operation, KeySelector<?, ?> keySelector, String operatorName);

    /**
     * A producer-side combiner, the consumer-side operator that reads its partials, and the key of a partial
     * (partials carry their key: a reduce function need not preserve it).
     */
    record Combining(OperatorFactory combiner, OperatorFactory finalOperator, KeySelector<?, ?> partialKey) {
    }
}
