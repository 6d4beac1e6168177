package io.weir.api.datastream;

import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two streams grouped by key and window: {@code first.coGroup(second).where(key1).equalTo(key2).window(assigner)
 * .apply(coGroupFunction)} calls the function once per key and window with that window's records of each input,
 * one side possibly empty.
 *
 * <p>Built from existing parts, as Flink builds it: each input's records are tagged with their side
 * ({@link TaggedUnion}), the two are unioned, keyed by the join key and windowed, and the window function splits
 * a window's records by side. Windows therefore behave exactly as on a {@link WindowedStream}, in both modes:
 * what a window holds, when it fires, late records, and the output's timestamp (the window's
 * {@code maxTimestamp()}).
 */
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        if (input1 == null || input2 == null) {
            throw new IllegalArgumentException("coGroup needs two streams, got null");
        }
        if (input1.getExecutionEnvironment() != input2.getExecutionEnvironment()) {
            throw new IllegalArgumentException("coGroup: both streams must come from the same environment");
        }
        this.input1 = input1;
        this.input2 = input2;
    }

    /** The key of the first input's records. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(requireKeySelector(keySelector, "coGroup(...).where"));
    }

    static <S extends KeySelector<?, ?>> S requireKeySelector(S keySelector, String method) {
        if (keySelector == null) {
            throw new IllegalArgumentException(method + " needs a key selector, got null");
        }
        KeyTypes.checkValueEquality(keySelector, method);
        return keySelector;
    }

    /** A coGroup with the first input's key: {@link #equalTo} gives the second's. */
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
            requireKeySelector(keySelector, "coGroup(...).where(...).equalTo");
            KeyTypes.checkSame(keySelector1, keySelector, "coGroup(...).where(...).equalTo(...)");
            return new EqualTo(keySelector);
        }

        /** A coGroup with both keys: {@link #window} says which records meet. */
        public class EqualTo {
            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            /** The windows in which records of both inputs meet, assigned to the records of either input. */
            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(windowed(input1, input2, keySelector1, keySelector2, assigner, "coGroup"));
            }
        }
    }

    /**
     * Tags, unions, keys and windows both inputs: the shared plan of joins and coGroups. The taggers keep the
     * parallelism of their input, so they chain to it.
     */
    static <T1, T2, KEY, W extends Window> WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed(
            DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1,
            KeySelector<T2, KEY> keySelector2, WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner, String kind) {
        DataStream<TaggedUnion<T1, T2>> tagged1 = tag(input1, new TagFirst<>(), "first", kind);
        DataStream<TaggedUnion<T1, T2>> tagged2 = tag(input2, new TagSecond<>(), "second", kind);
        return tagged1.union(tagged2).keyBy(new UnionKeySelector<>(keySelector1, keySelector2)).window(assigner);
    }

    private static <T, T1, T2> DataStream<TaggedUnion<T1, T2>> tag(DataStream<T> input,
                                                                  MapFunction<T, TaggedUnion<T1, T2>> tagger,
                                                                  String side, String kind) {
        SingleOutputStreamOperator<TaggedUnion<T1, T2>> tagged = input.map(tagger).name("Tag " + side + " input of "
                + kind);
        if (input.getParallelism() > 0) {
            tagged.setParallelism(input.getParallelism());
        }
        return tagged;
    }

    /** A windowed coGroup; trigger, evictor and allowed lateness work as on a {@link WindowedStream}. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed;

        WithWindow(WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed) {
            this.windowed = windowed;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            windowed.trigger(trigger);
            return this;
        }

        /** Evicts records of either input from a window when it fires (they arrive tagged, as TaggedUnion). */
        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            windowed.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            windowed.allowedLateness(lateness);
            return this;
        }

        /** Calls {@code function} once per key and window with both inputs' records of the window. */
        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            if (function == null) {
                throw new IllegalArgumentException("coGroup(...).apply needs a CoGroupFunction, got null");
            }
            return build("coGroup", function, function);
        }

        /** The window operator, calling {@code function}; {@code userFunction} gets the lifecycle calls. */
        <T> SingleOutputStreamOperator<T> build(String kind, CoGroupFunction<T1, T2, T> function,
                                                Function userFunction) {
            return windowed.build(kind, null, new CoGroupWindowFunction<>(function, userFunction));
        }
    }

    /**
     * A record of either input, tagged with its side: what the windows of a join or coGroup hold. A window
     * assigner, trigger or evictor for a join sees these.
     */
    public static class TaggedUnion<T1, T2> {
        // Not final: the runtime's serializer fills the fields of a fresh instance.
        private T1 one;
        private T2 two;

        private TaggedUnion() {
        }

        public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
            TaggedUnion<T1, T2> union = new TaggedUnion<>();
            union.one = Objects.requireNonNull(one, "A record of a join's first input must not be null");
            return union;
        }

        public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
            TaggedUnion<T1, T2> union = new TaggedUnion<>();
            union.two = Objects.requireNonNull(two, "A record of a join's second input must not be null");
            return union;
        }

        public boolean isOne() {
            return one != null;
        }

        public boolean isTwo() {
            return two != null;
        }

        public T1 getOne() {
            return one;
        }

        public T2 getTwo() {
            return two;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TaggedUnion<?, ?> other && Objects.equals(one, other.one)
                    && Objects.equals(two, other.two);
        }

        @Override
        public int hashCode() {
            return Objects.hash(one, two);
        }

        @Override
        public String toString() {
            return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
        }
    }

    private static final class TagFirst<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(value);
        }
    }

    private static final class TagSecond<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(value);
        }
    }

    /** The join key of a tagged record: the key selector of its side. */
    private static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
        private static final long serialVersionUID = 1L;

        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;

        UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
        }

        @Override
        public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
        }
    }

    /** Splits a window's tagged records by side and hands both to the coGroup function. */
    private static final class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window>
            extends WindowFunctionAdapters.Delegating<TaggedUnion<T1, T2>, T, KEY, W> {
        private static final long serialVersionUID = 1L;
        private final CoGroupFunction<T1, T2, T> function;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function, Function userFunction) {
            super(userFunction);
            this.function = function;
        }

        @Override
        public void process(KEY key, Context context, Iterable<TaggedUnion<T1, T2>> elements, Collector<T> out)
                throws Exception {
            List<T1> first = new ArrayList<>();
            List<T2> second = new ArrayList<>();
            for (TaggedUnion<T1, T2> element : elements) {
                if (element.isOne()) {
                    first.add(element.getOne());
                } else {
                    second.add(element.getTwo());
                }
            }
            function.coGroup(first, second, out);
        }
    }
}
