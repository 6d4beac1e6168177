package io.weir.runtime.translate;

import io.weir.api.common.OutputTag;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.common.typeinfo.Types;
import io.weir.api.connector.sink.lib.PrintSink;
import io.weir.api.dag.Pipeline;
import io.weir.api.dag.SinkTransformation;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One side-output id with two record types anywhere in a job is rejected when the job is built, in both modes. */
class SideOutputTypesTest {

    private static StreamExecutionEnvironment env(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        return env;
    }

    private static void translate(StreamExecutionEnvironment env, DataStreamSink<?>... sinks) {
        List<SinkTransformation<?>> list = new ArrayList<>();
        for (DataStreamSink<?> s : sinks) {
            list.add(s.getTransformation());
        }
        JobGraphTranslator.translate(new Pipeline("tags", list, env.getConfiguration()));
    }

    private static SingleOutputStreamOperator<Long> split(StreamExecutionEnvironment env, String name) {
        return env.fromSequence(1, 10).process(new Split()).name(name);
    }

    /** Emits odd values on a side output (which tag it uses does not matter to the build-time check). */
    static final class Split extends ProcessFunction<Long, Long> {
        static final OutputTag<Long> ODD = new OutputTag<>("odd") {
        };

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 1) {
                ctx.output(ODD, value);
            } else {
                out.collect(value);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void getSideOutputWithTheSameIdButAnotherTypeThanTheLateDataTagFails(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode);
        OutputTag<Tuple2<String, Long>> late = new OutputTag<>("late") {
        };
        SingleOutputStreamOperator<Tuple2<String, Long>> sums = env.fromElements(Tuple2.of("a", 1L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, ts) -> t.f1))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .sideOutputLateData(late)
                .sum(1).name("sums");
        DataStreamSink<String> lateSink = sums.getSideOutput(new OutputTag<String>("late") { })
                .sinkTo(new PrintSink<>());

        assertThatThrownBy(() -> translate(env, sums.sinkTo(new PrintSink<>()), lateSink))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Side output 'late'")
                .hasMessageContaining("Tuple2<String, Long> (sideOutputLateData of 'sums')")
                .hasMessageContaining("String (getSideOutput on 'sums')");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void oneIdWithTwoTypesOnDifferentOperatorsFails(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode);
        DataStreamSink<Long> first = split(env, "first").getSideOutput(Split.ODD).sinkTo(new PrintSink<>());
        DataStreamSink<String> second = split(env, "second").getSideOutput(new OutputTag<>("odd", Types.STRING))
                .sinkTo(new PrintSink<>());

        assertThatThrownBy(() -> translate(env, first, second))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Side output 'odd'")
                .hasMessageContaining("Long (getSideOutput on '")
                .hasMessageContaining("String (getSideOutput on '");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void oneIdWithOneTypeGivenInDifferentWaysIsFine(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode);
        SingleOutputStreamOperator<Long> split = split(env, "split");
        DataStreamSink<Long> anonymous = split.getSideOutput(Split.ODD).sinkTo(new PrintSink<>());
        DataStreamSink<Long> explicit = split.getSideOutput(new OutputTag<>("odd", Types.LONG)).sinkTo(new PrintSink<>());

        assertThatCode(() -> translate(env, anonymous, explicit, split.sinkTo(new PrintSink<>())))
                .doesNotThrowAnyException();
        assertThat(Split.ODD.getTypeInfo()).isEqualTo(Types.LONG);
    }
}
