package io.weir.runtime.task;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.OutputTag;
import io.weir.api.config.Configuration;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.exchange.KeyGroups;
import io.weir.runtime.exchange.PartitionWriter;
import io.weir.runtime.graph.ChainLink;
import io.weir.runtime.graph.ChainedOperator;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.KeyedStateKind;
import io.weir.runtime.graph.ProcessingClock;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.OperatorRuntimeContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.state.SingleKeyStateBackend;
import io.weir.runtime.time.HeapTimerService;
import io.weir.runtime.time.InternalTimerService;
import io.weir.runtime.time.ProcessingTimeService;
import io.weir.runtime.time.SortedInputTimerService;
import io.weir.runtime.time.TimerDriver;
import io.weir.runtime.time.Triggerable;
import io.weir.runtime.time.WatermarkCombiner;
import io.weir.runtime.time.WatermarkStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators of one subtask, wired: each operator's output calls the next chained operators directly and
 * feeds the task's partition writers. Built and used on the task thread.
 */
public final class OperatorChain {
    private final JobVertex vertex;
    private final String subtaskLabel;
    private final StreamOperator<?>[] operators;
    private final Output<?>[] outputs;
    /** Per operator, the driver of its keyed timers if it asked for them (else null). */
    private final TimerDriver[] timers;
    private final GuardedInput<Object>[] headInputs;
    /** The head's keyed state, when its input is sorted by key and the input sets the key (else null). */
    private KeyedStateBackend sortedHeadKeyedState;
    /** The head's inputs combined: their minimum watermark, ignoring idle inputs. */
    private final WatermarkCombiner headInputWatermarks;
    private final WatermarkCombiner.Listener headWatermarkTarget = new WatermarkCombiner.Listener() {
        @Override
        public void onWatermark(long watermark) {
            forwardWatermark(0, watermark);
        }

        @Override
        public void onStatus(WatermarkStatus status) {
            forwardWatermarkStatus(0, status);
        }
    };
    private int opened;

    /** Everything a chain needs from its task. */
    record Setup(JobVertex vertex, int subtask, int attempt, String jobName, int maxParallelism,
                 Configuration configuration, ProcessingClock clock, ProcessingTimeService processingTime,
                 List<StreamOperator<?>> operators, Map<JobEdge, PartitionWriter> writers,
                 Map<String, Accumulator<?, ?>> accumulators) {
    }

    /** Opens the chain; if an operator fails to open, those already opened are closed before the failure is thrown. */
    static OperatorChain open(Setup setup) {
        return new OperatorChain(setup);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private OperatorChain(Setup setup) {
        this.vertex = setup.vertex();
        this.subtaskLabel = (setup.subtask() + 1) + "/" + vertex.parallelism();
        List<ChainedOperator> specs = vertex.operators();
        int n = specs.size();
        this.operators = setup.operators().toArray(new StreamOperator<?>[0]);
        this.outputs = new Output<?>[n];
        this.timers = new TimerDriver[n];
        OperatorInput<Object>[][] inputs = new OperatorInput[n][];
        ChainedWatermarkTarget[] watermarkTargets = new ChainedWatermarkTarget[n];
        // Open from the tail so that every operator's targets are open (and their inputs known) first.
        for (int i = n - 1; i >= 0; i--) {
            ChainedOperator spec = specs.get(i);
            KeyedStateBackend keyedState = keyedState(spec, setup);
            Output<?> output = buildOutput(spec, i, inputs, watermarkTargets, setup.writers());
            outputs[i] = output;
            OperatorRuntimeContext rc = new OperatorRuntimeContext(setup.jobName(), spec.name(), setup.subtask(),
                    vertex.parallelism(), setup.maxParallelism(), setup.attempt(), keyedState, setup.accumulators());
            StreamOperator op = operators[i];
            try {
                op.open(new Context(i, spec, (Output) output, rc, keyedState, setup));
            } catch (Exception e) {
                opened = n - i;
                OperatorException failure = new OperatorException(spec.name(), subtaskLabel, e);
                Throwable closeFailure = close();
                if (closeFailure != null) {
                    failure.addSuppressed(closeFailure);
                }
                throw failure;
            }
            opened = n - i;
            inputs[i] = new GuardedInput[spec.numberOfInputs()];
            // With input sorted by key, the sorting input already knows the key and sets it once per key.
            boolean inputSetsKey = spec.keyedState() == KeyedStateKind.SINGLE_KEY_SORTED_INPUT;
            if (inputSetsKey && i == 0) {
                sortedHeadKeyedState = keyedState;
            }
            for (int in = 0; in < spec.numberOfInputs(); in++) {
                KeySelector key = spec.isKeyed() && !inputSetsKey ? spec.keySelectors().get(in) : null;
                inputs[i][in] = new GuardedInput(op.input(in), spec.name(), subtaskLabel, key, keyedState);
            }
            watermarkTargets[i] = new ChainedTarget(i);
        }
        this.headInputs = (GuardedInput<Object>[]) inputs[0];
        this.headInputWatermarks = new WatermarkCombiner(specs.get(0).numberOfInputs());
    }

    private KeyedStateBackend keyedState(ChainedOperator spec, Setup setup) {
        return switch (spec.keyedState()) {
            case NONE -> null;
            case HEAP_BY_KEY_GROUP -> new HeapKeyedStateBackend(setup.maxParallelism(),
                    KeyGroups.firstKeyGroup(setup.subtask(), setup.maxParallelism(), vertex.parallelism()),
                    KeyGroups.lastKeyGroup(setup.subtask(), setup.maxParallelism(), vertex.parallelism()),
                    "operator '" + spec.name() + "' (subtask " + subtaskLabel + ")");
            case SINGLE_KEY_SORTED_INPUT -> new SingleKeyStateBackend();
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output<?> buildOutput(ChainedOperator spec, int index, OperatorInput<Object>[][] inputs,
                                  ChainedWatermarkTarget[] watermarkTargets, Map<JobEdge, PartitionWriter> writers) {
        Map<OutputTag<?>, List<OperatorInput<Object>>> chained = new LinkedHashMap<>();
        Map<OutputTag<?>, List<ChainedWatermarkTarget>> marks = new LinkedHashMap<>();
        Map<OutputTag<?>, List<PartitionWriter>> network = new LinkedHashMap<>();
        for (ChainLink link : spec.chainedOutputs()) {
            chained.computeIfAbsent(link.tag(), t -> new ArrayList<>()).add(inputs[link.targetOperator()][0]);
            marks.computeIfAbsent(link.tag(), t -> new ArrayList<>()).add(watermarkTargets[link.targetOperator()]);
        }
        for (Map.Entry<JobEdge, PartitionWriter> w : writers.entrySet()) {
            if (w.getKey().sourceOperator() == index) {
                network.computeIfAbsent(w.getKey().tag(), t -> new ArrayList<>()).add(w.getValue());
            }
        }
        Map<OutputTag<?>, ChainOutput.Targets> side = new HashMap<>();
        java.util.Set<OutputTag<?>> tags = new java.util.HashSet<>(chained.keySet());
        tags.addAll(network.keySet());
        tags.remove(null);
        for (OutputTag<?> tag : tags) {
            side.put(tag, targets(chained.get(tag), marks.get(tag), network.get(tag)));
        }
        return new ChainOutput(spec.name(), subtaskLabel, targets(chained.get(null), marks.get(null),
                network.get(null)), side);
    }

    @SuppressWarnings("unchecked")
    private static ChainOutput.Targets targets(List<OperatorInput<Object>> chained, List<ChainedWatermarkTarget> marks,
                                               List<PartitionWriter> writers) {
        return new ChainOutput.Targets(
                chained == null ? new OperatorInput[0] : chained.toArray(new OperatorInput[0]),
                marks == null ? new ChainedWatermarkTarget[0] : marks.toArray(new ChainedWatermarkTarget[0]),
                writers == null ? new PartitionWriter[0] : writers.toArray(new PartitionWriter[0]));
    }

    /** A chained operator as the target of its producer's watermarks and statuses. */
    private final class ChainedTarget implements ChainedWatermarkTarget {
        private final int index;

        ChainedTarget(int index) {
            this.index = index;
        }

        @Override
        public void processWatermark(long watermark) {
            forwardWatermark(index, watermark);
        }

        @Override
        public void processWatermarkStatus(WatermarkStatus status) {
            forwardWatermarkStatus(index, status);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void forwardWatermarkStatus(int index, WatermarkStatus status) {
        try {
            ((StreamOperator) operators[index]).processWatermarkStatus(status, outputs[index]);
        } catch (OperatorException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(vertex.operators().get(index).name(), subtaskLabel, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void forwardWatermark(int index, long watermark) {
        try {
            if (timers[index] != null) {
                timers[index].advanceWatermark(watermark);
            }
            ((StreamOperator) operators[index]).processWatermark(watermark, outputs[index]);
        } catch (OperatorException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(vertex.operators().get(index).name(), subtaskLabel, e);
        }
    }

    StreamOperator<?> head() {
        return operators[0];
    }

    /** The head's input {@code index}, guarded and keyed. */
    GuardedInput<Object> headInput(int index) {
        return headInputs[index];
    }

    int numberOfHeadInputs() {
        return headInputs.length;
    }

    /**
     * A head input's watermark advanced: the head sees the minimum over its inputs that are not idle.
     * {@code Long.MAX_VALUE} ends the input's event time.
     */
    void headInputWatermark(int input, long watermark) {
        headInputWatermarks.updateWatermark(input, watermark, headWatermarkTarget);
    }

    /** A head input went idle or became active: the head is idle when all its inputs are. */
    void headInputWatermarkStatus(int input, WatermarkStatus status) {
        headInputWatermarks.updateStatus(input, status, headWatermarkTarget);
    }

    /** A failure of the head operator outside of its input methods (e.g. a source reader). */
    OperatorException failureOfHead(Exception cause) {
        return new OperatorException(vertex.head().name(), subtaskLabel, cause);
    }

    void endHeadInput(int input) {
        try {
            operators[0].endInput(input);
        } catch (OperatorException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(vertex.head().name(), subtaskLabel, e);
        }
    }

    /** With input sorted by key: the records that follow belong to {@code key}. */
    void startKey(Object key) {
        if (sortedHeadKeyedState == null) {
            throw new IllegalStateException("Task '" + vertex.name() + "' does not process its input sorted by key");
        }
        sortedHeadKeyedState.setCurrentKey(key);
    }

    /** With input sorted by key: the current key's records are all processed. */
    void endOfKey() {
        if (timers[0] != null || operators[0] instanceof io.weir.runtime.operators.KeyBoundaryListener) {
            try {
                if (timers[0] != null) {
                    timers[0].endOfKey();
                }
                if (operators[0] instanceof io.weir.runtime.operators.KeyBoundaryListener listener) {
                    listener.endOfKey();
                }
            } catch (OperatorException | TaskCancelledException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorException(vertex.head().name(), subtaskLabel, e);
            }
        }
    }

    /** Every input ended: finishes the operators head first, so each sees the end after its producer emitted all. */
    void finish() {
        for (int i = 0; i < operators.length; i++) {
            try {
                if (i > 0) {
                    operators[i].endInput(0);
                }
                if (timers[i] != null) {
                    timers[i].endOfInput();
                }
                operators[i].finish();
            } catch (OperatorException | TaskCancelledException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorException(vertex.operators().get(i).name(), subtaskLabel, e);
            }
        }
    }

    /** Closes every opened operator; the first failure is returned (others suppressed into it), none thrown. */
    Throwable close() {
        Throwable failure = null;
        for (int i = operators.length - opened; i < operators.length; i++) {
            try {
                operators[i].close();
            } catch (Throwable t) {
                OperatorException e = new OperatorException(vertex.operators().get(i).name(), subtaskLabel, t);
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }

    /** One operator's view of its task. */
    private final class Context implements OperatorContext<Object> {
        private final int index;
        private final ChainedOperator spec;
        private final Output<Object> output;
        private final OperatorRuntimeContext runtimeContext;
        private final KeyedStateBackend keyedState;
        private final Setup setup;
        private final ProcessingTimeService processingTime;

        Context(int index, ChainedOperator spec, Output<Object> output, OperatorRuntimeContext runtimeContext,
                KeyedStateBackend keyedState, Setup setup) {
            this.index = index;
            this.spec = spec;
            this.output = output;
            this.runtimeContext = runtimeContext;
            this.keyedState = keyedState;
            this.setup = setup;
            this.processingTime = new OperatorProcessingTimeService(setup.processingTime(), spec.name(), subtaskLabel);
        }

        @Override
        public Output<Object> output() {
            return output;
        }

        @Override
        public OperatorRuntimeContext runtimeContext() {
            return runtimeContext;
        }

        @Override
        public KeyedStateBackend keyedStateBackend() {
            return keyedState;
        }

        @Override
        public Configuration configuration() {
            return setup.configuration();
        }

        @Override
        public String operatorName() {
            return spec.name();
        }

        @Override
        public ProcessingTimeService processingTimeService() {
            return processingTime;
        }

        @Override
        public <K, N> InternalTimerService<N> timerService(Triggerable<K, N> target) {
            if (keyedState == null) {
                throw new IllegalStateException("Operator '" + spec.name() + "' is not keyed: timers need a keyed "
                        + "stream (use keyBy(...) before it)");
            }
            if (timers[index] != null) {
                throw new IllegalStateException("Operator '" + spec.name() + "' asked for its timer service twice");
            }
            return switch (spec.keyedState()) {
                case HEAP_BY_KEY_GROUP -> install(new HeapTimerService<>(keyedState, processingTime, target));
                case SINGLE_KEY_SORTED_INPUT -> install(new SortedInputTimerService<>(keyedState, processingTime, target));
                case NONE -> throw new IllegalStateException("Operator '" + spec.name() + "' keeps no keyed state");
            };
        }

        private <S extends InternalTimerService<N> & TimerDriver, N> S install(S service) {
            timers[index] = service;
            return service;
        }
    }
}
