package io.weir.runtime.sink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committables sink subtasks prepared in one job run, as envelopes, by sink, subtask and attempt. Sink
 * operators add on their task threads when their input ends; the job's coordinator reads after every task ended
 * and picks, per subtask, the attempt that finished. Thread-safe.
 */
public final class PreparedCommittables {
    /** Which attempt of which subtask of which sink. */
    private record Key(int sinkId, int subtask, int attempt) {
    }

    private final String jobId;
    private final Map<Key, List<byte[]>> prepared = new ConcurrentHashMap<>();

    public PreparedCommittables(String jobId) {
        this.jobId = jobId;
    }

    /** The run these committables belong to; what writers and committers see as {@code getJobId()}. */
    public String jobId() {
        return jobId;
    }

    public void add(int sinkId, int subtask, int attempt, List<byte[]> envelopes) {
        if (prepared.putIfAbsent(new Key(sinkId, subtask, attempt), List.copyOf(envelopes)) != null) {
            throw new IllegalStateException("Sink " + sinkId + " subtask " + subtask + " attempt " + attempt
                    + " prepared its commit twice");
        }
    }

    /** What that attempt prepared, or null if it prepared nothing (it did not reach the end of its input). */
    public List<byte[]> of(int sinkId, int subtask, int attempt) {
        return prepared.get(new Key(sinkId, subtask, attempt));
    }
}
