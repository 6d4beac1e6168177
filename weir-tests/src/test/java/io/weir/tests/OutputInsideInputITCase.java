package io.weir.tests;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.connectors.file.FileSink;
import io.weir.connectors.file.FileSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file sink may not write into what the job's file source reads (issue 10, item 7). */
class OutputInsideInputITCase {
    @TempDir
    Path tmp;

    private StreamExecutionEnvironment env(RuntimeExecutionMode mode) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString("io.tmp.dirs", tmp.resolve("work").toString(), "test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        return env;
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void anOutputDirectoryThatIsTheInputDirectoryIsRefused(RuntimeExecutionMode mode) throws Exception {
        Path input = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(input.resolve("a.txt"), "a\n");
        StreamExecutionEnvironment env = env(mode);
        env.fromSource(FileSource.forTextLines(input), WatermarkStrategy.noWatermarks(), "lines")
                .sinkTo(FileSink.forTextLines(input)).name("copy");

        assertThatThrownBy(() -> env.execute("same dir"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sink 'copy' writes into '" + input + "', which is the input path '" + input
                        + "' of source 'lines'");
        assertThat(input.toFile().list()).containsExactly("a.txt");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aSymbolicLinkDoesNotHideThatTheOutputLiesInsideTheInput(RuntimeExecutionMode mode) throws Exception {
        Path input = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(input.resolve("a.txt"), "a\n");
        Path link = Files.createSymbolicLink(tmp.resolve("shortcut"), input);
        Path output = link.resolve("out");
        StreamExecutionEnvironment env = env(mode);
        env.fromSource(FileSource.forTextLines(input), WatermarkStrategy.noWatermarks(), "lines")
                .sinkTo(FileSink.forTextLines(output)).name("copy");

        assertThatThrownBy(() -> env.execute("through a link"))
                .hasMessageContaining("writes into '" + output + "', which lies inside the input path '" + input + "'");
        assertThat(input.resolve("out")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void anOutputBesideTheInputWhoseNameStartsTheSameIsAccepted(RuntimeExecutionMode mode) throws Exception {
        Path input = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(input.resolve("a.txt"), "x\ny\n");
        Path output = tmp.resolve("data-copy");
        StreamExecutionEnvironment env = env(mode);
        env.fromSource(FileSource.forTextLines(input), WatermarkStrategy.noWatermarks(), "lines")
                .sinkTo(FileSink.forTextLines(output)).name("copy");

        env.execute("beside");

        assertThat(Files.readAllLines(output.resolve("part-0-0"))).isEqualTo(List.of("x", "y"));
    }
}
