package io.weir.runtime.exchange.blocking;

/**
 * A finished result partition cannot be read. Recovery is the same for every subclass: delete the
 * partition and run its producer again ({@link #files()} says which).
 */
public abstract class ResultPartitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ResultPartitionFiles files;

    ResultPartitionException(ResultPartitionFiles files, String message, Throwable cause) {
        super(message + ". The producing subtask must run again: delete the partition (" + files
                + ".*) and rerun it", cause);
        this.files = files;
    }

    public ResultPartitionFiles files() {
        return files;
    }
}
