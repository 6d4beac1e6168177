package io.weir.cli.testjobs;

import io.weir.api.common.JobExecutionException;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Fails the way an executed job does: a JobExecutionException whose message already repeats its direct cause. */
public final class FailingJob {
    private FailingJob() {
    }

    public static void main(String[] args) throws Exception {
        IOException root = new IOException("No space left on device");
        UncheckedIOException writer = new UncheckedIOException("Cannot write part file 'part-0'", root);
        throw new JobExecutionException("WordCount",
                "Job 'WordCount' failed in operator 'Sink' (subtask 1/1): " + writer, writer);
    }
}
