package io.weir.runtime.task;

import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.api.functions.KeySelector;

/**
 * Wraps an operator's input: attributes any exception to that operator, and for a keyed operator sets the
 * current key before the record is processed. The try block costs nothing while nothing is thrown.
 */
final class GuardedInput<T> implements OperatorInput<T> {
    private final OperatorInput<T> inner;
    private final String operatorName;
    private final String subtask;
    private final KeySelector<T, ?> keySelector;
    private final KeyedStateBackend keyedState;

    GuardedInput(OperatorInput<T> inner, String operatorName, String subtask, KeySelector<T, ?> keySelector,
                 KeyedStateBackend keyedState) {
        this.inner = inner;
        this.operatorName = operatorName;
        this.subtask = subtask;
        this.keySelector = keySelector;
        this.keyedState = keyedState;
    }

    @Override
    public void processElement(T value, long timestamp) {
        try {
            if (keySelector != null) {
                keyedState.setCurrentKey(keySelector.getKey(value));
            }
            inner.processElement(value, timestamp);
        } catch (OperatorException | TaskCancelledException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException(e);
        } catch (Exception e) {
            throw new OperatorException(operatorName, subtask, e);
        }
    }
}
