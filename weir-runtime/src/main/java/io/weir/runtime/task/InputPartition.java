package io.weir.runtime.task;

import java.nio.file.Path;

/** A finished result partition of one producer subtask, and which of its sub-partitions this subtask reads. */
public record InputPartition(int producerVertex, int producerSubtask, String producerName, Path partition,
                             int subpartition) {
}
