package io.weir.api.dag;

import io.weir.api.common.OutputTag;

import java.util.List;

/** Not an operator: the records its input emitted to one side output. */
public final class SideOutputTransformation<T> extends Transformation<T> {
    private final Transformation<?> input;
    private final OutputTag<T> tag;

    public SideOutputTransformation(Transformation<?> input, OutputTag<T> tag) {
        super("SideOutput(" + tag.getId() + ")", input.getParallelism());
        this.input = input;
        this.tag = tag;
    }

    public Transformation<?> getInput() {
        return input;
    }

    public OutputTag<T> getTag() {
        return tag;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
