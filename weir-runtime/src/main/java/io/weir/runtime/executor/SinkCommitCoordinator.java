package io.weir.runtime.executor;

import io.weir.api.common.JobExecutionException;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.runtime.graph.ChainedOperator;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.SinkOperatorFactory;
import io.weir.runtime.sink.CommittableEnvelope;
import io.weir.runtime.sink.PreparedCommittables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The job run's side of two-phase commit: opens a {@link Committer} per committing sink when the job starts,
 * commits what the successful attempts prepared once every task finished, and closes the committers when the job
 * ends (which discards whatever was not committed). Used by the job's coordinator thread only.
 */
final class SinkCommitCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(SinkCommitCoordinator.class);
    /** Rounds of {@code retryLater} before a commit counts as failed. */
    static final int MAX_COMMIT_RETRIES = 10;

    /** Which attempt of a subtask finished successfully. */
    @FunctionalInterface
    interface FinishedAttempts {
        int of(JobVertex vertex, int subtask);
    }

    /** A sink with a committer, where it runs, and its open committer. */
    private record CommittingSink(int sinkId, String name, JobVertex vertex, SupportsCommitter<Object> sink,
                                  Committer<Object> committer) {
    }

    private final String jobName;
    private final PreparedCommittables prepared;
    private final List<CommittingSink> sinks;

    private SinkCommitCoordinator(String jobName, PreparedCommittables prepared, List<CommittingSink> sinks) {
        this.jobName = jobName;
        this.prepared = prepared;
        this.sinks = sinks;
    }

    /**
     * Creates the committers of the graph's committing sinks. If one cannot be created, those already created are
     * closed and the job cannot start.
     */
    @SuppressWarnings("unchecked")
    static SinkCommitCoordinator open(JobGraph graph, PreparedCommittables prepared) throws JobExecutionException {
        List<CommittingSink> sinks = new ArrayList<>();
        SinkCommitCoordinator coordinator = new SinkCommitCoordinator(graph.jobName(), prepared, sinks);
        for (JobVertex vertex : graph.vertices()) {
            for (ChainedOperator op : vertex.operators()) {
                if (op.factory() instanceof SinkOperatorFactory<?> factory && factory.commits()) {
                    SupportsCommitter<Object> sink = (SupportsCommitter<Object>) factory.sink();
                    try {
                        Committer<Object> committer = sink.createCommitter(initContext(graph, prepared, vertex));
                        sinks.add(new CommittingSink(op.nodeId(), op.name(), vertex, sink, committer));
                    } catch (Exception | Error e) {
                        // An Error too (a class missing from the job jar): the committers made so far hold locks.
                        Throwable closeFailure = coordinator.close();
                        JobExecutionException failure = new JobExecutionException(graph.jobName(), "Job '"
                                + graph.jobName() + "' could not start: sink '" + op.name() + "' could not create its "
                                + "committer: " + e.getMessage(), e);
                        if (closeFailure != null) {
                            failure.addSuppressed(closeFailure);
                        }
                        throw failure;
                    }
                }
            }
        }
        return coordinator;
    }

    private static CommitterInitContext initContext(JobGraph graph, PreparedCommittables prepared, JobVertex vertex) {
        return new CommitterInitContext() {
            @Override
            public String getJobId() {
                return prepared.jobId();
            }

            @Override
            public String getJobName() {
                return graph.jobName();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return vertex.parallelism();
            }
        };
    }

    /**
     * Commits, sink by sink, the committables of every subtask's successful attempt. Call once, after every task
     * of the job finished successfully.
     *
     * @throws JobExecutionException naming the sink, if a commit failed; the job then fails
     */
    private void commitAll(FinishedAttempts finished) throws JobExecutionException {
        for (CommittingSink sink : sinks) {
            try {
                commit(sink, collect(sink, finished));
            } catch (JobExecutionException e) {
                throw e;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new JobExecutionException(jobName, "Job '" + jobName + "' failed while committing sink '"
                        + sink.name() + "': " + e, e);
            }
        }
    }

    private List<Request> collect(CommittingSink sink, FinishedAttempts finished) throws IOException {
        List<Request> requests = new ArrayList<>();
        for (int s = 0; s < sink.vertex().parallelism(); s++) {
            int attempt = finished.of(sink.vertex(), s);
            List<byte[]> envelopes = prepared.of(sink.sinkId(), s, attempt);
            if (envelopes == null) {
                throw new IllegalStateException("Sink '" + sink.name() + "' subtask " + (s + 1) + " attempt " + attempt
                        + " finished without preparing its commit");
            }
            for (byte[] envelope : envelopes) {
                requests.add(new Request(CommittableEnvelope.unwrap(sink.sink().getCommittableSerializer(), envelope,
                        "sink '" + sink.name() + "' subtask " + (s + 1))));
            }
        }
        return requests;
    }

    private void commit(CommittingSink sink, List<Request> requests) throws Exception {
        List<Request> pending = requests;
        while (!pending.isEmpty()) {
            sink.committer().commit(new ArrayList<>(pending));
            List<Request> again = new ArrayList<>();
            for (Request request : pending) {
                if (request.failure != null) {
                    throw new JobExecutionException(jobName, "Job '" + jobName + "' failed while committing sink '"
                            + sink.name() + "': " + request.failure.getMessage(), request.failure);
                }
                if (request.retry) {
                    if (request.retries >= MAX_COMMIT_RETRIES) {
                        throw new JobExecutionException(jobName, "Job '" + jobName + "' failed while committing sink '"
                                + sink.name() + "': its committer still asked to retry " + request.committable
                                + " after " + MAX_COMMIT_RETRIES + " retries", null);
                    }
                    request.retries++;
                    request.retry = false;
                    again.add(request);
                }
            }
            pending = again;
        }
        LOG.debug("Job '{}' committed sink '{}' ({} committables)", jobName, sink.name(), requests.size());
    }

    /**
     * Ends the job run for the sinks: if the job succeeded ({@code failure} null, not cancelled), commits, then
     * closes every committer (discarding what was not committed). Returns the job's failure afterwards: the given
     * one, or the commit's. A committer that fails to close is only logged: the job's outcome stands.
     */
    Throwable endJob(Throwable failure, boolean cancelled, FinishedAttempts finished) {
        Throwable outcome = failure;
        try {
            if (failure == null && !cancelled) {
                commitAll(finished);
            }
        } catch (Throwable e) {
            // Errors too (a user committer's LinkageError, say): the job must not be reported as finished.
            outcome = e;
        } finally {
            close();
        }
        return outcome;
    }

    /** Closes every committer; returns what failed (the first failure, with the others suppressed), or null. */
    Throwable close() {
        Throwable failure = null;
        for (CommittingSink sink : sinks) {
            try {
                sink.committer().close();
            } catch (Throwable t) {
                LOG.warn("Job '{}': closing the committer of sink '{}' failed: {}", jobName, sink.name(), t.toString());
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
        }
        sinks.clear();
        return failure;
    }

    /** One committable's commit request; read and written by the coordinator thread only. */
    private static final class Request implements Committer.CommitRequest<Object> {
        Object committable;
        int retries;
        boolean retry;
        Throwable failure;

        Request(Object committable) {
            this.committable = committable;
        }

        @Override
        public Object getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return retries;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            failure = t;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            failure = t;
        }

        @Override
        public void retryLater() {
            retry = true;
        }

        @Override
        public void updateAndRetryLater(Object committable) {
            this.committable = committable;
            retry = true;
        }

        @Override
        public void signalAlreadyCommitted() {
            retry = false;
        }
    }
}
