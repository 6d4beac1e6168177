package io.weir.runtime.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a task attempt.
 * <pre>
 * CREATED -> RUNNING -> FINISHED
 *    |          |-----> FAILED
 *    |          '-----> CANCELED
 *    '--> CANCELED
 * </pre>
 */
public enum TaskState {
    CREATED, RUNNING, FINISHED, FAILED, CANCELED;

    private Set<TaskState> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(RUNNING, CANCELED, FAILED);
            case RUNNING -> EnumSet.of(FINISHED, FAILED, CANCELED);
            default -> EnumSet.noneOf(TaskState.class);
        };
    }

    public boolean canMoveTo(TaskState target) {
        return next().contains(target);
    }

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
