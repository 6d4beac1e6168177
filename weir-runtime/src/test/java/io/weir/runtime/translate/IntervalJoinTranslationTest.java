package io.weir.runtime.translate;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.sink.lib.PrintSink;
import io.weir.api.dag.Pipeline;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.PlanPrinter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan of an interval join: a keyed two-input task, both inputs sorted by key in BATCH. */
class IntervalJoinTranslationTest {

    static final class Concat extends ProcessJoinFunction<Long, Long, String> {
        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<String> out) {
            out.collect(left + "," + right);
        }
    }

    private static JobGraph plan(RuntimeExecutionMode mode) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStreamSink<String> sink = env.fromSequence(1, 10).name("left").keyBy(x -> x % 3)
                .intervalJoin(env.fromSequence(1, 10).name("right").keyBy(x -> x % 3))
                .between(Duration.ofMillis(-5), Duration.ofMillis(10)).upperBoundExclusive()
                .process(new Concat()).name("join")
                .sinkTo(new PrintSink<>()).name("sink");
        return JobGraphTranslator.translate(new Pipeline("test", List.of(sink.getTransformation()),
                env.getConfiguration()));
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
