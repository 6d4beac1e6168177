package io.weir.api.dag;

import io.weir.api.functions.Function;

/**
 * What an operator node computes, described by the user's function. The runtime chooses an operator for
 * each kind of operation, per execution mode.
 */
public interface Operation {
    Function function();

    /** The name shown in the plan when the user gave none, e.g. "Map". */
    String defaultName();

    /** One record in, one out, no state: candidates for chaining and never mode-dependent. */
    record Map(io.weir.api.functions.MapFunction<?, ?> function) implements Operation {
        public String defaultName() {
            return "Map";
        }
    }

    record FlatMap(io.weir.api.functions.FlatMapFunction<?, ?> function) implements Operation {
        public String defaultName() {
            return "Flat Map";
        }
    }

    record Filter(io.weir.api.functions.FilterFunction<?> function) implements Operation {
        public String defaultName() {
            return "Filter";
        }
    }

    record Process(io.weir.api.functions.ProcessFunction<?, ?> function) implements Operation {
        public String defaultName() {
            return "Process";
        }
    }

    record KeyedProcess(io.weir.api.functions.KeyedProcessFunction<?, ?, ?> function) implements Operation {
        public String defaultName() {
            return "Keyed Process";
        }
    }

    /**
     * A rolling aggregation ({@code reduce}, {@code sum}, {@code min}, ...): STREAMING emits an update per
     * record, BATCH only the final value per key.
     */
    record RollingReduce(io.weir.api.functions.ReduceFunction<?> function, String displayName) implements Operation {
        public String defaultName() {
            return displayName;
        }
    }

    /**
     * {@code assignTimestampsAndWatermarks}: gives records new timestamps and, in STREAMING, runs the strategy's
     * watermark generator in place of the watermarks from upstream. Chains like a map.
     */
    record AssignTimestampsAndWatermarks(io.weir.api.eventtime.WatermarkStrategy<?> strategy) implements Operation {
        public AssignTimestampsAndWatermarks {
            if (strategy == null) {
                throw new IllegalArgumentException("assignTimestampsAndWatermarks needs a watermark strategy");
            }
        }

        @Override
        public Function function() {
            return strategy;
        }

        public String defaultName() {
            return "Timestamps/Watermarks";
        }
    }

    record CoMap(io.weir.api.functions.CoMapFunction<?, ?, ?> function) implements Operation {
        public String defaultName() {
            return "Co-Map";
        }
    }

    record CoFlatMap(io.weir.api.functions.CoFlatMapFunction<?, ?, ?> function) implements Operation {
        public String defaultName() {
            return "Co-Flat Map";
        }
    }

    record CoProcess(io.weir.api.functions.CoProcessFunction<?, ?, ?> function) implements Operation {
        public String defaultName() {
            return "Co-Process";
        }
    }

    record KeyedCoProcess(io.weir.api.functions.KeyedCoProcessFunction<?, ?, ?, ?> function) implements Operation {
        public String defaultName() {
            return "Keyed Co-Process";
        }
    }

    /**
     * Joins each left record at time {@code a} with the right records of its key at times in
     * {@code [a + lowerBound, a + upperBound]} (milliseconds, both inclusive). Late records (behind the watermark)
     * go to the late-data side outputs when set, else they are dropped.
     *
     * @param leftLateData  null to drop late left records
     * @param rightLateData null to drop late right records
     */
    record IntervalJoin(io.weir.api.functions.ProcessJoinFunction<?, ?, ?> function, long lowerBound, long upperBound,
                        io.weir.api.common.OutputTag<?> leftLateData, io.weir.api.common.OutputTag<?> rightLateData)
            implements Operation {
        public IntervalJoin {
            if (lowerBound > upperBound) {
                throw new IllegalArgumentException("Interval join: the lower bound (" + lowerBound
                        + " ms) is greater than the upper bound (" + upperBound + " ms)");
            }
        }

        public String defaultName() {
            return "Interval Join";
        }
    }

    /**
     * A window operation on a keyed stream ({@code windowAll}: on a constant key): records are assigned to windows
     * by {@code assigner}; each key's window keeps its records, or their pre-aggregate when
     * {@code preAggregation} (a {@code ReduceFunction} or {@code AggregateFunction}) is set and there is no
     * {@code evictor}; when {@code trigger} fires, the window's result is emitted through {@code windowFunction},
     * or as the pre-aggregate itself when that is null. Event-time windows drop records later than
     * {@code allowedLateness} (ms) past their end, or send them to {@code lateDataTag} when set.
     */
    record Window(io.weir.api.windowing.assigners.WindowAssigner<?, ?> assigner,
                  io.weir.api.windowing.triggers.Trigger<?, ?> trigger,
                  io.weir.api.windowing.evictors.Evictor<?, ?> evictor,
                  long allowedLateness,
                  io.weir.api.common.OutputTag<?> lateDataTag,
                  Function preAggregation,
                  io.weir.api.functions.windowing.ProcessWindowFunction<?, ?, ?, ?> windowFunction,
                  String displayName) implements Operation, java.io.Serializable {
        public Window {
            if (assigner == null || trigger == null) {
                throw new IllegalArgumentException("A window operation needs an assigner and a trigger");
            }
            if (preAggregation != null && !(preAggregation instanceof io.weir.api.functions.ReduceFunction<?>)
                    && !(preAggregation instanceof io.weir.api.functions.AggregateFunction<?, ?, ?>)) {
                throw new IllegalArgumentException("A window pre-aggregation is a ReduceFunction or an "
                        + "AggregateFunction, not " + preAggregation.getClass().getName());
            }
            if (preAggregation == null && windowFunction == null) {
                throw new IllegalArgumentException("A window operation needs a pre-aggregation, a window function "
                        + "or both");
            }
            if (allowedLateness < 0) {
                throw new IllegalArgumentException("allowedLateness must not be negative, was " + allowedLateness);
            }
        }

        /** The function that produces the window's output. */
        public Function function() {
            return windowFunction != null ? windowFunction : preAggregation;
        }

        public String defaultName() {
            return displayName;
        }
    }
}
