package io.weir.runtime.translate;

import io.weir.api.dag.Operation;
import io.weir.api.functions.CoFlatMapFunction;
import io.weir.api.functions.CoMapFunction;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.runtime.graph.OperatorFactory;
import io.weir.runtime.graph.SimpleOperatorFactory;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.operators.BatchRollingReduceOperator;
import io.weir.runtime.operators.CoFlatMapOperator;
import io.weir.runtime.operators.CombineOperator;
import io.weir.runtime.operators.CoMapOperator;
import io.weir.runtime.operators.CoProcessOperator;
import io.weir.runtime.operators.FilterOperator;
import io.weir.runtime.operators.FlatMapOperator;
import io.weir.runtime.operators.KeyedCoProcessOperator;
import io.weir.runtime.operators.PartialOrRecordKey;
import io.weir.runtime.operators.KeyedProcessOperator;
import io.weir.runtime.operators.MapOperator;
import io.weir.runtime.operators.ProcessOperator;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.operators.StreamingRollingReduceOperator;
import io.weir.runtime.operators.TimestampsAndWatermarksOperator;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.runtime.operators.join.IntervalJoinOperator;
import io.weir.runtime.operators.window.BatchWindowOperator;
import io.weir.runtime.operators.window.WindowCombineOperator;
import io.weir.runtime.operators.window.WindowOperator;

import java.util.function.Supplier;

/**
 * The operator for each kind of {@link Operation}, per mode. The modes differ where their semantics do:
 * a rolling aggregation emits an update per record in STREAMING and only the final value per key in BATCH; and
 * where BATCH's sorted input allows a simpler operator with the same results: windows that fire only when event
 * or processing time passes their end fire at the end of each key, without timers ({@link BatchWindowOperator}).
 * Each subtask gets its own copy of the user's function, read through the job's class loader.
 */
final class OperationTranslator {
    private static final String WINDOW_PARTS = "The window (assigner, trigger, evictor and functions)";

    private final FunctionCopier copier;

    OperationTranslator(ClassLoader userClassLoader) {
        this.copier = new FunctionCopier(userClassLoader);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorFactory translateForBatch(Operation operation, String operatorName) {
        if (operation instanceof Operation.Window window && BatchWindowOperator.canRun(window)) {
            return batchWindow(window, operatorName, false);
        }
        if (operation instanceof Operation.RollingReduce) {
            Supplier<Function> function = functionCopies(operation, operatorName);
            return factory("RollingReduce(final value per key)",
                    () -> new BatchRollingReduceOperator<>((ReduceFunction) function.get(), false));
        }
        return translateForStreaming(operation, operatorName);
    }

    /** The key of what a combiner emits: partials, and records it let pass, keyed by {@code keySelector}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static KeySelector<?, ?> partialKeyForBatch(KeySelector<?, ?> keySelector) {
        return new PartialOrRecordKey(keySelector);
    }

    /** BATCH's rolling reduction or window behind combiners: it reads their partials. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorFactory translateCombinedForBatch(Operation operation, String operatorName) {
        if (operation instanceof Operation.Window window) {
            if (BatchWindowOperator.canRun(window)) {
                return batchWindow(window, operatorName, true);
            }
            Supplier<Operation.Window> windows = copier.copiesOf(window, operatorName, WINDOW_PARTS);
            return factory("Window(pre-aggregating, of combined partials)",
                    () -> new WindowOperator<>(windows.get(), true));
        }
        Supplier<Function> function = functionCopies(operation, operatorName);
        return factory("RollingReduce(final value per key, of combined partials)",
                () -> new BatchRollingReduceOperator<>((ReduceFunction) function.get(), true));
    }

    /** The producer-side combiner of a rolling reduction, or null when the operation cannot be combined. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorFactory combinerForBatch(Operation operation, KeySelector<?, ?> keySelector, String operatorName,
                                            int maxKeys) {
        if (operation instanceof Operation.Window window) {
            return windowCombinerForBatch(window, keySelector, operatorName, maxKeys);
        }
        if (!(operation instanceof Operation.RollingReduce)) {
            return null;
        }
        Supplier<Function> function = functionCopies(operation, operatorName);
        return factory("Combine(at most " + maxKeys + " keys)",
                () -> new CombineOperator<>((ReduceFunction) function.get(), (KeySelector) keySelector, maxKeys));
    }

    /**
     * {@code assignTimestampsAndWatermarks}, chosen like a source by {@link ModeChoices#runWatermarkGenerators()}
     * (not per mode here): the generator runs only when watermarks are generated (STREAMING). Each subtask gets
     * its own copy of the strategy.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorFactory timestampsAndWatermarks(Operation.AssignTimestampsAndWatermarks operation,
                                                   String operatorName, boolean runWatermarkGenerators) {
        Supplier<Function> strategy = functionCopies(operation, operatorName);
        return factory(runWatermarkGenerators ? "TimestampsAndWatermarks" : "Timestamps(no watermark generator)",
                () -> new TimestampsAndWatermarksOperator<>((WatermarkStrategy) strategy.get(),
                        runWatermarkGenerators));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorFactory translateForStreaming(Operation operation, String operatorName) {
        if (operation instanceof Operation.Window window) {
            return window(window, operatorName);
        }
        Supplier<Function> function = functionCopies(operation, operatorName);
        if (operation instanceof Operation.Map) {
            return factory("Map", () -> new MapOperator<>((MapFunction) function.get()));
        }
        if (operation instanceof Operation.FlatMap) {
            return factory("FlatMap", () -> new FlatMapOperator<>((FlatMapFunction) function.get()));
        }
        if (operation instanceof Operation.Filter) {
            return factory("Filter", () -> new FilterOperator<>((FilterFunction) function.get()));
        }
        if (operation instanceof Operation.Process) {
            return factory("Process", () -> new ProcessOperator<>((ProcessFunction) function.get()));
        }
        if (operation instanceof Operation.KeyedProcess) {
            return factory("KeyedProcess", () -> new KeyedProcessOperator<>((KeyedProcessFunction) function.get()));
        }
        if (operation instanceof Operation.RollingReduce) {
            return factory("RollingReduce(update per record)",
                    () -> new StreamingRollingReduceOperator<>((ReduceFunction) function.get()));
        }
        if (operation instanceof Operation.CoMap) {
            return factory("CoMap", () -> new CoMapOperator<>((CoMapFunction) function.get()));
        }
        if (operation instanceof Operation.CoFlatMap) {
            return factory("CoFlatMap", () -> new CoFlatMapOperator<>((CoFlatMapFunction) function.get()));
        }
        if (operation instanceof Operation.CoProcess) {
            return factory("CoProcess", () -> new CoProcessOperator<>((CoProcessFunction) function.get()));
        }
        if (operation instanceof Operation.KeyedCoProcess) {
            return factory("KeyedCoProcess",
                    () -> new KeyedCoProcessOperator<>((KeyedCoProcessFunction) function.get()));
        }
        if (operation instanceof Operation.IntervalJoin join) {
            // One operator for both modes: in BATCH, sorted input and end-of-key timers make it see a whole key.
            return factory("IntervalJoin[" + join.lowerBound() + ", " + join.upperBound() + "]",
                    () -> new IntervalJoinOperator<>((ProcessJoinFunction) function.get(), join.lowerBound(),
                            join.upperBound(), join.leftLateData(), join.rightLateData()));
        }
        throw new UnsupportedOperationException("Operator '" + operatorName + "': operation "
                + operation.getClass().getSimpleName() + " is not supported by this runtime");
    }

    /** A BATCH combiner for a window, or null where its result could depend on more than one reduction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private OperatorFactory windowCombinerForBatch(Operation.Window window, KeySelector<?, ?> keySelector,
                                                          String operatorName, int maxKeys) {
        if (!WindowCombineOperator.canCombine(window)) {
            return null;
        }
        Supplier<Operation.Window> windows = copier.copiesOf(window, operatorName, WINDOW_PARTS);
        return factory("WindowCombine(at most " + maxKeys + " key-windows)", () -> new WindowCombineOperator<>(
                windows.get(), (KeySelector) keySelector, maxKeys));
    }

    /**
     * BATCH's window operator for windows that fire only at the end of their key: no keyed state or timers for
     * their contents (see {@link BatchWindowOperator}).
     */
    private OperatorFactory batchWindow(Operation.Window window, String operatorName, boolean ofPartials) {
        Supplier<Operation.Window> windows = copier.copiesOf(window, operatorName, WINDOW_PARTS);
        return factory("Window(" + contentsOf(window) + (ofPartials ? ", of combined partials" : "")
                        + ", fired at the end of each key)",
                () -> new BatchWindowOperator<>(windows.get(), ofPartials));
    }

    private static String contentsOf(Operation.Window window) {
        return window.evictor() != null ? "evicting, keeps every record"
                : window.preAggregation() != null ? "pre-aggregating" : "keeps every record";
    }

    /**
     * The same window operator in both modes: what differs (when time passes, which keys' state exists) comes with
     * the state backend and timer service the task gives it.
     */
    private OperatorFactory window(Operation.Window window, String operatorName) {
        Supplier<Operation.Window> windows = copier.copiesOf(window, operatorName, WINDOW_PARTS);
        return factory("Window(" + contentsOf(window) + ")",
                () -> new WindowOperator<>(windows.get()));
    }

    private Supplier<Function> functionCopies(Operation operation, String operatorName) {
        return copier.copiesOf(operation.function(), operatorName, "The function");
    }

    private static OperatorFactory factory(String description, Supplier<StreamOperator<?>> s) {
        return new SimpleOperatorFactory(description, s);
    }
}
