package io.weir.api.state;

import io.weir.api.functions.ReduceFunction;

/** Describes a {@link ReducingState}. */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>> {
    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;
    private final Class<T> type;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        super(name);
        this.reduceFunction = reduceFunction;
        this.type = type;
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    public Class<T> getType() {
        return type;
    }

    @Override
    public Kind getKind() {
        return Kind.REDUCING;
    }
}
