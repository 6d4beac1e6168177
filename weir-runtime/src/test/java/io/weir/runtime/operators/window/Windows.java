package io.weir.runtime.operators.window;

import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.KeySelector;
import io.weir.api.tuple.Tuple2;
import io.weir.runtime.testing.OperatorHarness;

/**
 * Builds window operators for the harness through the public API, exactly as a job would get them: a test
 * writes {@code Windows.keyed().window(...).reduce(...)} and runs {@link #operator} of it.
 */
final class Windows {
    static final KeySelector<Tuple2<String, Integer>, String> KEY = t -> t.f0;

    private Windows() {
    }

    /** A keyed stream of (key, value) to put windows on; the job is only built, never run. */
    static KeyedStream<Tuple2<String, Integer>, String> keyed() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        return env.fromElements(Tuple2.of("", 0)).keyBy(KEY);
    }

    static Operation.Window operation(DataStream<?> windowed) {
        return (Operation.Window) ((OneInputTransformation<?, ?>) windowed.getTransformation()).getOperation();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> OperatorHarness<T> streaming(DataStream<T> windowed) throws Exception {
        return (OperatorHarness<T>) OperatorHarness.streaming((WindowOperator) new WindowOperator<>(operation(windowed)),
                0L, KEY);
    }

    /** BATCH: processing time frozen at {@code processingTime}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> OperatorHarness<T> batch(DataStream<T> windowed, long processingTime) throws Exception {
        return (OperatorHarness<T>) OperatorHarness.batch((WindowOperator) new WindowOperator<>(operation(windowed)),
                processingTime, KEY);
    }

    static Tuple2<String, Integer> t(String key, int value) {
        return Tuple2.of(key, value);
    }
}
