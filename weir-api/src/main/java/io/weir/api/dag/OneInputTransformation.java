package io.weir.api.dag;

import io.weir.api.functions.KeySelector;

import java.util.List;

/** An operator with one input; keyed when {@link #getKeySelector()} is set (it then follows a keyBy). */
public final class OneInputTransformation<I, O> extends Transformation<O> {
    private final Transformation<I> input;
    private final Operation operation;
    private final KeySelector<I, ?> keySelector;

    public OneInputTransformation(Transformation<I> input, String name, Operation operation,
                                  KeySelector<I, ?> keySelector, int parallelism) {
        super(name, parallelism);
        this.input = input;
        this.operation = operation;
        this.keySelector = keySelector;
    }

    public Transformation<I> getInput() {
        return input;
    }

    public Operation getOperation() {
        return operation;
    }

    public KeySelector<I, ?> getKeySelector() {
        return keySelector;
    }

    public boolean isKeyed() {
        return keySelector != null;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
