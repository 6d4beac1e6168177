package io.weir.runtime.graph;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.runtime.operators.SinkOperator;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.sink.PreparedCommittables;

/**
 * Creates sink operators; those of a committing sink hand their committables to the job run's
 * {@link PreparedCommittables}, which the deployer passes in.
 *
 * @param publishAtEndOfInput BATCH: a sink without a committer emits only at the end of its input (see
 *                            {@code WriterInitContext.publishesAtEndOfInput})
 */
public record SinkOperatorFactory<T>(Sink<T> sink, boolean publishAtEndOfInput) implements OperatorFactory {

    @Override
    public StreamOperator<?> createOperator() {
        throw new IllegalStateException("A sink operator needs its job run's committables: use createSinkOperator");
    }

    /** {@code sinkId} identifies the sink in {@code committables}: its operator's node id. */
    public SinkOperator<T> createSinkOperator(int sinkId, PreparedCommittables committables) {
        return new SinkOperator<>(sink, sinkId, publishAtEndOfInput, committables);
    }

    public boolean commits() {
        return sink instanceof SupportsCommitter<?>;
    }

    @Override
    public String description() {
        if (commits()) {
            return "Sink(committed when the job succeeded)";
        }
        return publishAtEndOfInput ? "Sink(publish at end of input)" : "Sink";
    }
}
