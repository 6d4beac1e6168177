package io.weir.api.connector.source;

import java.io.Serializable;

/**
 * A source of records: it declares whether it ends, splits its work, and reads splits in parallel readers.
 * The enumerator is created once per job; one reader per parallel subtask.
 */
public interface Source<T, SplitT extends SourceSplit> extends Serializable {
    Boundedness getBoundedness();

    /** Lists the splits for {@code parallelism} readers (I/O allowed, e.g. listing files). */
    SplitEnumerator<SplitT> createEnumerator(int parallelism) throws Exception;

    SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception;
}
