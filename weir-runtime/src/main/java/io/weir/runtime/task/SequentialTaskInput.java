package io.weir.runtime.task;

import java.util.List;

/**
 * Several task inputs, each feeding some of the head's inputs, run one after the other: in BATCH, the inputs of
 * an operator that are not keyed are read completely before its keyed input, which is sorted by key.
 */
public final class SequentialTaskInput implements TaskInput {
    private final List<TaskInput> parts;

    public SequentialTaskInput(List<TaskInput> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public void process(OperatorChain chain, TaskControl control) throws Exception {
        for (TaskInput part : parts) {
            part.process(chain, control);
        }
    }

    /** Closes every part, also when one fails to close; the first failure is thrown, the others suppressed. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (TaskInput part : parts) {
            try {
                part.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
