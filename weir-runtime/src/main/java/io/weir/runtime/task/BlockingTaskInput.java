package io.weir.runtime.task;

import io.weir.runtime.exchange.blocking.BlockingPartitionReader;
import io.weir.runtime.serialization.RecordSerializer;

import java.util.List;

/**
 * BATCH input of a task that is not keyed: reads the finished result partitions of its producers, one input
 * after the other in the given order (broadcast inputs first), and ends each input with one
 * {@code MAX_WATERMARK}: in BATCH the watermark is perfect, so it only moves at the end.
 */
public final class BlockingTaskInput implements TaskInput {
    private static final int CANCEL_CHECK_INTERVAL = 4096;
    private final List<List<InputPartition>> partitionsByInput;
    private final List<Integer> order;
    private final ClassLoader userClassLoader;

    public BlockingTaskInput(List<List<InputPartition>> partitionsByInput, List<Integer> order,
                             ClassLoader userClassLoader) {
        this.partitionsByInput = partitionsByInput;
        this.order = order;
        this.userClassLoader = userClassLoader;
    }

    @Override
    public void process(OperatorChain chain, TaskControl control) {
        RecordSerializer serializer = new RecordSerializer(userClassLoader);
        for (int input : order) {
            GuardedInput<Object> target = chain.headInput(input);
            for (InputPartition partition : partitionsByInput.get(input)) {
                try (BlockingPartitionReader reader = PartitionReaders.open(partition, serializer)) {
                    int sinceCheck = 0;
                    while (PartitionReaders.next(reader, partition)) {
                        target.processElement(reader.value(), reader.timestamp());
                        if (++sinceCheck == CANCEL_CHECK_INTERVAL) {
                            sinceCheck = 0;
                            control.checkCancelled();
                        }
                    }
                }
            }
            chain.headInputWatermark(input, Long.MAX_VALUE);
            chain.endHeadInput(input);
        }
    }
}
