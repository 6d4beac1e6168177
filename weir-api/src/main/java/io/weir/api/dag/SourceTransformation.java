package io.weir.api.dag;

import io.weir.api.connector.source.Source;
import io.weir.api.eventtime.WatermarkStrategy;

import java.util.List;

/** A source node. */
public final class SourceTransformation<T> extends Transformation<T> {
    private final Source<T, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceTransformation(String name, Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, int parallelism) {
        super(name, parallelism);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public Source<T, ?> getSource() {
        return source;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
