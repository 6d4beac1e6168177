package io.weir.connectors.file;

import java.io.Serializable;

/**
 * Turns a record into one line of a {@link FileSink} part file. The sink appends the {@code '\n'}; a
 * returned string that itself holds newlines becomes several lines.
 */
@FunctionalInterface
public interface Encoder<T> extends Serializable {
    String encode(T record) throws Exception;
}
