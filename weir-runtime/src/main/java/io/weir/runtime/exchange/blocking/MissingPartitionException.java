package io.weir.runtime.exchange.blocking;

/** The partition's index or data file does not exist: its producer never finished, or the files were deleted. */
public final class MissingPartitionException extends ResultPartitionException {
    private static final long serialVersionUID = 1L;

    MissingPartitionException(ResultPartitionFiles files, String message, Throwable cause) {
        super(files, message, cause);
    }
}
