package io.weir.runtime.translate;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.sink.lib.PrintSink;
import io.weir.api.dag.Pipeline;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.PlanPrinter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans of joins: an interval join is a keyed two-input task, both inputs sorted by key in BATCH; a window
 * join tags each input in its producer's task and unions both into one keyed window task.
 */
class JoinTranslationTest {

    static final class Concat extends ProcessJoinFunction<Long, Long, String> {
        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<String> out) {
            out.collect(left + "," + right);
        }
    }

    static final class Glue implements JoinFunction<Long, Long, String> {
        @Override
        public String join(Long first, Long second) {
            return first + "," + second;
        }
    }

    private static StreamExecutionEnvironment env(RuntimeExecutionMode mode) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    private static JobGraph translate(StreamExecutionEnvironment env, DataStreamSink<?> sink) {
        return JobGraphTranslator.translate(new Pipeline("test", List.of(sink.getTransformation()),
                env.getConfiguration()));
    }

    private static JobGraph windowJoinPlan(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode);
        DataStreamSink<String> sink = env.fromSequence(1, 10).name("left")
                .join(env.fromSequence(1, 10).name("right").setParallelism(3))
                .where(x -> x % 3).equalTo(x -> x % 3)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(5)))
                .apply(new Glue()).name("join")
                .sinkTo(new PrintSink<>()).name("sink");
        return translate(env, sink);
    }

    @Test
    void streamingWindowJoinTagsEachInputInItsSourceTaskAndWindowsTheirUnion() {
        assertThat(PlanPrinter.toText(windowJoinPlan(RuntimeExecutionMode.STREAMING))).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: left -> Tag first input of join
                Task 2 [p=3] stage 1: right -> Tag second input of join
                Task 3 [p=2] stage 1: join -> sink
                  <- Task 1 HASH PIPELINED
                  <- Task 2 HASH PIPELINED
                """);
    }

    @Test
    void batchWindowJoinSortsTheTaggedUnionByKey() {
        assertThat(PlanPrinter.toText(windowJoinPlan(RuntimeExecutionMode.BATCH))).isEqualTo("""
                Job 'test' mode=BATCH max-parallelism=128
                Task 1 [p=2] stage 1: left -> Tag first input of join
                Task 2 [p=3] stage 2: right -> Tag second input of join
                Task 3 [p=2] stage 3: join -> sink
                  <- Task 1 HASH BLOCKING sorted-by-key
                  <- Task 2 HASH BLOCKING sorted-by-key
                """);
    }

    private static JobGraph plan(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode);
        DataStreamSink<String> sink = env.fromSequence(1, 10).name("left").keyBy(x -> x % 3)
                .intervalJoin(env.fromSequence(1, 10).name("right").keyBy(x -> x % 3))
                .between(Duration.ofMillis(-5), Duration.ofMillis(10)).upperBoundExclusive()
                .process(new Concat()).name("join")
                .sinkTo(new PrintSink<>()).name("sink");
        return translate(env, sink);
    }

    @Test
    void streamingHashesBothInputsIntoOneJoinTask() {
        JobGraph graph = plan(RuntimeExecutionMode.STREAMING);

        assertThat(PlanPrinter.toText(graph)).isEqualTo("""
                Job 'test' mode=STREAMING max-parallelism=128
                Task 1 [p=2] stage 1: left
                Task 2 [p=2] stage 1: right
                Task 3 [p=2] stage 1: join -> sink
                  <- Task 1 HASH PIPELINED into input 0
                  <- Task 2 HASH PIPELINED into input 1
                """);
        assertThat(PlanPrinter.toJson(graph)).contains("IntervalJoin[-5, 9]");
    }

    @Test
    void batchSortsBothInputsByKeySoTheJoinSeesAWholeKeyAtOnce() {
        JobGraph graph = plan(RuntimeExecutionMode.BATCH);

        assertThat(PlanPrinter.toText(graph)).isEqualTo("""
                Job 'test' mode=BATCH max-parallelism=128
                Task 1 [p=2] stage 1: left
                Task 2 [p=2] stage 2: right
                Task 3 [p=2] stage 3: join -> sink
                  <- Task 1 HASH BLOCKING into input 0 sorted-by-key
                  <- Task 2 HASH BLOCKING into input 1 sorted-by-key
                """);
        assertThat(PlanPrinter.toJson(graph)).contains("IntervalJoin[-5, 9]");
    }
}
