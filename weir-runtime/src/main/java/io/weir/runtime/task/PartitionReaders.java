package io.weir.runtime.task;

import io.weir.runtime.exchange.blocking.BlockingPartitionReader;
import io.weir.runtime.exchange.blocking.ResultPartitionException;
import io.weir.runtime.exchange.blocking.ResultPartitionFiles;
import io.weir.runtime.serialization.RecordSerializer;

/** Opens and reads input partitions, turning a lost or corrupt partition into {@link PartitionUnavailableException}. */
final class PartitionReaders {
    private PartitionReaders() {
    }

    static BlockingPartitionReader open(InputPartition p, RecordSerializer serializer) {
        try {
            return new BlockingPartitionReader(ResultPartitionFiles.at(p.partition()), p.subpartition(), serializer);
        } catch (ResultPartitionException e) {
            throw lost(p, e);
        }
    }

    static boolean next(BlockingPartitionReader reader, InputPartition p) {
        try {
            return reader.next();
        } catch (ResultPartitionException e) {
            throw lost(p, e);
        }
    }

    private static PartitionUnavailableException lost(InputPartition p, Exception e) {
        return new PartitionUnavailableException(p.producerVertex(), p.producerSubtask(), p.producerName(), e);
    }
}
