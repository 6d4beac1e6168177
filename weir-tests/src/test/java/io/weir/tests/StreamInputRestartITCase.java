package io.weir.tests;

import io.weir.api.common.JobExecutionException;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.RichMapFunction;
import io.weir.connectors.file.FileSink;
import io.weir.connectors.file.FileSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A FIFO is read once: when the task reading it fails and is restarted (the whole job in STREAMING, the task in
 * BATCH), the retry must not silently read only the rest of the stream, or nothing; the job fails saying why.
 */
class StreamInputRestartITCase {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aRestartThatWouldReadAFifoAgainFailsTheJobSayingItCanBeReadOnlyOnce(RuntimeExecutionMode mode)
            throws Exception {
        Path fifo = Fifos.mkfifo(tmp.resolve("numbers.fifo"));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                for (int i = 1; i <= 5_000; i++) {
                    out.write((i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The job stopped reading early, as the failing map makes it do.
            }
        });
        Path output = tmp.resolve("out");
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString("restart-strategy.type", "fixed-delay", "test");
        conf.setString("restart-strategy.fixed-delay.delay", "0 ms", "test");
        conf.setString("io.tmp.dirs", tmp.resolve("work").toString(), "test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);

        env.fromSource(FileSource.forTextLines(fifo), WatermarkStrategy.noWatermarks(), "fifo")
                .map(new FailsOnFirstAttempt()).name("flaky")
                .sinkTo(FileSink.forTextLines(output)).name("files");

        assertThatThrownBy(() -> env.execute("fifo restart"))
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("is a pipe, FIFO or device, which can be read only once, and it was "
                        + "already read");
        // Nothing is published from a job that failed, and nothing of its run is left: only the directory's lock
        // file stays (it is emptied on release, never deleted, so two jobs can never lock two different files).
        assertThat(output.toFile().list()).containsExactly(".weir-sink.lock");
        if (!writer.isDone()) {
            try (var in = Files.newInputStream(fifo)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        writer.join();
    }

    /** Fails on its first attempt after 100 records, after the source has started reading the FIFO. */
    static final class FailsOnFirstAttempt extends RichMapFunction<String, String> {
        private int seen;

        @Override
        public String map(String value) throws IOException {
            if (getRuntimeContext().getAttemptNumber() == 0 && ++seen == 100) {
                throw new IOException("transient failure");
            }
            return value;
        }
    }
}
