package io.weir.runtime.task;

/** A failure attributed to one operator subtask; the message names both, the cause is the user's exception. */
public final class OperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operatorName;
    private final String subtask;

    public OperatorException(String operatorName, String subtask, Throwable cause) {
        super("Operator '" + operatorName + "' (subtask " + subtask + ") failed: " + cause, cause);
        this.operatorName = operatorName;
        this.subtask = subtask;
    }

    public String operatorName() {
        return operatorName;
    }

    public String subtask() {
        return subtask;
    }
}
