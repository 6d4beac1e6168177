package io.weir.tests;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.connectors.file.FileSink;
import io.weir.connectors.file.FileSource;
import io.weir.api.eventtime.WatermarkStrategy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed attempt of a file sink wrote is discarded: after a retry every line is there exactly once. */
class FileSinkRecoveryITCase {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aRetriedSinkTaskWritesEveryLineExactlyOnce(RuntimeExecutionMode mode) throws Exception {
        Path input = tmp.resolve("numbers.txt");
        Files.write(input, LongStream.rangeClosed(1, 20_000).mapToObj(Long::toString).collect(Collectors.toList()));
        Path output = tmp.resolve("out");
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString("restart-strategy.type", "fixed-delay", "test");
        conf.setString("restart-strategy.fixed-delay.delay", "0 ms", "test");
        conf.setString("io.tmp.dirs", tmp.resolve("work").toString(), "test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);

        env.fromSource(FileSource.forTextLines(input).withBlockSize(4096), WatermarkStrategy.noWatermarks(), "numbers")
                .keyBy(line -> Long.parseLong(line) % 10)
                .map(new FailsMidwayOnFirstAttempt()).name("flaky")
                .sinkTo(FileSink.forTextLines(output)).name("files");
        env.execute("file sink recovery");

        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path part : parts.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                assertThat(part.getFileName().toString()).matches("part-\\d+-0");
                lines.addAll(Files.readAllLines(part));
            }
        }
        assertThat(lines).hasSize(20_000).doesNotHaveDuplicates();
        assertThat(lines.stream().mapToLong(Long::parseLong).sum()).isEqualTo(20_000L * 20_001 / 2);
    }

    /** Subtask 0 fails after 1,000 records on its first attempt, after the sink has written some of them. */
    static final class FailsMidwayOnFirstAttempt extends RichMapFunction<String, String> {
        private int seen;

        @Override
        public String map(String value) throws IOException {
            if (getRuntimeContext().getAttemptNumber() == 0 && getRuntimeContext().getIndexOfThisSubtask() == 0
                    && ++seen == 1_000) {
                throw new IOException("disk hiccup");
            }
            return value;
        }
    }
}
