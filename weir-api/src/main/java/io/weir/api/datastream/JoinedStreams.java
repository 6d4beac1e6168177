package io.weir.api.datastream;

import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatJoinFunction;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;

import java.time.Duration;

/**
 * Two streams joined by key and window: {@code first.join(second).where(key1).equalTo(key2).window(assigner)
 * .apply(joinFunction)} calls the function once per pair of a first-input and a second-input record with equal
 * keys in the same window (the cross product per key and window; a pair sharing several sliding windows meets in
 * each). It is a {@link CoGroupedStreams coGroup} whose function runs that cross product, so windows behave as on
 * a {@link WindowedStream} in both modes, and results carry the window's {@code maxTimestamp()}.
 */
public class JoinedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        if (input1 == null || input2 == null) {
            throw new IllegalArgumentException("join needs two streams, got null");
        }
        if (input1.getExecutionEnvironment() != input2.getExecutionEnvironment()) {
            throw new IllegalArgumentException("join: both streams must come from the same environment");
        }
        this.input1 = input1;
        this.input2 = input2;
    }

    /** The key of the first input's records. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(CoGroupedStreams.requireKeySelector(keySelector, "join(...).where"));
    }

    /** A join with the first input's key: {@link #equalTo} gives the second's. */
    public class Where<KEY> {
        private final KeySelector<T1, KEY> keySelector1;

        Where(KeySelector<T1, KEY> keySelector1) {
            this.keySelector1 = keySelector1;
        }

        /**
         * The key of the second input's records: records of both inputs with equal keys meet.
         *
         * @throws IllegalArgumentException if the two key selectors visibly return different types
         */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            CoGroupedStreams.requireKeySelector(keySelector, "join(...).where(...).equalTo");
            KeyTypes.checkSame(keySelector1, keySelector, "join(...).where(...).equalTo(...)");
            return new EqualTo(keySelector);
        }

        /** A join with both keys: {@link #window} says which records meet. */
        public class EqualTo {
            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            /** The windows in which records of both inputs meet, assigned to the records of either input. */
            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super CoGroupedStreams.TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(new CoGroupedStreams.WithWindow<>(CoGroupedStreams.windowed(input1, input2,
                        keySelector1, keySelector2, assigner, "join")));
            }
        }
    }

    /** A windowed join; trigger, evictor and allowed lateness work as on a {@link WindowedStream}. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
            this.coGroup = coGroup;
        }

        public WithWindow<T1, T2, KEY, W> trigger(
                Trigger<? super CoGroupedStreams.TaggedUnion<T1, T2>, ? super W> trigger) {
            coGroup.trigger(trigger);
            return this;
        }

        /** Evicts records of either input from a window when it fires (they arrive tagged, as TaggedUnion). */
        public WithWindow<T1, T2, KEY, W> evictor(
                Evictor<? super CoGroupedStreams.TaggedUnion<T1, T2>, ? super W> evictor) {
            coGroup.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        /** Calls {@code function} once per pair of records of the two inputs with equal keys in one window. */
        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            if (function == null) {
                throw new IllegalArgumentException("join(...).apply needs a JoinFunction, got null");
            }
            return coGroup.build("join", new Joining<>(function), function);
        }

        /** Like {@link #apply(JoinFunction)}, emitting any number of records per pair. */
        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
            if (function == null) {
                throw new IllegalArgumentException("join(...).apply needs a FlatJoinFunction, got null");
            }
            return coGroup.build("join", new FlatJoining<>(function), function);
        }
    }

    /** The cross product of a window's records, through a {@link JoinFunction}. */
    private static final class Joining<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;

        private final JoinFunction<T1, T2, T> function;

        Joining(JoinFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 one : first) {
                for (T2 two : second) {
                    out.collect(function.join(one, two));
                }
            }
        }
    }

    /** The cross product of a window's records, through a {@link FlatJoinFunction}. */
    private static final class FlatJoining<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;

        private final FlatJoinFunction<T1, T2, T> function;

        FlatJoining(FlatJoinFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 one : first) {
                for (T2 two : second) {
                    function.join(one, two, out);
                }
            }
        }
    }
}
