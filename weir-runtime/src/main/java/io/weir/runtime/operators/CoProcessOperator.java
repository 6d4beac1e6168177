package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.CoProcessFunction;

/** Runs a {@link CoProcessFunction} over two inputs. */
public final class CoProcessOperator<I1, I2, O> implements StreamOperator<O> {
    private final CoProcessFunction<I1, I2, O> function;
    private Output<O> output;
    private TimestampedCollector<O> collector;
    private ContextImpl context;

    public CoProcessOperator(CoProcessFunction<I1, I2, O> function) {
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
        OperatorInput<I1> first = (v, ts) -> {
            collector.timestamp = ts;
            function.processElement1(v, context, collector);
        };
        OperatorInput<I2> second = (v, ts) -> {
            collector.timestamp = ts;
            function.processElement2(v, context, collector);
        };
        return index == 0 ? first : second;
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    private final class ContextImpl extends CoProcessFunction<I1, I2, O>.Context {
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
