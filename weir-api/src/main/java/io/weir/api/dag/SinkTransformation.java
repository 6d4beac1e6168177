package io.weir.api.dag;

import io.weir.api.connector.sink.Sink;

import java.util.List;

/** A sink node: where a stream ends. */
public final class SinkTransformation<T> extends Transformation<Void> {
    private final Transformation<T> input;
    private final Sink<T> sink;

    public SinkTransformation(Transformation<T> input, String name, Sink<T> sink, int parallelism) {
        super(name, parallelism);
        this.input = input;
        this.sink = sink;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Sink<T> getSink() {
        return sink;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
