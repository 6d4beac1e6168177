package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The inputs of the join jobs: users' clicks and purchases with event timestamps, and sources for them. A source
 * reads its list in contiguous chunks, one reader after another in list order, so a list whose timestamps stray
 * at most {@code maxOutOfOrderness} from order, read with that bound, has no late record in STREAMING.
 */
final class JoinInputs {
    private JoinInputs() {
    }

    /** The first input. */
    record Click(int user, int id, long ts) {
    }

    /** The second input. */
    record Purchase(int user, int id, long ts) {
    }

    static StreamExecutionEnvironment environment(RuntimeExecutionMode mode, int parallelism) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    /** Click {@code i} is due at {@code 2 i} ms and stamped up to {@code jitter} ms later. */
    static List<Click> steadyClicks(long seed, int n, int users, long jitter) {
        Random random = new Random(seed);
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clicks.add(new Click(random.nextInt(users), i, 2L * i + random.nextInt((int) jitter + 1)));
        }
        return clicks;
    }

    /**
     * Bursts of {@code perBurst} clicks every 300 ms, each up to 100 ms into its burst, in any order within it
     * (read them with an out-of-orderness of 100 ms). A user's sessions with a gap below 200 ms never reach from
     * one burst into the next, so no session can grow after the watermark closed it.
     */
    static List<Click> burstyClicks(long seed, int n, int users, int perBurst) {
        Random random = new Random(seed);
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clicks.add(new Click(random.nextInt(users), i, 300L * (i / perBurst) + random.nextInt(101)));
        }
        return clicks;
    }

    /** The same users, ids and timestamps as purchases. */
    static List<Purchase> asPurchases(List<Click> clicks) {
        List<Purchase> purchases = new ArrayList<>();
        for (Click c : clicks) {
            purchases.add(new Purchase(c.user(), c.id(), c.ts()));
        }
        return purchases;
    }

    static DataStream<Click> clicks(StreamExecutionEnvironment env, List<Click> clicks, long maxOutOfOrderness) {
        return env.fromSource(new CollectionSource<>(clicks), WatermarkStrategy.<Click>forBoundedOutOfOrderness(
                Duration.ofMillis(maxOutOfOrderness)).withTimestampAssigner((c, ts) -> c.ts()), "clicks");
    }

    static DataStream<Purchase> purchases(StreamExecutionEnvironment env, List<Purchase> purchases,
                                          long maxOutOfOrderness) {
        return env.fromSource(new CollectionSource<>(purchases), WatermarkStrategy.<Purchase>forBoundedOutOfOrderness(
                Duration.ofMillis(maxOutOfOrderness)).withTimestampAssigner((p, ts) -> p.ts()), "purchases");
    }
}
