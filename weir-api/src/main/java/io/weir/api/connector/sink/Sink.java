package io.weir.api.connector.sink;

import java.io.Serializable;

/**
 * Where a stream ends. One writer per parallel subtask. A sink whose output must appear only when the whole job
 * succeeded also implements {@link SupportsCommitter}: its writers then prepare committables at the end of their
 * input and the job commits them all at once after every task finished.
 */
public interface Sink<T> extends Serializable {
    SinkWriter<T> createWriter(WriterInitContext context) throws Exception;
}
