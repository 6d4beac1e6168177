package io.weir.api.state;

import io.weir.api.functions.AggregateFunction;

/** Describes an {@link AggregatingState}. */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final Class<ACC> accumulatorType;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
                                      Class<ACC> accumulatorType) {
        super(name);
        this.aggregateFunction = aggregateFunction;
        this.accumulatorType = accumulatorType;
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    public Class<ACC> getAccumulatorType() {
        return accumulatorType;
    }

    @Override
    public Kind getKind() {
        return Kind.AGGREGATING;
    }
}
