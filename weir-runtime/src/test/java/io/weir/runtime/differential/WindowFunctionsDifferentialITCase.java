package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.datastream.WindowedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.tuple.Tuple3;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.differential.Aggregation.Reading;
import io.weir.runtime.differential.SessionAndSlidingTriggersITCase.KeyWindow;
import io.weir.runtime.differential.TimedInput.Event;
import io.weir.runtime.differential.WindowsDifferentialITCase.Assigner;
import io.weir.runtime.differential.WindowsDifferentialITCase.CheckTimestamp;
import io.weir.runtime.differential.WindowsDifferentialITCase.Partial;
import io.weir.runtime.differential.WindowsDifferentialITCase.PartialAggregate;
import io.weir.runtime.differential.WindowsDifferentialITCase.Result;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.GAP;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.SIZE;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.SLIDE;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.events;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.sessions;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.timeWindows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window functions the assigner suite ({@link WindowsDifferentialITCase}) does not cover, in both modes on seeded
 * out-of-order input against oracles: {@code min}/{@code max}/{@code minBy}/{@code maxBy} by tuple position and by
 * field name, on keyed windows (which BATCH combines before the shuffle when tumbling or sliding, here with
 * frequent flushes) and on {@code windowAll}, and {@code reduce} or {@code aggregate} handing their one result
 * to a {@link WindowFunction}.
 *
 * <p>As in {@link Aggregation}, the field an aggregation does not fold is a function of the key ({@code min},
 * {@code max}) or of key and value ({@code minBy}, {@code maxBy}), so results do not depend on record order.
 */
@Timeout(120)
class WindowFunctionsDifferentialITCase {
    private static final List<Aggregation> FIELD_AGGREGATIONS =
            List.of(Aggregation.MIN, Aggregation.MAX, Aggregation.MIN_BY, Aggregation.MAX_BY);
    private static final List<Assigner> EVENT_TIME =
            List.of(Assigner.TUMBLING_EVENT_TIME, Assigner.SLIDING_EVENT_TIME, Assigner.SESSION_EVENT_TIME);

    /** A window's aggregated record, normalised: key, the window's max timestamp, the value and the tag. */
    record WindowValue(String key, long windowMaxTimestamp, int value, String tag) implements Serializable {
    }

    static Stream<Arguments> fieldAggregations() {
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Aggregation aggregation : FIELD_AGGREGATIONS) {
            for (Assigner assigner : EVENT_TIME) {
                args.add(Arguments.of(aggregation, assigner, i % 2 == 1, 1 + i % 4, 12_100L + i));
                i++;
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} on {1}, by name {2}, parallelism {3}, seed {4}")
    @MethodSource("fieldAggregations")
    void fieldAggregationsGiveEachWindowTheSameRecordInBothModes(Aggregation aggregation, Assigner assigner,
                                                                boolean byName, int parallelism, long seed) {
        // Few keys: many records per window, and combining in BATCH reduces them.
        TimedInput input = new TimedInput(seed, 3_000, 3, 3, 30);
        ModeOutputs<WindowValue> outputs = runInBothModes(aggregation + (byName ? " by name" : " by position")
                + " on " + assigner + " over " + input, parallelism, Settings.tinyMemory(),
                env -> byName ? readings(env, input, aggregation, assigner)
                        : tuples(env, input, aggregation, assigner));

        Map<KeyWindow, List<Event>> windows = assigner == Assigner.SESSION_EVENT_TIME
                ? sessions(events(input), GAP)
                : timeWindows(events(input), SIZE, assigner == Assigner.TUMBLING_EVENT_TIME ? SIZE : SLIDE, 0);
        outputs.assertBothEqual(expected(aggregation, windows));
    }

    /** Each value of the expected records; for windowAll, every event as one of key 0. */
    private static List<WindowValue> expected(Aggregation aggregation, Map<KeyWindow, List<Event>> windows) {
        List<WindowValue> expected = new ArrayList<>();
        windows.forEach((w, es) -> {
            int folded = es.get(0).value();
            for (Event e : es.subList(1, es.size())) {
                folded = aggregation.fold(folded, e.value());
            }
            expected.add(new WindowValue("sensor-" + w.key(), w.maxTimestamp(), folded,
                    aggregation.tag(w.key(), folded)));
        });
        return expected;
    }

    /** windowAll: one key, so its records' other fields are all the same and arrival order cannot show. */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @CsvSource({"MIN, 1", "MAX, 2", "MIN_BY, 4", "MAX_BY, 2"})
    void windowAllFieldAggregationsGiveEachWindowTheSameRecordInBothModes(Aggregation aggregation, int parallelism) {
        TimedInput input = new TimedInput(12_200 + parallelism, 3_000, 20, 3, 30);
        ModeOutputs<WindowValue> outputs = runInBothModes(aggregation + " over windowAll over " + input, parallelism,
                env -> {
                    var windowed = input.source(env).map(e -> aggregation.tuple3(0, e.value()))
                            .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)));
                    return normalised(switch (aggregation) {
                        case MIN -> windowed.min(1);
                        case MAX -> windowed.max(1);
                        case MIN_BY -> windowed.minBy(1);
                        case MAX_BY -> windowed.maxBy(1);
                        default -> throw new IllegalArgumentException(aggregation.toString());
                    });
                });
        List<Event> asOneKey = events(input).stream().map(e -> new Event(0, e.value(), e.timestamp())).toList();
        outputs.assertBothEqual(expected(aggregation, timeWindows(asOneKey, SIZE, SIZE, 0)));
    }

    private static WindowAssigner<Object, TimeWindow> assigner(Assigner assigner) {
        return switch (assigner) {
            case TUMBLING_EVENT_TIME -> TumblingEventTimeWindows.of(Duration.ofMillis(SIZE));
            case SLIDING_EVENT_TIME -> SlidingEventTimeWindows.of(Duration.ofMillis(SIZE), Duration.ofMillis(SLIDE));
            case SESSION_EVENT_TIME -> EventTimeSessionWindows.withGap(Duration.ofMillis(GAP));
            default -> throw new IllegalArgumentException(assigner.toString());
        };
    }

    private static DataStream<WindowValue> tuples(StreamExecutionEnvironment env, TimedInput input,
                                                  Aggregation aggregation, Assigner assigner) {
        WindowedStream<Tuple3<Integer, Integer, String>, Integer, TimeWindow> windowed = input.source(env)
                .map(e -> aggregation.tuple3(e.key(), e.value()))
                .keyBy(t -> t.f0).window(assigner(assigner));
        SingleOutputStreamOperator<Tuple3<Integer, Integer, String>> aggregated = switch (aggregation) {
            case MIN -> windowed.min(1);
            case MAX -> windowed.max(1);
            case MIN_BY -> windowed.minBy(1);
            case MAX_BY -> windowed.maxBy(1);
            default -> throw new IllegalArgumentException(aggregation.toString());
        };
        return normalised(aggregated);
    }

    private static DataStream<WindowValue> normalised(DataStream<Tuple3<Integer, Integer, String>> aggregated) {
        return aggregated.process(new ProcessFunction<Tuple3<Integer, Integer, String>, WindowValue>() {
            @Override
            public void processElement(Tuple3<Integer, Integer, String> t, Context ctx, Collector<WindowValue> out) {
                out.collect(new WindowValue("sensor-" + t.f0, ctx.timestamp(), t.f1, t.f2));
            }
        });
    }

    private static DataStream<WindowValue> readings(StreamExecutionEnvironment env, TimedInput input,
                                                    Aggregation aggregation, Assigner assigner) {
        WindowedStream<Reading, String, TimeWindow> windowed = input.source(env)
                .map(e -> aggregation.reading(e.key(), e.value()))
                .keyBy(Reading::sensor).window(assigner(assigner));
        SingleOutputStreamOperator<Reading> aggregated = switch (aggregation) {
            case MIN -> windowed.min("level");
            case MAX -> windowed.max("level");
            case MIN_BY -> windowed.minBy("level");
            case MAX_BY -> windowed.maxBy("level");
            default -> throw new IllegalArgumentException(aggregation.toString());
        };
        return aggregated.process(new ProcessFunction<Reading, WindowValue>() {
            @Override
            public void processElement(Reading r, Context ctx, Collector<WindowValue> out) {
                out.collect(new WindowValue(r.sensor(), ctx.timestamp(), r.level(), r.site()));
            }
        });
    }

    // ------------------------------------------------------------------------------------------ window functions

    enum Function { REDUCE_AND_APPLY, AGGREGATE_AND_APPLY }

    static Stream<Arguments> preAggregationsWithWindowFunctions() {
        List<Assigner> assigners = List.of(Assigner.TUMBLING_EVENT_TIME, Assigner.SLIDING_EVENT_TIME,
                Assigner.SESSION_EVENT_TIME, Assigner.DYNAMIC_SESSION_EVENT_TIME, Assigner.COUNT,
                Assigner.SLIDING_COUNT, Assigner.TUMBLING_PROCESSING_TIME);
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Assigner assigner : assigners) {
            for (Function function : Function.values()) {
                args.add(Arguments.of(assigner, function, 1 + i % 4, 12_300L + i));
                i++;
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} x {1}, parallelism {2}, seed {3}")
    @MethodSource("preAggregationsWithWindowFunctions")
    void aWindowFunctionGetsTheOnePreAggregatedResultWithItsWindowInBothModes(Assigner assigner, Function function,
                                                                             int parallelism, long seed) {
        TimedInput input = new TimedInput(seed, 3_000, 20, 3, 30);
        ModeOutputs<Result> outputs = runInBothModes(assigner + " x " + function + " over " + input, parallelism,
                env -> applyJob(env, input, assigner, function));
        if (assigner.processingTime()) {
            Map<Integer, List<Long>> expected = WindowsDifferentialITCase.totals(events(input));
            assertThat(WindowsDifferentialITCase.totals(outputs.streaming())).as(outputs.context() + ": STREAMING")
                    .isEqualTo(expected);
            assertThat(WindowsDifferentialITCase.totals(outputs.batch())).as(outputs.context() + ": BATCH")
                    .isEqualTo(expected);
        } else if (assigner.countBased()) {
            // Count windows cut a key's records by their order: arrival in STREAMING, timestamps in BATCH.
            outputs.assertEachEqual(WindowsDifferentialITCase.oracle(assigner, events(input)),
                    WindowsDifferentialITCase.oracle(assigner, TimedInput.inTimestampOrder(events(input))));
        } else {
            outputs.assertBothEqual(WindowsDifferentialITCase.oracle(assigner, events(input)));
        }
    }

    /** As {@link WindowsDifferentialITCase}'s job: count windows read one source subtask, in index order. */
    private static DataStream<Result> applyJob(StreamExecutionEnvironment env, TimedInput input, Assigner assigner,
                                               Function function) {
        DataStream<Event> events = assigner.countBased() ? input.sequentialSource(env) : input.source(env);
        if (function == Function.REDUCE_AND_APPLY) {
            SingleOutputStreamOperator<Partial> partials = events.map(Partial::of);
            if (assigner.countBased()) {
                partials.setParallelism(1);
            }
            return reduceAndApply(WindowsDifferentialITCase.windowed(partials.keyBy(Partial::key), assigner,
                    p -> 20 + p.sum() % 80));
        }
        return aggregateAndApply(WindowsDifferentialITCase.windowed(events.keyBy(Event::key), assigner,
                WindowsDifferentialITCase::dynamicGap));
    }

    private static <W extends Window> DataStream<Result> reduceAndApply(WindowedStream<Partial, Integer, W> w) {
        return w.reduce(Partial::plus, new ApplyToOne<W>()).process(new CheckTimestamp());
    }

    private static <W extends Window> DataStream<Result> aggregateAndApply(WindowedStream<Event, Integer, W> w) {
        return w.aggregate(new PartialAggregate(), new ApplyToOne<W>()).process(new CheckTimestamp());
    }

    /** Fails unless it gets exactly one partial, of its key; emits it with the window's max timestamp. */
    static final class ApplyToOne<W extends Window> implements WindowFunction<Partial, Result, Integer, W> {
        @Override
        public void apply(Integer key, W window, Iterable<Partial> input, Collector<Result> out) {
            List<Partial> all = new ArrayList<>();
            input.forEach(all::add);
            if (all.size() != 1 || all.get(0).key() != key) {
                throw new IllegalStateException("Expected one pre-aggregated result of key " + key + ", got " + all);
            }
            out.collect(new Result(key, window.maxTimestamp(), all.get(0).sum(), all.get(0).count()));
        }
    }
}
