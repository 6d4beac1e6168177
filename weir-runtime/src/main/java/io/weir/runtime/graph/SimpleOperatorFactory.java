package io.weir.runtime.graph;

import io.weir.runtime.operators.StreamOperator;

import java.util.function.Supplier;

/** An {@link OperatorFactory} from a description and a supplier of fresh operators. */
public record SimpleOperatorFactory(String description, Supplier<StreamOperator<?>> supplier) implements OperatorFactory {
    @Override
    public StreamOperator<?> createOperator() {
        return supplier.get();
    }
}
