package io.weir.api.environment;

/**
 * Thrown by {@code execute()} under {@code bin/weir plan}: the plan has been captured, nothing runs.
 * The launcher catches it; a job's own code should let it pass.
 */
public final class PlanOnlyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String plan;

    public PlanOnlyException(String plan) {
        super("Plan captured; the job is not run under 'weir plan'", null, false, false);
        this.plan = plan;
    }

    public String getPlan() {
        return plan;
    }
}
