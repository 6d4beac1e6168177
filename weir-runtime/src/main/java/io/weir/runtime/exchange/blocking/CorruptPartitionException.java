package io.weir.runtime.exchange.blocking;

/** The partition's files exist but are truncated or fail a checksum; the message names file and block offset. */
public final class CorruptPartitionException extends ResultPartitionException {
    private static final long serialVersionUID = 1L;

    CorruptPartitionException(ResultPartitionFiles files, String message, Throwable cause) {
        super(files, message, cause);
    }
}
