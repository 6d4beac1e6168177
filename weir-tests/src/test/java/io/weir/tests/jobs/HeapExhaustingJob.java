package io.weir.tests.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Exhausts the heap for real: a keyed map keeps a megabyte per record until the JVM throws
 * {@link OutOfMemoryError}. Argument: the runtime mode. Run it with a small {@code -Xmx}.
 */
public final class HeapExhaustingJob {
    private HeapExhaustingJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.valueOf(args[0]));
        env.setParallelism(2);
        env.fromSequence(1, 1_000_000)
                .keyBy(x -> x % 4)
                .map(new Hoarder()).name("hoarding map")
                .filter(x -> false)
                .print();
        env.execute("heap exhausting job");
    }

    static final class Hoarder extends RichMapFunction<Long, Long> {
        private final List<byte[]> hoard = new ArrayList<>();

        @Override
        public Long map(Long value) {
            hoard.add(new byte[1 << 20]);
            return value;
        }
    }
}
