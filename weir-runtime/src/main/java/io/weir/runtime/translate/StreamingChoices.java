package io.weir.runtime.translate;

import io.weir.api.dag.Operation;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.graph.ExchangeKind;
import io.weir.runtime.graph.KeyedStateKind;
import io.weir.runtime.graph.OperatorFactory;

/** STREAMING: pipelined exchanges, key-grouped heap state, an update per record, no combiners. */
final class StreamingChoices implements ModeChoices {
    private final OperationTranslator translator;

    StreamingChoices(OperationTranslator translator) {
        this.translator = translator;
    }

    @Override
    public OperatorFactory operator(Operation operation, String operatorName) {
        return translator.translateForStreaming(operation, operatorName);
    }

    @Override
    public KeyedStateKind keyedState() {
        return KeyedStateKind.HEAP_BY_KEY_GROUP;
    }

    @Override
    public boolean groupsKeyedInputsOfUnkeyedOperators() {
        return false;
    }

    @Override
    public boolean sinksPublishAtEndOfInput() {
        return false;
    }

    @Override
    public boolean runWatermarkGenerators() {
        return true;
    }

    @Override
    public io.weir.runtime.graph.ProcessingClock processingClock() {
        return io.weir.runtime.graph.ProcessingClock.WALL_CLOCK;
    }

    @Override
    public ExchangeKind exchangeKind() {
        return ExchangeKind.PIPELINED;
    }

    @Override
    public Combining combiner(Operation operation, KeySelector<?, ?> keySelector, String operatorName) {
        // A combiner would delay updates that STREAMING promises per record.
        return null;
    }
}
