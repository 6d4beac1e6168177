package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.dag.Pipeline;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.runtime.graph.ChainedOperator;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.translate.JobGraphTranslator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job whose classes only a class loader of its own can load, as under {@code bin/weir run}: the job's lambdas are
 * held by Weir's own classes (a watermark strategy with a timestamp assigner, a generator supplier), and its
 * record type crosses BATCH exchanges and the BATCH sort. Copies of user code must be read through the job's
 * class loader (the submitting thread's context loader), not through the loader of the object copied.
 */
class JobClassLoaderITCase {
    private static final long EVENTS = 2_000;
    private static final long WINDOW = 10;

    /** Compiled into a directory that is not on the test's class path. */
    private static final String USER_JOB = """
            package userjob;

            import io.weir.api.dag.Pipeline;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
            import io.weir.api.environment.StreamExecutionEnvironment;
            import io.weir.api.eventtime.BoundedOutOfOrdernessWatermarks;
            import io.weir.api.eventtime.WatermarkStrategy;
            import io.weir.api.windowing.assigners.TumblingEventTimeWindows;

            import java.time.Duration;

            public final class UserJob {
                public record Event(String key, long time, long value) {
                }

                public static DataStream<String> withAssignerLambda(StreamExecutionEnvironment env, long n) {
                    return windowSums(events(env, n).assignTimestampsAndWatermarks(
                            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(5))
                                    .withTimestampAssigner((e, ts) -> e.time())));
                }

                public static DataStream<String> withGeneratorLambda(StreamExecutionEnvironment env, long n) {
                    return windowSums(events(env, n).assignTimestampsAndWatermarks(
                            WatermarkStrategy.<Event>forGenerator(
                                            () -> new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(5)))
                                    .withTimestampAssigner((e, ts) -> e.time())));
                }

                private static DataStream<Event> events(StreamExecutionEnvironment env, long n) {
                    return env.fromSequence(0, n - 1).map(i -> new Event("k" + (i % 7), i * 3 % 1000, i));
                }

                private static DataStream<String> windowSums(DataStream<Event> events) {
                    return events.keyBy(e -> e.key())
                            .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                            .reduce((a, b) -> new Event(a.key(), Math.min(a.time(), b.time()), a.value() + b.value()))
                            .map(e -> e.key() + "," + (e.time() - e.time() % WINDOW) + "," + e.value());
                }
            }
            """.replace("WINDOW", Long.toString(WINDOW));

    @TempDir
    static Path classes;

    private static URLClassLoader jobLoader;

    @BeforeAll
    static void compileUserJob() throws Exception {
        Path source = classes.resolve("src/userjob/UserJob.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, USER_JOB);
        Path out = Files.createDirectories(classes.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = compiler.run(null, errors, errors, "-d", out.toString(), "-classpath",
                locationOf(StreamExecutionEnvironment.class), source.toString());
        assertThat(rc).as(errors.toString()).isZero();
        jobLoader = new URLClassLoader("user-job", new URL[] {out.toUri().toURL()},
                JobClassLoaderITCase.class.getClassLoader());
    }

    @Test
    void theUserJobIsInvisibleToTheLoaderThatLoadedWeir() {
        ClassLoader weirs = StreamExecutionEnvironment.class.getClassLoader();
        assertThatThrownBy(() -> Class.forName("userjob.UserJob", false, weirs))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aTimestampAssignerLambdaOfTheJobIsCopiedThroughTheJobsClassLoader(RuntimeExecutionMode mode)
            throws Exception {
        assertThat(runUserJob("withAssignerLambda", mode)).isEqualTo(expectedWindowSums());
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aWatermarkGeneratorLambdaOfTheJobIsCopiedThroughTheJobsClassLoader(RuntimeExecutionMode mode)
            throws Exception {
        assertThat(runUserJob("withGeneratorLambda", mode)).isEqualTo(expectedWindowSums());
    }

    @Test
    void aCopyTheJobsClassLoaderCannotReadFailsNamingTheOperatorAndTheMissingClass() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStreamSink<String> sink = buildUserJob("withAssignerLambda", env).print();
        Pipeline pipeline = new Pipeline("unreadable", List.of(sink.getTransformation()), env.getConfiguration());

        JobGraph graph = JobGraphTranslator.translate(pipeline, StreamExecutionEnvironment.class.getClassLoader());

        ChainedOperator assigner = graph.vertices().stream().flatMap(v -> v.operators().stream())
                .filter(o -> o.name().contains("Timestamps")).findFirst().orElseThrow();
        assertThatThrownBy(() -> assigner.factory().createOperator())
                .hasMessageContaining("operator '" + assigner.name() + "'")
                .hasMessageContaining("class userjob.UserJob is not visible to the job's class loader");
    }

    /** Builds and runs the job the way bin/weir does: the job's loader is the context loader at submission. */
    private static Map<String, Integer> runUserJob(String method, RuntimeExecutionMode mode) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(jobLoader);
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.setRuntimeMode(mode);
            return TestJobs.multiset(TestJobs.collectAll(buildUserJob(method, env)));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @SuppressWarnings("unchecked")
    private static DataStream<String> buildUserJob(String method, StreamExecutionEnvironment env) throws Exception {
        return (DataStream<String>) Class.forName("userjob.UserJob", true, jobLoader)
                .getMethod(method, StreamExecutionEnvironment.class, long.class)
                .invoke(null, env, EVENTS);
    }

    /** "key,windowStart,sum" per key and tumbling window, computed here from the same events. */
    private static Map<String, Integer> expectedWindowSums() {
        Map<String, Long> sums = new TreeMap<>();
        for (long i = 0; i < EVENTS; i++) {
            long time = i * 3 % 1000;
            sums.merge("k" + (i % 7) + "," + (time - time % WINDOW), i, Long::sum);
        }
        List<String> lines = new ArrayList<>();
        sums.forEach((keyAndWindow, sum) -> lines.add(keyAndWindow + "," + sum));
        return TestJobs.multiset(lines);
    }

    private static String locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
