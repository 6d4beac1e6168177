package io.weir.runtime.operators.window;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.operators.Output;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Emits what a fired window computed: the pre-aggregate as it is, or through the {@link ProcessWindowFunction}.
 * Everything emitted carries the window's {@code maxTimestamp()}.
 */
final class WindowResults<W extends Window> {
    /** Time as a window function sees it when a window fires. */
    interface FiringTime {
        long currentProcessingTime();

        long currentWatermark();
    }

    private final Output<Object> output;
    /** Null: the pre-aggregate is the result. */
    private final ProcessWindowFunction<Object, Object, Object, W> function;
    private final KeyedStateBackend backend;
    private final ContextImpl context;
    private final One one = new One();
    private final WindowCollector collector = new WindowCollector();

    @SuppressWarnings("unchecked")
    WindowResults(Output<Object> output, ProcessWindowFunction<?, ?, ?, W> function, KeyedStateBackend backend,
                  FiringTime time, KeyedStateStore globalState, WindowScopedStates<W> windowState) {
        this.output = output;
        this.function = (ProcessWindowFunction<Object, Object, Object, W>) function;
        this.backend = backend;
        this.context = function == null ? null : new ContextImpl(time, globalState, windowState);
    }

    /** A window's single pre-aggregated result. */
    void emitOne(Object result, W window) throws Exception {
        if (function == null) {
            output.emit(result, window.maxTimestamp());
            return;
        }
        one.value = result;
        one.unread = true;
        try {
            process(one, window);
        } finally {
            one.value = null;
        }
    }

    /** All records of a window, for the window function. */
    void emitAll(Iterable<?> records, W window) throws Exception {
        if (function == null) {
            throw new IllegalStateException("A window that keeps all of its records needs a window function");
        }
        process(records, window);
    }

    @SuppressWarnings("unchecked")
    private void process(Iterable<?> records, W window) throws Exception {
        context.window = window;
        collector.timestamp = window.maxTimestamp();
        function.process(backend.getCurrentKey(), context, (Iterable<Object>) records, collector);
    }

    /** The window is being removed: the function may clear its per-window state. */
    void clear(W window) throws Exception {
        if (function != null) {
            context.window = window;
            function.clear(context);
        }
    }

    private final class WindowCollector implements Collector<Object> {
        long timestamp;

        @Override
        public void collect(Object record) {
            output.emit(record, timestamp);
        }
    }

    /** The one pre-aggregated result as an iterable, reused so that a firing allocates nothing for it. */
    private static final class One implements Iterable<Object>, Iterator<Object> {
        Object value;
        boolean unread;

        @Override
        public Iterator<Object> iterator() {
            unread = true;
            return this;
        }

        @Override
        public boolean hasNext() {
            return unread;
        }

        @Override
        public Object next() {
            if (!unread) {
                throw new NoSuchElementException();
            }
            unread = false;
            return value;
        }
    }

    private final class ContextImpl extends ProcessWindowFunction<Object, Object, Object, W>.Context {
        private final FiringTime time;
        private final KeyedStateStore globalState;
        /** Null for merging windows, which have no per-window state. */
        private final WindowScopedStates<W> windowState;
        W window;

        ContextImpl(FiringTime time, KeyedStateStore globalState, WindowScopedStates<W> windowState) {
            function.super();
            this.time = time;
            this.globalState = globalState;
            this.windowState = windowState;
        }

        @Override
        public W window() {
            return window;
        }

        @Override
        public long currentProcessingTime() {
            return time.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return time.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            if (windowState == null) {
                throw new UnsupportedOperationException("Per-window state is not available with merging (session) "
                        + "windows: a window's state could not follow it into the window it merges into. Use "
                        + "globalState(), or windows that do not merge");
            }
            windowState.setWindow(window);
            return windowState;
        }

        @Override
        public KeyedStateStore globalState() {
            return globalState;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.emitSide(outputTag, value, window.maxTimestamp());
        }
    }
}
