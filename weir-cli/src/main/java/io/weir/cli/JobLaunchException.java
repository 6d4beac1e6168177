package io.weir.cli;

/** The command line cannot start a job: the jar or its main class is missing or unusable. The message says which and what to do. */
public final class JobLaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobLaunchException(String message) {
        super(message);
    }

    public JobLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
