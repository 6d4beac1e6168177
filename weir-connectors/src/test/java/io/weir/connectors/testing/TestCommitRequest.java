package io.weir.connectors.testing;

import io.weir.api.connector.sink.Committer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A commit request as the runtime would pass it, recording what the committer signalled. */
public final class TestCommitRequest<C> implements Committer.CommitRequest<C> {
    public enum Outcome { COMMITTED, ALREADY_COMMITTED, RETRY, FAILED }

    private C committable;
    private Outcome outcome = Outcome.COMMITTED;
    private Throwable failure;

    public TestCommitRequest(C committable) {
        this.committable = committable;
    }

    /** One request per committable, as one commit call. */
    public static <C> List<TestCommitRequest<C>> of(Collection<C> committables) {
        List<TestCommitRequest<C>> requests = new ArrayList<>();
        committables.forEach(c -> requests.add(new TestCommitRequest<>(c)));
        return requests;
    }

    /** Calls {@code committer.commit} with {@code requests}. */
    public static <C> void commit(Committer<C> committer, List<TestCommitRequest<C>> requests) throws Exception {
        committer.commit(new ArrayList<>(requests));
    }

    public Outcome outcome() {
        return outcome;
    }

    public Throwable failure() {
        return failure;
    }

    @Override
    public C getCommittable() {
        return committable;
    }

    @Override
    public int getNumberOfRetries() {
        return 0;
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
        outcome = Outcome.FAILED;
        failure = t;
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
        outcome = Outcome.FAILED;
        failure = t;
    }

    @Override
    public void retryLater() {
        outcome = Outcome.RETRY;
    }

    @Override
    public void updateAndRetryLater(C committable) {
        this.committable = committable;
        outcome = Outcome.RETRY;
    }

    @Override
    public void signalAlreadyCommitted() {
        outcome = Outcome.ALREADY_COMMITTED;
    }
}
