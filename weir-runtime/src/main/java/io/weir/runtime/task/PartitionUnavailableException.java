package io.weir.runtime.task;

/**
 * A task could not read the result partition of one producer subtask (missing, truncated, or failing its
 * checksum). BATCH recovery reruns that producer before it retries the consumer.
 */
public final class PartitionUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int producerVertex;
    private final int producerSubtask;

    public PartitionUnavailableException(int producerVertex, int producerSubtask, String producerName, Throwable cause) {
        super("The result of '" + producerName + "' (subtask " + (producerSubtask + 1) + ") cannot be read: "
                + cause.getMessage(), cause);
        this.producerVertex = producerVertex;
        this.producerSubtask = producerSubtask;
    }

    public int producerVertex() {
        return producerVertex;
    }

    public int producerSubtask() {
        return producerSubtask;
    }
}
