package io.weir.api.common;

/** A job failed or was cancelled. The message names the failing operator and subtask; the cause is kept. */
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String jobName;

    public JobExecutionException(String jobName, String message, Throwable cause) {
        super(message, cause);
        this.jobName = jobName;
    }

    public String getJobName() {
        return jobName;
    }
}
