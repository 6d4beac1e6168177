package io.weir.api.datastream;

import io.weir.api.dag.SourceTransformation;
import io.weir.api.environment.StreamExecutionEnvironment;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
        super(environment, transformation);
    }

    @Override
    public SourceTransformation<T> getTransformation() {
        return (SourceTransformation<T>) transformation;
    }

    @Override
    public DataStreamSource<T> name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        super.setParallelism(parallelism);
        return this;
    }
}
