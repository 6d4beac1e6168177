package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code io.tmp.dirs} as a comma-separated list: BATCH spreads its files over every directory (issue 10, item 8). */
class TmpDirsITCase {
    /** Regular files seen in each tmp dir while the second stage started, by directory. */
    static final Map<String, Integer> FILES_SEEN = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        FILES_SEEN.clear();
    }

    private StreamExecutionEnvironment batchEnv(String tmpDirs) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.setString("io.tmp.dirs", tmpDirs, "-D command-line option");
        conf.setString("execution.sort.memory", "128 kb", "test");
        conf.setString("execution.batch.partition-memory", "64 kb", "test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    @Test
    void spreadsResultPartitionsOverEveryTmpDirAndRemovesThemAllAtTheEnd() throws Exception {
        Path first = Files.createDirectory(tmp.resolve("disk1"));
        Path second = Files.createDirectory(tmp.resolve("disk2"));
        // fromSequence runs in parallel, so the first shuffle has two producer subtasks to spread.
        long seed = 0x7d1a5L;
        List<Tuple2<Long, Long>> input = new java.util.ArrayList<>();
        for (long x = 1; x <= 100_000; x++) {
            input.add(pair(x, seed));
        }

        List<Tuple2<Long, Long>> out = batchEnv(first + " , " + second).fromSequence(1, 100_000)
                .map(x -> pair(x, seed))
                .keyBy(t -> t.f0).map(new CountsWorkFiles(first.toString(), second.toString()))
                .keyBy(t -> t.f0).sum(1).executeAndCollect(10_000);

        assertThat(asMap(out)).isEqualTo(sums(input));
        assertThat(FILES_SEEN).as("partition files seen in each directory by the consuming stage")
                .containsOnlyKeys(first.toString(), second.toString());
        assertThat(FILES_SEEN.values()).allMatch(n -> n > 0);
        assertThat(filesLeftIn(first)).isEmpty();
        assertThat(filesLeftIn(second)).isEmpty();
    }

    @Test
    void givesTheSameResultWithOneOrSeveralTmpDirs() throws Exception {
        List<Tuple2<Long, Long>> input = randomPairs(new Random(42), 50_000, 3_000);
        Path one = Files.createDirectory(tmp.resolve("one"));
        String three = Files.createDirectory(tmp.resolve("a")) + "," + Files.createDirectory(tmp.resolve("b"))
                + "," + Files.createDirectory(tmp.resolve("c"));

        Map<Long, Long> withOne = asMap(batchEnv(one.toString()).fromCollection(input).keyBy(t -> t.f0).sum(1)
                .executeAndCollect(10_000));
        Map<Long, Long> withThree = asMap(batchEnv(three).fromCollection(input).keyBy(t -> t.f0).sum(1)
                .executeAndCollect(10_000));

        assertThat(withThree).isEqualTo(withOne).isEqualTo(sums(input));
    }

    @Test
    void anEntryThatIsNotADirectoryFailsNamingItAndLeavesTheOthersClean() throws IOException {
        Path good = Files.createDirectory(tmp.resolve("good"));
        Path notADirectory = Files.writeString(tmp.resolve("plain-file"), "x");
        StreamExecutionEnvironment env = batchEnv(good + "," + notADirectory);
        env.fromSequence(1, 10).keyBy(x -> x).reduce(Long::sum).sinkTo(new FailureAndCancelITCase.DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("bad second dir"))
                .hasMessageContaining("could not create its work directory in '" + notADirectory + "'")
                .hasMessageContaining("io.tmp.dirs, set in -D command-line option");
        assertThat(filesLeftIn(good)).isEmpty();
    }

    /** A key among 500 and a value below 1000, scrambled from {@code x} (the same for the job and the check). */
    private static Tuple2<Long, Long> pair(long x, long seed) {
        long h = new Random(x * 0x9E3779B97F4A7C15L ^ seed).nextLong();
        return Tuple2.of(Math.floorMod(h, 500L), Math.floorMod(h >>> 20, 1000L));
    }

    private static List<Tuple2<Long, Long>> randomPairs(Random random, int count, int keys) {
        return Stream.generate(() -> Tuple2.of((long) random.nextInt(keys), (long) random.nextInt(1000)))
                .limit(count).toList();
    }

    private static Map<Long, Long> sums(List<Tuple2<Long, Long>> input) {
        Map<Long, Long> sums = new HashMap<>();
        input.forEach(t -> sums.merge(t.f0, t.f1, Long::sum));
        return sums;
    }

    private static Map<Long, Long> asMap(List<Tuple2<Long, Long>> out) {
        Map<Long, Long> m = new HashMap<>();
        for (Tuple2<Long, Long> t : out) {
            assertThat(m.put(t.f0, t.f1)).as("key %s emitted twice", t.f0).isNull();
        }
        return m;
    }

    private static List<Path> filesLeftIn(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !p.equals(dir)).toList();
        }
    }

    /** When the stage after the first shuffle opens, the first stage's partitions are all on disk. */
    static final class CountsWorkFiles extends RichMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private final String[] dirs;

        CountsWorkFiles(String... dirs) {
            this.dirs = dirs;
        }

        @Override
        public void open(OpenContext context) {
            for (String dir : dirs) {
                try (Stream<Path> paths = Files.walk(Path.of(dir))) {
                    int files = (int) paths.filter(Files::isRegularFile).count();
                    FILES_SEEN.merge(dir, files, Math::max);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> value) {
            return value;
        }
    }
}
