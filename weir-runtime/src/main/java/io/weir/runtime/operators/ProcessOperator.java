package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.ProcessFunction;

/** Runs a {@link ProcessFunction}: timestamps and side outputs. */
public final class ProcessOperator<I, O> implements StreamOperator<O>, OperatorInput<I> {
    private final ProcessFunction<I, O> function;
    private Output<O> output;
    private TimestampedCollector<O> collector;
    private ContextImpl context;

    public ProcessOperator(ProcessFunction<I, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> ctx) throws Exception {
        output = ctx.output();
        collector = new TimestampedCollector<>(output);
        context = new ContextImpl();
        UserFunctions.open(function, ctx.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        collector.timestamp = timestamp;
        function.processElement(value, context, collector);
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
            long ts = collector.timestamp;
            return ts == TimestampAssigner.NO_TIMESTAMP ? null : ts;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.emitSide(outputTag, value, collector.timestamp);
        }
    }
}
