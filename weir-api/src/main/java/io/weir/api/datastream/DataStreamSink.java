package io.weir.api.datastream;

import io.weir.api.dag.SinkTransformation;

/** The end of a stream: a sink that can be named and given a parallelism. */
public class DataStreamSink<T> {
    private final SinkTransformation<T> transformation;

    public DataStreamSink(SinkTransformation<T> transformation) {
        this.transformation = transformation;
    }

    public SinkTransformation<T> getTransformation() {
        return transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.disableChaining();
        return this;
    }
}
