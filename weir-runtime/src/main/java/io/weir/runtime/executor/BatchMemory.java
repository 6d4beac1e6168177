package io.weir.runtime.executor;

import io.weir.api.config.Configuration;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IllegalConfigurationException;
import io.weir.api.config.MemorySize;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.KeyedStateKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The memory a BATCH job's sorts and result partitions may take, fitted to the heap before the job starts.
 *
 * <p>The rule: the subtasks that may run at once ({@code execution.slots} of them, at most) each hold
 * {@code execution.sort.memory} if their input is sorted by key, plus {@code execution.batch.partition-memory}
 * per exchange they produce. For the most demanding subtasks that can run together, that sum must fit in
 * {@link #HEAP_SHARE half} of the maximum heap, leaving the rest for records in flight, state and combiners.
 * A setting the user did not set shrinks (from its default, down to a floor) until the sum fits; a setting the
 * user did set is kept, and if the sum cannot fit, the job is rejected with an error naming the settings, their
 * values, the heap and the number of tasks that run at once.
 *
 * @param sortBytes      sort memory per keyed task
 * @param partitionBytes result partition memory per produced exchange of a subtask
 */
record BatchMemory(long sortBytes, long partitionBytes) {
    static final double HEAP_SHARE = 0.5;
    private static final Logger LOG = LoggerFactory.getLogger(BatchMemory.class);
    /** The smallest derived sort memory: below it most keyed input would spill in tiny runs. */
    static final long MIN_DERIVED_SORT_BYTES = 4L << 20;
    /** The smallest derived partition memory: below it partitions flush in tiny pieces. */
    static final long MIN_DERIVED_PARTITION_BYTES = 1L << 20;

    /** What one subtask of a vertex holds: sorts (0 or 1) and produced exchanges. */
    private record Demand(int sorts, int partitions) {
        long bytes(long sort, long partition) {
            return sorts * sort + partitions * partition;
        }
    }

    /**
     * Fits the settings of {@code graph} to a heap of {@code maxHeapBytes} with {@code slots} subtasks at once.
     *
     * @throws IllegalConfigurationException when settings the user chose do not fit, or the heap is too small even
     *                                       for the floors of derived ones
     */
    static BatchMemory fit(JobGraph graph, int slots, long maxHeapBytes) {
        Configuration conf = graph.configuration();
        long sort = conf.get(ExecutionOptions.SORT_MEMORY).bytes();
        long partition = conf.get(ExecutionOptions.PARTITION_MEMORY).bytes();
        List<Demand> atOnce = mostDemanding(graph, slots);
        long budget = (long) (maxHeapBytes * HEAP_SHARE);
        if (total(atOnce, sort, partition) <= budget) {
            return new BatchMemory(sort, partition);
        }
        boolean sortDerived = !conf.contains(ExecutionOptions.SORT_MEMORY);
        boolean partitionDerived = !conf.contains(ExecutionOptions.PARTITION_MEMORY);
        // Shrink the derived settings by one factor (found by bisection: the sum grows with it), not below floors.
        double low = 0;
        double high = 1;
        for (int i = 0; i < 50 && (sortDerived || partitionDerived); i++) {
            double mid = (low + high) / 2;
            if (total(atOnce, scaled(sort, mid, sortDerived, MIN_DERIVED_SORT_BYTES),
                    scaled(partition, mid, partitionDerived, MIN_DERIVED_PARTITION_BYTES)) <= budget) {
                low = mid;
            } else {
                high = mid;
            }
        }
        long fittedSort = scaled(sort, low, sortDerived, MIN_DERIVED_SORT_BYTES);
        long fittedPartition = scaled(partition, low, partitionDerived, MIN_DERIVED_PARTITION_BYTES);
        if (total(atOnce, fittedSort, fittedPartition) <= budget) {
            LOG.info("Job '{}' fits its memory to the maximum heap of {} with {} tasks at once: {}, {}",
                    graph.jobName(), mb(maxHeapBytes), atOnce.size(),
                    describe(conf, ExecutionOptions.SORT_MEMORY, sort, fittedSort),
                    describe(conf, ExecutionOptions.PARTITION_MEMORY, partition, fittedPartition));
            return new BatchMemory(fittedSort, fittedPartition);
        }
        throw tooMuch(graph, atOnce, sort, partition, fittedSort, fittedPartition, maxHeapBytes, budget);
    }

    private static long scaled(long bytes, double factor, boolean derived, long floor) {
        return derived ? Math.min(bytes, Math.max(floor, (long) (bytes * factor))) : bytes;
    }

    /** The demands of the {@code slots} subtasks that together need the most; all subtasks if fewer. */
    private static List<Demand> mostDemanding(JobGraph graph, int slots) {
        List<Demand> all = new ArrayList<>();
        for (JobVertex v : graph.vertices()) {
            // A keyed head sorts its input; so does a head whose keyed input is grouped by key (connect with an
            // unkeyed stream). Either takes the whole execution.sort.memory.
            boolean sorts = v.head().keyedState() == KeyedStateKind.SINGLE_KEY_SORTED_INPUT
                    || v.head().hasGroupedInputs();
            List<JobEdge> outputs = graph.outputsOf(v.id());
            for (int s = 0; s < v.parallelism(); s++) {
                all.add(new Demand(sorts ? 1 : 0, outputs.size()));
            }
        }
        // Which subtasks need the most depends on the two values; they are ranked at the defaults' ratio (4:1).
        all.sort(Collections.reverseOrder((x, y) -> Long.compare(x.bytes(4, 1), y.bytes(4, 1))));
        return all.subList(0, Math.min(slots, all.size()));
    }

    private static long total(List<Demand> demands, long sort, long partition) {
        long sum = 0;
        for (Demand d : demands) {
            sum = saturatedAdd(sum, saturatedAdd(saturatedMultiply(d.sorts(), sort),
                    saturatedMultiply(d.partitions(), partition)));
        }
        return sum;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi != 0 || lo < 0) ? Long.MAX_VALUE : lo;
    }

    private static IllegalConfigurationException tooMuch(JobGraph graph, List<Demand> atOnce, long sort,
                                                         long partition, long fittedSort, long fittedPartition,
                                                         long maxHeap, long budget) {
        Configuration conf = graph.configuration();
        int sorts = 0;
        int partitions = 0;
        for (Demand d : atOnce) {
            sorts += d.sorts();
            partitions += d.partitions();
        }
        return new IllegalConfigurationException("BATCH job '" + graph.jobName() + "' does not fit in the heap: "
                + atOnce.size() + " tasks may run at once (" + ExecutionOptions.SLOTS.key() + "), holding " + sorts
                + " sorts and " + partitions + " result partitions, which need "
                + mb(total(atOnce, fittedSort, fittedPartition)) + " with "
                + describe(conf, ExecutionOptions.SORT_MEMORY, sort, fittedSort) + " and "
                + describe(conf, ExecutionOptions.PARTITION_MEMORY, partition, fittedPartition)
                + ", more than half of the maximum heap of " + mb(maxHeap) + " (" + mb(budget) + "). Lower "
                + ExecutionOptions.SORT_MEMORY.key() + " or " + ExecutionOptions.PARTITION_MEMORY.key()
                + " (or leave them unset: they then derive from the heap), lower " + ExecutionOptions.SLOTS.key()
                + ", or give the JVM more heap (e.g. JAVA_OPTS=-Xmx4g).");
    }

    private static String describe(Configuration conf, ConfigOption<MemorySize> option, long value, long fitted) {
        String origin = conf.originOf(option.key());
        return option.key() + "=" + (origin == null ? new MemorySize(fitted) + " (derived from the heap)"
                : new MemorySize(value) + " (set in " + origin + ")");
    }

    /** The settings that drive this job's memory, for the report of an {@link OutOfMemoryError}. */
    String describe(int slots, long maxHeapBytes) {
        return ExecutionOptions.SORT_MEMORY.key() + "=" + new MemorySize(sortBytes) + " per keyed task, "
                + ExecutionOptions.PARTITION_MEMORY.key() + "=" + new MemorySize(partitionBytes)
                + " per result partition, " + ExecutionOptions.SLOTS.key() + "=" + slots
                + " tasks at once, maximum heap " + mb(maxHeapBytes);
    }

    static String mb(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than the address space" : (bytes >> 20) + " mb";
    }
}
