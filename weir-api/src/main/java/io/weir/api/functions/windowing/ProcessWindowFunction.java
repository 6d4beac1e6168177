package io.weir.api.functions.windowing;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.Collector;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a keyed stream: gets the key, every record of the window (or, after {@code reduce} or
 * {@code aggregate}, their one pre-aggregated result) and a context with the window, time, state and side
 * outputs. Records it emits carry the window's {@code maxTimestamp()} as event timestamp.
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Called each time the window fires. */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out)
            throws Exception;

    /**
     * Called when the window is removed (after its last firing, at the end of its allowed lateness): the place
     * to clear what was kept in {@link Context#windowState()}.
     */
    public void clear(Context context) throws Exception {
    }

    /** What {@link #process} and {@link #clear} see of the window and its surroundings. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State of this key and this window, for what must survive between firings of the window. */
        public abstract KeyedStateStore windowState();

        /** State of this key, shared across its windows. */
        public abstract KeyedStateStore globalState();

        /** Emits to a side output; the record carries the window's {@code maxTimestamp()}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
