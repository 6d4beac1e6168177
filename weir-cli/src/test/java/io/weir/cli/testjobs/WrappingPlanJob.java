package io.weir.cli.testjobs;

import io.weir.api.environment.PlanOnlyException;

/** A job whose own error handling wraps what execute() throws. */
public final class WrappingPlanJob {
    private WrappingPlanJob() {
    }

    public static void main(String[] args) {
        throw new IllegalStateException("job failed", new PlanOnlyException("{\"operators\":[\"Wrapped\"]}"));
    }
}
