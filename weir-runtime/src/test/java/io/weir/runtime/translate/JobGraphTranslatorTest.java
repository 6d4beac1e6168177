package io.weir.runtime.translate;

import io.weir.api.common.OutputTag;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.PipelineOptions;
import io.weir.api.connector.sink.lib.PrintSink;
import io.weir.api.dag.Pipeline;
import io.weir.api.dag.SinkTransformation;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.PlanPrinter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobGraphTranslatorTest {

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    private static JobGraph translate(StreamExecutionEnvironment env, DataStreamSink<?>... sinks) {
        List<SinkTransformation<?>> list = new ArrayList<>();
        for (DataStreamSink<?> s : sinks) {
            list.add(s.getTransformation());
        }
        return JobGraphTranslator.translate(new Pipeline("test", list, env.getConfiguration()));
    }

    @Test
    void designExampleShapeHasThreeTasksAndTwoExchanges() {
        StreamExecutionEnvironment env = env(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src")
                .map(x -> x).name("m1").map(x -> x).name("m2")
                .rebalance()
                .map(x -> x).name("m3").map(x -> x).name("m4")
                .keyBy(x -> x % 3)
                .map(x -> x).name("m5").map(x -> x).name("m6")
                .sinkTo(new PrintSink<>()).name("sink");

        String plan = PlanPrinter.toText(translate(env, sink));

        assertThat(plan).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: src -> m1 -> m2
                Task 2 [p=2] stage 1: m3 -> m4
                  <- Task 1 REBALANCE PIPELINED
                Task 3 [p=2] stage 1: m5 -> m6 -> sink
                  <- Task 2 HASH PIPELINED
                """);
    }

    @Test
    void assignTimestampsAndWatermarksChainsLikeAMapAndRunsItsGeneratorOnlyInStreaming() {
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            StreamExecutionEnvironment env = env(2);
            env.setRuntimeMode(mode);
            DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src")
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                            .withTimestampAssigner((v, ts) -> v))
                    .keyBy(x -> x % 3)
                    .map(x -> x).name("m")
                    .sinkTo(new PrintSink<>()).name("sink");

            JobGraph graph = translate(env, sink);

            String exchange = mode == RuntimeExecutionMode.BATCH ? "BLOCKING sorted-by-key" : "PIPELINED";
            assertThat(PlanPrinter.toText(graph)).isEqualTo("Job 'test' mode=" + mode + " max-parallelism=128\n"
                    + "Task 1 [p=2] stage 1: src -> Timestamps/Watermarks\n"
                    + "Task 2 [p=2] stage " + (mode == RuntimeExecutionMode.BATCH ? 2 : 1) + ": m -> sink\n"
                    + "  <- Task 1 HASH " + exchange + "\n");
            assertThat(PlanPrinter.toJson(graph)).contains(mode == RuntimeExecutionMode.BATCH
                    ? "\"name\": \"Timestamps/Watermarks\", \"operator\": \"Timestamps(no watermark generator)\""
                    : "\"name\": \"Timestamps/Watermarks\", \"operator\": \"TimestampsAndWatermarks\"");
        }
    }

    @Test
    void assignTimestampsAndWatermarksTakesItsInputsParallelismAndChainsToIt() {
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            StreamExecutionEnvironment env = env(2);
            env.setRuntimeMode(mode);
            DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src").setParallelism(1)
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                            .withTimestampAssigner((v, ts) -> v))
                    .map(x -> x).name("m")
                    .sinkTo(new PrintSink<>()).name("sink");

            JobGraph graph = translate(env, sink);

            String exchange = mode == RuntimeExecutionMode.BATCH ? "BLOCKING" : "PIPELINED";
            assertThat(PlanPrinter.toText(graph)).as(mode.name()).isEqualTo("Job 'test' mode=" + mode
                    + " max-parallelism=128\n"
                    + "Task 1 [p=1] stage 1: src -> Timestamps/Watermarks\n"
                    + "Task 2 [p=2] stage " + (mode == RuntimeExecutionMode.BATCH ? 2 : 1) + ": m -> sink\n"
                    + "  <- Task 1 REBALANCE " + exchange + "\n");
        }
    }

    @Test
    void assignTimestampsAndWatermarksOnAKeyedStreamRunsAtTheParallelismOfTheKeyedInput() {
        StreamExecutionEnvironment env = env(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src").map(x -> x).name("narrow").setParallelism(3)
                .keyBy(x -> x % 3)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((v, ts) -> v))
                .sinkTo(new PrintSink<>()).name("sink");

        assertThat(PlanPrinter.toText(translate(env, sink))).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: src
                Task 2 [p=3] stage 1: narrow
                  <- Task 1 REBALANCE PIPELINED
                Task 3 [p=3] stage 1: Timestamps/Watermarks
                  <- Task 2 HASH PIPELINED
                Task 4 [p=2] stage 1: sink
                  <- Task 3 REBALANCE PIPELINED
                """);
    }

    @Test
    void aNegativeWatermarkIntervalIsRejectedNamingTheSetting() {
        StreamExecutionEnvironment env = env(1);
        env.getConfiguration().set(PipelineOptions.AUTO_WATERMARK_INTERVAL, java.time.Duration.ofMillis(-5));
        DataStreamSink<Long> sink = env.fromSequence(1, 10).sinkTo(new PrintSink<>());

        assertThatThrownBy(() -> translate(env, sink))
                .isInstanceOf(io.weir.api.config.IllegalConfigurationException.class)
                .hasMessageContaining("pipeline.auto-watermark-interval").hasMessageContaining("'-5 ms'")
                .hasMessageContaining("zero");
    }

    @Test
    void changeOfParallelismStartsANewTaskWithRebalance() {
        StreamExecutionEnvironment env = env(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src").map(x -> x).name("wide").setParallelism(4)
                .sinkTo(new PrintSink<>()).name("sink").setParallelism(4);

        assertThat(PlanPrinter.toText(translate(env, sink))).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: src
                Task 2 [p=4] stage 1: wide -> sink
                  <- Task 1 REBALANCE PIPELINED
                """);
    }

    @Test
    void everyExplicitPartitionerAndDisableChainingStartANewTask() {
        StreamExecutionEnvironment env = env(2);
        DataStream<Long> src = env.fromSequence(1, 10).name("src");
        DataStreamSink<Long> sink = src.shuffle().map(x -> x).name("a")
                .rescale().map(x -> x).name("b")
                .broadcast().map(x -> x).name("c")
                .forward().map(x -> x).name("d")
                .map(x -> x).name("e").disableChaining()
                .sinkTo(new PrintSink<>()).name("sink");

        assertThat(PlanPrinter.toText(translate(env, sink))).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: src
                Task 2 [p=2] stage 1: a
                  <- Task 1 SHUFFLE PIPELINED
                Task 3 [p=2] stage 1: b
                  <- Task 2 RESCALE PIPELINED
                Task 4 [p=2] stage 1: c -> d
                  <- Task 3 BROADCAST PIPELINED
                Task 5 [p=2] stage 1: e
                  <- Task 4 FORWARD PIPELINED
                Task 6 [p=2] stage 1: sink
                  <- Task 5 FORWARD PIPELINED
                """);
    }

    @Test
    void unionAndConnectAreTasksWithSeveralInputChannels() {
        StreamExecutionEnvironment env = env(1);
        DataStream<Long> a = env.fromSequence(1, 10).name("a");
        DataStream<Long> b = env.fromSequence(1, 10).name("b");
        DataStreamSink<Long> union = a.union(b).map(x -> x).name("after-union").sinkTo(new PrintSink<>()).name("s1");
        DataStreamSink<String> connected = a.connect(b.map(String::valueOf).name("str"))
                .map(new ToText()).name("co").sinkTo(new PrintSink<>()).name("s2");

        assertThat(PlanPrinter.toText(translate(env, union, connected))).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=1] stage 1: a
                Task 2 [p=1] stage 1: b -> str
                Task 3 [p=1] stage 1: after-union -> s1
                  <- Task 1 FORWARD PIPELINED
                  <- Task 2 FORWARD PIPELINED
                Task 4 [p=1] stage 1: co -> s2
                  <- Task 1 FORWARD PIPELINED into input 0
                  <- Task 2 FORWARD PIPELINED into input 1
                """);
    }

    @Test
    void sideOutputsChainLikeMainOutputs() {
        StreamExecutionEnvironment env = env(2);
        OutputTag<String> odd = new OutputTag<>("odd") {};
        SingleOutputStreamOperator<Long> split = env.fromSequence(1, 10).name("src").process(new Splitter(odd)).name("split");
        DataStreamSink<String> side = split.getSideOutput(odd).sinkTo(new PrintSink<>()).name("side-sink");
        DataStreamSink<Long> main = split.sinkTo(new PrintSink<>()).name("main-sink");

        assertThat(PlanPrinter.toText(translate(env, side, main))).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: src -> split -> side-sink -> main-sink
                """);
    }

    @Test
    void forwardBetweenDifferentParallelismIsRejectedWithBothNames() {
        StreamExecutionEnvironment env = env(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src").forward().map(x -> x).name("m").setParallelism(3)
                .sinkTo(new PrintSink<>());

        assertThatThrownBy(() -> translate(env, sink))
                .hasMessageContaining("forward() from 'src' (parallelism 2) to 'm' (parallelism 3)");
    }

    private static StreamExecutionEnvironment batchEnv(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    @Test
    void batchKeepsTheChainsButMakesEveryExchangeBlockingAndEveryTaskAStage() {
        StreamExecutionEnvironment env = batchEnv(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src")
                .map(x -> x).name("m1").map(x -> x).name("m2")
                .rebalance()
                .map(x -> x).name("m3").map(x -> x).name("m4")
                .keyBy(x -> x % 3)
                .map(x -> x).name("m5").map(x -> x).name("m6")
                .sinkTo(new PrintSink<>()).name("sink");

        assertThat(PlanPrinter.toText(translate(env, sink))).isEqualTo("""
                Job 'test' mode=BATCH max-parallelism=128
                Task 1 [p=2] stage 1: src -> m1 -> m2
                Task 2 [p=2] stage 2: m3 -> m4
                  <- Task 1 REBALANCE BLOCKING
                Task 3 [p=2] stage 3: m5 -> m6 -> sink
                  <- Task 2 HASH BLOCKING sorted-by-key
                """);
    }

    @Test
    void batchPutsACombinerBeforeTheShuffleOfARollingAggregation() {
        StreamExecutionEnvironment env = batchEnv(2);
        DataStreamSink<io.weir.api.tuple.Tuple2<Long, Long>> sink = env.fromSequence(1, 10).name("src")
                .map(x -> io.weir.api.tuple.Tuple2.of(x % 3, x)).name("pair")
                .keyBy(t -> t.f0).sum(1).name("Sum")
                .sinkTo(new PrintSink<>()).name("sink");

        JobGraph graph = translate(env, sink);

        assertThat(PlanPrinter.toText(graph)).isEqualTo("""
                Job 'test' mode=BATCH max-parallelism=128
                Task 1 [p=2] stage 1: src -> pair -> Combine Sum
                Task 2 [p=2] stage 2: Sum -> sink
                  <- Task 1 HASH BLOCKING sorted-by-key
                """);
        assertThat(PlanPrinter.toJson(graph)).contains("RollingReduce(final value per key, of combined partials)");
    }

    @Test
    void theCombinerCanBeTurnedOff() {
        StreamExecutionEnvironment env = batchEnv(2);
        env.getConfiguration().setString("execution.batch.combine", "false", "test");
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src").keyBy(x -> x % 3).reduce(Long::sum).name("Sum")
                .sinkTo(new PrintSink<>()).name("sink");

        assertThat(PlanPrinter.toText(translate(env, sink))).doesNotContain("Combine");
    }

    @Test
    void streamingHasNoCombinerAndEmitsAnUpdatePerRecord() {
        StreamExecutionEnvironment env = env(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src").keyBy(x -> x % 3).reduce(Long::sum).name("Sum")
                .sinkTo(new PrintSink<>()).name("sink");

        JobGraph graph = translate(env, sink);
        assertThat(PlanPrinter.toText(graph)).doesNotContain("Combine").contains("HASH PIPELINED\n");
        assertThat(PlanPrinter.toJson(graph)).contains("RollingReduce(update per record)");
    }

    @Test
    void aKeyedWindowIsOneKeyedOperatorInStreaming() {
        StreamExecutionEnvironment env = env(2);
        DataStreamSink<io.weir.api.tuple.Tuple2<Long, Long>> sink = env.fromSequence(1, 10).name("src")
                .map(x -> io.weir.api.tuple.Tuple2.of(x % 3, x)).name("pair")
                .keyBy(t -> t.f0)
                .window(io.weir.api.windowing.assigners.TumblingEventTimeWindows.of(java.time.Duration.ofSeconds(1)))
                .sum(1)
                .sinkTo(new PrintSink<>()).name("sink");
        JobGraph graph = translate(env, sink);

        assertThat(PlanPrinter.toText(graph)).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: src -> pair
                Task 2 [p=2] stage 1: Window(TumblingEventTimeWindows(1000), EventTimeTrigger(), sum) -> sink
                  <- Task 1 HASH PIPELINED
                """);
        assertThat(PlanPrinter.toJson(graph)).contains("\"operator\": \"Window(pre-aggregating)\"");
    }

    @Test
    void batchCombinesAReducingEventTimeWindowBeforeTheShuffle() {
        StreamExecutionEnvironment env = batchEnv(2);
        DataStreamSink<io.weir.api.tuple.Tuple2<Long, Long>> sink = env.fromSequence(1, 10).name("src")
                .map(x -> io.weir.api.tuple.Tuple2.of(x % 3, x)).name("pair")
                .keyBy(t -> t.f0)
                .window(io.weir.api.windowing.assigners.TumblingEventTimeWindows.of(java.time.Duration.ofSeconds(1)))
                .sum(1)
                .sinkTo(new PrintSink<>()).name("sink");
        JobGraph graph = translate(env, sink);

        assertThat(PlanPrinter.toText(graph)).isEqualTo("""
                Job 'test' mode=BATCH max-parallelism=128
                Task 1 [p=2] stage 1: src -> pair -> Combine Window(TumblingEventTimeWindows(1000), EventTimeTrigger(), sum)
                Task 2 [p=2] stage 2: Window(TumblingEventTimeWindows(1000), EventTimeTrigger(), sum) -> sink
                  <- Task 1 HASH BLOCKING sorted-by-key
                """);
        assertThat(PlanPrinter.toJson(graph)).contains("WindowCombine(at most 100000 key-windows)")
                .contains("Window(pre-aggregating, of combined partials, fired at the end of each key)");
    }

    @Test
    void batchFiresWindowsWithTheirDefaultTriggerAtTheEndOfEachKeyAndOtherWindowsThroughTimers() {
        StreamExecutionEnvironment env = batchEnv(2);
        DataStream<Long> keyed = env.fromSequence(1, 10).name("src");
        DataStreamSink<Long> sink1 = keyed.keyBy(x -> x % 3)
                .window(io.weir.api.windowing.assigners.TumblingProcessingTimeWindows.of(java.time.Duration.ofSeconds(1)))
                .aggregate(new CountAll()).name("default trigger")
                .sinkTo(new PrintSink<>()).name("sink 1");
        DataStreamSink<Long> sink2 = keyed.keyBy(x -> x % 3)
                .window(io.weir.api.windowing.assigners.TumblingEventTimeWindows.of(java.time.Duration.ofSeconds(1)))
                .trigger(io.weir.api.windowing.triggers.CountTrigger.of(2))
                .reduce(Long::sum).name("count trigger")
                .sinkTo(new PrintSink<>()).name("sink 2");

        assertThat(PlanPrinter.toJson(translate(env, sink1, sink2)))
                .contains("\"operator\": \"Window(pre-aggregating, fired at the end of each key)\"")
                .contains("\"operator\": \"Window(pre-aggregating)\"");
    }

    @Test
    void batchGroupsTheKeyedInputOfAConnectWithAnUnkeyedStreamByKeyAndStreamingDoesNot() {
        for (boolean batch : new boolean[]{true, false}) {
            StreamExecutionEnvironment env = batch ? batchEnv(2) : env(2);
            DataStream<Long> keyed = env.fromSequence(1, 10).name("keyed");
            DataStream<String> plain = env.fromSequence(1, 10).map(String::valueOf).name("plain");
            DataStreamSink<String> keyedFirst = keyed.keyBy(x -> x % 3).connect(plain)
                    .map(new ToText()).name("keyed first").sinkTo(new PrintSink<>()).name("s1");
            DataStreamSink<String> keyedSecond = plain.connect(keyed.keyBy(x -> x % 3))
                    .map(new TextAndNumber()).name("keyed second").sinkTo(new PrintSink<>()).name("s2");
            JobGraph graph = translate(env, keyedFirst, keyedSecond);

            for (String name : List.of("keyed first", "keyed second")) {
                var op = graph.vertices().stream().flatMap(v -> v.operators().stream())
                        .filter(o -> o.name().equals(name)).findFirst().orElseThrow();
                assertThat(op.isKeyed()).as(name + " is not keyed").isFalse();
                assertThat(op.hasGroupedInputs()).as(name + (batch ? " in BATCH" : " in STREAMING")).isEqualTo(batch);
                if (batch) {
                    int keyedInput = name.equals("keyed first") ? 0 : 1;
                    assertThat(op.groupedInputKeys().get(keyedInput)).isNotNull();
                    assertThat(op.groupedInputKeys().get(1 - keyedInput)).isNull();
                }
            }
            String json = PlanPrinter.toJson(graph);
            if (batch) {
                assertThat(json).contains("\"inputsGroupedByKey\": [0]").contains("\"inputsGroupedByKey\": [1]");
            } else {
                assertThat(json).doesNotContain("inputsGroupedByKey");
            }
        }
    }

    static final class TextAndNumber implements io.weir.api.functions.CoMapFunction<String, Long, String> {
        @Override
        public String map1(String value) {
            return value;
        }

        @Override
        public String map2(Long value) {
            return String.valueOf(value);
        }
    }

    /** Counts a window's records. */
    static final class CountAll implements io.weir.api.functions.AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    @Test
    void batchDoesNotCombineWindowsWhoseResultsNeedMoreThanOneReduction() {
        StreamExecutionEnvironment env = batchEnv(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src")
                .keyBy(x -> x % 3)
                .window(io.weir.api.windowing.assigners.EventTimeSessionWindows.withGap(java.time.Duration.ofSeconds(1)))
                .reduce(Long::sum)
                .sinkTo(new PrintSink<>()).name("sink");

        assertThat(PlanPrinter.toText(translate(env, sink))).isEqualTo("""
                Job 'test' mode=BATCH max-parallelism=128
                Task 1 [p=2] stage 1: src
                Task 2 [p=2] stage 2: Window(EventTimeSessionWindows(1000), EventTimeTrigger(), reduce) -> sink
                  <- Task 1 HASH BLOCKING sorted-by-key
                """);
    }

    @Test
    void windowAllRunsInOneSubtaskAndItsResultIsRebalancedToTheNextOperator() {
        StreamExecutionEnvironment env = env(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).name("src")
                .countWindowAll(3, 2).reduce(Long::sum)
                .sinkTo(new PrintSink<>()).name("sink");

        assertThat(PlanPrinter.toText(translate(env, sink))).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: src
                Task 2 [p=1] stage 1: All Window(GlobalWindows(), CountTrigger(2), CountEvictor(3), reduce)
                  <- Task 1 HASH PIPELINED
                Task 3 [p=2] stage 1: sink
                  <- Task 2 REBALANCE PIPELINED
                """);
    }

    @Test
    void aWindowWhosePartsCannotBeShippedIsRejectedAtSubmission() {
        StreamExecutionEnvironment env = env(2);
        Object notSerializable = new Object();
        DataStreamSink<Long> sink = env.fromSequence(1, 10)
                .keyBy(x -> x % 3)
                .countWindow(2)
                .trigger(new NotShippable<>(notSerializable))
                .reduce(Long::sum).name("counted")
                .sinkTo(new PrintSink<>());

        assertThatThrownBy(() -> translate(env, sink)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The window (assigner, trigger, evictor and functions) of operator 'counted' "
                        + "is not serializable");
    }

    /** A trigger holding something that cannot be serialized. */
    static final class NotShippable<W extends io.weir.api.windowing.windows.Window>
            extends io.weir.api.windowing.triggers.Trigger<Object, W> {
        private final Object payload;

        NotShippable(Object payload) {
            this.payload = payload;
        }

        @Override
        public io.weir.api.windowing.triggers.TriggerResult onElement(Object element, long timestamp, W window,
                                                                     TriggerContext ctx) {
            return io.weir.api.windowing.triggers.TriggerResult.CONTINUE;
        }

        @Override
        public io.weir.api.windowing.triggers.TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
            return io.weir.api.windowing.triggers.TriggerResult.CONTINUE;
        }

        @Override
        public io.weir.api.windowing.triggers.TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
            return io.weir.api.windowing.triggers.TriggerResult.CONTINUE;
        }

        @Override
        public boolean canMerge() {
            return payload != null;
        }

        @Override
        public void clear(W window, TriggerContext ctx) {
        }
    }

    @Test
    void batchWithAnUnboundedSourceFailsAtSubmissionNamingTheSourceAndTheSetting() {
        Configuration conf = new Configuration();
        conf.setString("execution.runtime-mode", "BATCH", "-D command-line option");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        DataStreamSink<Long> sink = env.fromSource(new Unbounded(), io.weir.api.eventtime.WatermarkStrategy.noWatermarks(),
                "clicks").sinkTo(new PrintSink<>());

        assertThatThrownBy(() -> translate(env, sink))
                .hasMessageContaining("source 'clicks' is unbounded")
                .hasMessageContaining("execution.runtime-mode=BATCH was set in -D command-line option");
    }

    @Test
    void automaticModeIsBatchWhenEverySourceIsBoundedAndStreamingOtherwise() {
        Configuration conf = new Configuration();
        conf.setString("execution.runtime-mode", "automatic", "test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        DataStreamSink<Long> bounded = env.fromSequence(1, 10).sinkTo(new PrintSink<>());
        assertThat(translate(env, bounded).mode()).isEqualTo(RuntimeExecutionMode.BATCH);

        DataStreamSink<Long> mixed = env.fromSequence(1, 10)
                .union(env.fromSource(new Unbounded(), io.weir.api.eventtime.WatermarkStrategy.noWatermarks(), "u"))
                .sinkTo(new PrintSink<>());
        assertThat(translate(env, mixed).mode()).isEqualTo(RuntimeExecutionMode.STREAMING);
    }

    /** An unbounded source that is only translated, never run. */
    private static final class Unbounded implements io.weir.api.connector.source.Source<Long, io.weir.api.connector.source.lib.NumberSequenceSource.Range> {
        @Override
        public io.weir.api.connector.source.Boundedness getBoundedness() {
            return io.weir.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED;
        }

        @Override
        public io.weir.api.connector.source.SplitEnumerator<io.weir.api.connector.source.lib.NumberSequenceSource.Range> createEnumerator(int parallelism) {
            throw new UnsupportedOperationException("never run");
        }

        @Override
        public io.weir.api.connector.source.SourceReader<Long, io.weir.api.connector.source.lib.NumberSequenceSource.Range> createReader(
                io.weir.api.connector.source.SourceReaderContext context) {
            throw new UnsupportedOperationException("never run");
        }
    }

    @Test
    void aFunctionThatCannotBeSerializedIsRejectedNamingTheOperator() {
        Object notSerializable = new Object();
        StreamExecutionEnvironment env = env(1);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).map(x -> x + notSerializable.hashCode()).name("captures")
                .sinkTo(new PrintSink<>());

        assertThatThrownBy(() -> translate(env, sink))
                .hasMessageContaining("The function of operator 'captures' is not serializable");
    }

    @Test
    void keyedOperatorAboveMaxParallelismIsRejected() {
        StreamExecutionEnvironment env = env(4);
        env.setMaxParallelism(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 10).keyBy(x -> x).map(x -> x).name("keyed")
                .sinkTo(new PrintSink<>());

        assertThatThrownBy(() -> translate(env, sink))
                .hasMessageContaining("'keyed' has parallelism 4, above pipeline.max-parallelism (2)");
    }

    private static final class ToText implements io.weir.api.functions.CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "" + value;
        }

        @Override
        public String map2(String value) {
            return value;
        }
    }

    private static final class Splitter extends ProcessFunction<Long, Long> {
        private final OutputTag<String> tag;

        Splitter(OutputTag<String> tag) {
            this.tag = tag;
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 1) {
                ctx.output(tag, "odd " + value);
            } else {
                out.collect(value);
            }
        }
    }
}
