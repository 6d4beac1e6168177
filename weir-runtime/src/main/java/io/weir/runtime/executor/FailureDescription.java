package io.weir.runtime.executor;

import io.weir.runtime.task.OperatorException;
import io.weir.runtime.task.StreamTask;

/** The one-line account of a job failure: which operator and subtask threw what. */
final class FailureDescription {
    private FailureDescription() {
    }

    static String of(String jobName, StreamTask task, Throwable failure) {
        String where = failure instanceof OperatorException oe
                ? "operator '" + oe.operatorName() + "' (subtask " + oe.subtask() + ")"
                : "task '" + task.name() + "'";
        Throwable cause = failure instanceof OperatorException && failure.getCause() != null ? failure.getCause() : failure;
        return "Job '" + jobName + "' failed: " + where + " threw " + cause;
    }
}
