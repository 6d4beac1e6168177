package io.weir.api.datastream;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.Function;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.windowing.AllWindowFunction;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;

/**
 * The window function kinds of the API as {@link ProcessWindowFunction}s, so that the runtime evaluates one
 * kind only. Each adapter hands the lifecycle ({@code open}, {@code close}, runtime context) to the function
 * it wraps when that is a rich function.
 */
final class WindowFunctionAdapters {
    private WindowFunctionAdapters() {
    }

    static <IN, OUT, K, W extends Window> ProcessWindowFunction<IN, OUT, K, W> of(WindowFunction<IN, OUT, K, W> f) {
        return new Applying<>(checked(f));
    }

    static <IN, OUT, K, W extends Window> ProcessWindowFunction<IN, OUT, K, W> of(AllWindowFunction<IN, OUT, W> f) {
        return new ApplyingAll<>(checked(f));
    }

    static <IN, OUT, K, W extends Window> ProcessWindowFunction<IN, OUT, K, W> of(
            ProcessAllWindowFunction<IN, OUT, W> f) {
        return new ProcessingAll<>(checked(f));
    }

    static <F> F checked(F function) {
        if (function == null) {
            throw new IllegalArgumentException("A window function must not be null");
        }
        return function;
    }

    /** Passes the lifecycle on to the wrapped function. */
    abstract static class Delegating<IN, OUT, K, W extends Window> extends ProcessWindowFunction<IN, OUT, K, W> {
        private static final long serialVersionUID = 1L;
        private final Function wrapped;

        Delegating(Function wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        public void setRuntimeContext(RuntimeContext context) {
            super.setRuntimeContext(context);
            if (wrapped instanceof RichFunction rich) {
                rich.setRuntimeContext(context);
            }
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            if (wrapped instanceof RichFunction rich) {
                rich.open(openContext);
            }
        }

        @Override
        public void close() throws Exception {
            if (wrapped instanceof RichFunction rich) {
                rich.close();
            }
        }

        @Override
        public String toString() {
            return wrapped.getClass().getName();
        }
    }

    private static final class Applying<IN, OUT, K, W extends Window> extends Delegating<IN, OUT, K, W> {
        private static final long serialVersionUID = 1L;
        private final WindowFunction<IN, OUT, K, W> function;

        Applying(WindowFunction<IN, OUT, K, W> function) {
            super(function);
            this.function = function;
        }

        @Override
        public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
            function.apply(key, context.window(), elements, out);
        }
    }

    private static final class ApplyingAll<IN, OUT, K, W extends Window> extends Delegating<IN, OUT, K, W> {
        private static final long serialVersionUID = 1L;
        private final AllWindowFunction<IN, OUT, W> function;

        ApplyingAll(AllWindowFunction<IN, OUT, W> function) {
            super(function);
            this.function = function;
        }

        @Override
        public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
            function.apply(context.window(), elements, out);
        }
    }

    private static final class ProcessingAll<IN, OUT, K, W extends Window> extends Delegating<IN, OUT, K, W> {
        private static final long serialVersionUID = 1L;
        private final ProcessAllWindowFunction<IN, OUT, W> function;

        ProcessingAll(ProcessAllWindowFunction<IN, OUT, W> function) {
            super(function);
            this.function = function;
        }

        @Override
        public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
            function.process(allContext(context), elements, out);
        }

        @Override
        public void clear(Context context) throws Exception {
            function.clear(allContext(context));
        }

        private ProcessAllWindowFunction<IN, OUT, W>.Context allContext(Context context) {
            return function.new Context() {
                @Override
                public W window() {
                    return context.window();
                }

                @Override
                public long currentProcessingTime() {
                    return context.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return context.currentWatermark();
                }

                @Override
                public KeyedStateStore windowState() {
                    return context.windowState();
                }

                @Override
                public KeyedStateStore globalState() {
                    return context.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    context.output(outputTag, value);
                }
            };
        }
    }
}
