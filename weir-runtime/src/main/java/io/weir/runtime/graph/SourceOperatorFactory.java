package io.weir.runtime.graph;

import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.runtime.operators.SharedSplitEnumerator;
import io.weir.runtime.operators.SourceOperator;
import io.weir.runtime.operators.StreamOperator;

/** Creates source operators; the readers of one job share the enumerator the deployer made for it. */
public record SourceOperatorFactory<T, S extends SourceSplit>(Source<T, S> source, WatermarkStrategy<T> watermarkStrategy,
                                                              boolean runWatermarkGenerators)
        implements OperatorFactory {

    @Override
    public StreamOperator<?> createOperator() {
        throw new IllegalStateException("A source operator needs its job's split enumerator: use createSourceOperator");
    }

    public SourceOperator<T, S> createSourceOperator(SharedSplitEnumerator<S> splits) {
        return new SourceOperator<>(source, watermarkStrategy, runWatermarkGenerators, splits);
    }

    public SharedSplitEnumerator<S> createEnumerator(int parallelism) throws Exception {
        return new SharedSplitEnumerator<>(source.createEnumerator(parallelism));
    }

    @Override
    public String description() {
        return "Source(" + source.getBoundedness() + (runWatermarkGenerators ? "" : ", timestamps only") + ")";
    }
}
