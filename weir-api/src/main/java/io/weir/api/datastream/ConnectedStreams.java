package io.weir.api.datastream;

import io.weir.api.dag.Operation;
import io.weir.api.dag.Transformation;
import io.weir.api.dag.TwoInputTransformation;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.CoFlatMapFunction;
import io.weir.api.functions.CoMapFunction;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedCoProcessFunction;

/** Two streams feeding one operator, with a method per input. */
public class ConnectedStreams<I1, I2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<I1> first;
    private final DataStream<I2> second;

    ConnectedStreams(StreamExecutionEnvironment environment, DataStream<I1> first, DataStream<I2> second) {
        this.environment = environment;
        this.first = first;
        this.second = second;
    }

    public DataStream<I1> getFirstInput() {
        return first;
    }

    public DataStream<I2> getSecondInput() {
        return second;
    }

    /** Keys both inputs, so that records of equal keys from both meet in one subtask with shared keyed state. */
    public <K> ConnectedStreams<I1, I2> keyBy(KeySelector<I1, K> keySelector1, KeySelector<I2, K> keySelector2) {
        return new ConnectedStreams<>(environment, first.keyBy(keySelector1), second.keyBy(keySelector2));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<I1, I2, R> mapper) {
        return twoInput(new Operation.CoMap(mapper), false);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<I1, I2, R> flatMapper) {
        return twoInput(new Operation.CoFlatMap(flatMapper), false);
    }

    /** On inputs that are not both keyed the function cannot use timers (an {@code onTimer} is rejected here). */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<I1, I2, R> function) {
        if (!(first instanceof KeyedStream && second instanceof KeyedStream)) {
            TimersNeedKeys.check(function);
        }
        return twoInput(new Operation.CoProcess(function), false);
    }

    /** Needs both inputs keyed: {@code keyedA.connect(keyedB)} or {@code a.connect(b).keyBy(ka, kb)}. */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, I1, I2, R> function) {
        return twoInput(new Operation.KeyedCoProcess(function), true);
    }

    private <R> SingleOutputStreamOperator<R> twoInput(Operation operation, boolean requireKeyed) {
        KeySelector<I1, ?> k1 = first instanceof KeyedStream<I1, ?> ks ? ks.getKeySelector() : null;
        KeySelector<I2, ?> k2 = second instanceof KeyedStream<I2, ?> ks ? ks.getKeySelector() : null;
        if (requireKeyed && (k1 == null || k2 == null)) {
            throw new IllegalArgumentException(operation.defaultName() + " needs both inputs keyed: use "
                    + "keyedStream1.connect(keyedStream2) or connect(...).keyBy(keySelector1, keySelector2)");
        }
        // One keyed input and one not: the operator is not keyed (TwoInputTransformation.isKeyed), but the runtime
        // learns which input is keyed, so that BATCH can hand it over grouped by key.
        return new SingleOutputStreamOperator<>(environment, new TwoInputTransformation<I1, I2, R>(
                first.getTransformation(), second.getTransformation(), operation.defaultName(), operation, k1, k2,
                Transformation.DEFAULT_PARALLELISM));
    }
}
