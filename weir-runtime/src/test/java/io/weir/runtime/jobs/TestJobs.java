package io.weir.runtime.jobs;

import io.weir.api.common.CloseableIterator;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starting and draining the jobs of these tests. */
final class TestJobs {
    private TestJobs() {
    }

    static StreamExecutionEnvironment environment(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    /** Runs the job and returns everything {@code stream} emitted, in arrival order. */
    static <T> List<T> collectAll(DataStream<T> stream) throws Exception {
        List<T> records = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            while (it.hasNext()) {
                records.add(it.next());
            }
        }
        return records;
    }

    /**
     * How often each record occurs: comparing these compares outputs regardless of order, in linear time
     * (AssertJ's {@code containsExactlyInAnyOrder} is quadratic, too slow for 100k records).
     */
    static <T> Map<T, Integer> multiset(Iterable<T> records) {
        Map<T, Integer> counts = new HashMap<>();
        for (T r : records) {
            counts.merge(r, 1, Integer::sum);
        }
        return counts;
    }
}
