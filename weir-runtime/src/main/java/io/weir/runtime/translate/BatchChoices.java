package io.weir.runtime.translate;

import io.weir.api.dag.Operation;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.graph.ExchangeKind;
import io.weir.runtime.graph.KeyedStateKind;
import io.weir.runtime.graph.OperatorFactory;

/**
 * BATCH: blocking exchanges, keyed input sorted by key (then timestamp) with single-key state, the keyed input of
 * an unkeyed two-input operator grouped the same way, final values only, and
 * combiners before the shuffle of rolling aggregations and of reducing event-time windows (unless turned off).
 */
final class BatchChoices implements ModeChoices {
    private final boolean combine;
    private final int combineMaxKeys;
    private final OperationTranslator translator;

    BatchChoices(boolean combine, int combineMaxKeys, OperationTranslator translator) {
        this.combine = combine;
        this.combineMaxKeys = combineMaxKeys;
        this.translator = translator;
    }

    @Override
    public OperatorFactory operator(Operation operation, String operatorName) {
        return translator.translateForBatch(operation, operatorName);
    }

    @Override
    public KeyedStateKind keyedState() {
        return KeyedStateKind.SINGLE_KEY_SORTED_INPUT;
    }

    @Override
    public boolean groupsKeyedInputsOfUnkeyedOperators() {
        return true;
    }

    @Override
    public boolean sinksPublishAtEndOfInput() {
        return true;
    }

    @Override
    public boolean runWatermarkGenerators() {
        return false;
    }

    @Override
    public io.weir.runtime.graph.ProcessingClock processingClock() {
        return io.weir.runtime.graph.ProcessingClock.frozenAt(System.currentTimeMillis());
    }

    @Override
    public ExchangeKind exchangeKind() {
        return ExchangeKind.BLOCKING;
    }

    @Override
    public Combining combiner(Operation operation, KeySelector<?, ?> keySelector, String operatorName) {
        OperatorFactory combiner = combine
                ? translator.combinerForBatch(operation, keySelector, operatorName, combineMaxKeys) : null;
        return combiner == null ? null
                : new Combining(combiner, translator.translateCombinedForBatch(operation, operatorName),
                        OperationTranslator.partialKeyForBatch(keySelector));
    }
}
