package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.ProcessFunction;

/** Runs a {@link ProcessFunction}: timestamps and side outputs. */
public final class ProcessOperator<I, O> implements StreamOperator<O>, OperatorInput<I> {
    private final ProcessFunction<I, O> function;
    private ElementContext<O> element;
    private ContextImpl context;

    public ProcessOperator(ProcessFunction<I, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> ctx) throws Exception {
        element = new ElementContext<>(ctx, null);
        context = new ContextImpl();
        UserFunctions.open(function, ctx.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        function.processElement(value, context, element.forRecord(timestamp));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    private final class ContextImpl extends ProcessFunction<I, O>.Context {
        ContextImpl() {
            function.super();
        }

        @Override
        public Long timestamp() {
            return element.timestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            element.output(outputTag, value);
        }
    }
}
