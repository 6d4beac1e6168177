package io.weir.api.functions.windowing;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.Collector;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a stream that is not keyed ({@code windowAll}): every record of the window (or their
 * pre-aggregated result) and a context with the window, time, state and side outputs.
 */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is removed: the place to clear what was kept in {@link Context#windowState()}. */
    public void clear(Context context) throws Exception {
    }

    /** What {@link #process} and {@link #clear} see. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State of this window. */
        public abstract KeyedStateStore windowState();

        /** State shared by all windows of the operator. */
        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
