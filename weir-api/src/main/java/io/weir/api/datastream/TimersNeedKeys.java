package io.weir.api.datastream;

import io.weir.api.functions.Collector;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.ProcessFunction;

/**
 * Rejects, while the job is built, a process function that handles timers on a stream that is not keyed:
 * timers belong to a key, so such a function's {@code onTimer} could never run.
 */
final class TimersNeedKeys {
    private TimersNeedKeys() {
    }

    static void check(ProcessFunction<?, ?> function) {
        if (overrides(function, ProcessFunction.class, ProcessFunction.OnTimerContext.class)) {
            throw error(function, "keyBy(...).process(...)");
        }
    }

    static void check(CoProcessFunction<?, ?, ?> function) {
        if (overrides(function, CoProcessFunction.class, CoProcessFunction.OnTimerContext.class)) {
            throw error(function, "connect(...).keyBy(keySelector1, keySelector2).process(...)");
        }
    }

    private static boolean overrides(Object function, Class<?> base, Class<?> contextType) {
        try {
            return function.getClass().getMethod("onTimer", long.class, contextType, Collector.class)
                    .getDeclaringClass() != base;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(base.getSimpleName() + " has no onTimer method", e);
        }
    }

    private static IllegalArgumentException error(Object function, String instead) {
        return new IllegalArgumentException(function.getClass().getName() + " overrides onTimer, but its stream is "
                + "not keyed: timers belong to a key, so they need a keyed stream. Use " + instead);
    }
}
