package io.weir.api.connector.sink;

import java.io.Serializable;

/** Where a stream ends. One writer per parallel subtask. (A committer arrives with exactly-once sinks.) */
public interface Sink<T> extends Serializable {
    SinkWriter<T> createWriter(WriterInitContext context) throws Exception;
}
