package io.weir.runtime.testing;

import io.weir.api.common.OutputTag;
import io.weir.api.config.Configuration;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.graph.ProcessingClock;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.OperatorRuntimeContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.state.SingleKeyStateBackend;
import io.weir.runtime.time.FrozenProcessingTimeService;
import io.weir.runtime.time.HeapTimerService;
import io.weir.runtime.time.InternalTimerService;
import io.weir.runtime.time.ProcessingTimeService;
import io.weir.runtime.time.SortedInputTimerService;
import io.weir.runtime.time.TimerDriver;
import io.weir.runtime.time.Triggerable;
import io.weir.runtime.time.WatermarkStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one operator in a test without a job: the test feeds records, watermarks and processing time and reads
 * what the operator emitted. The operator gets the same state backends and timer services a task gives it in
 * each mode: {@link #streaming} (heap state by key group, watermark-driven timers, a manual processing clock) or
 * {@link #batch} (one key's state, timers fired at {@link #endOfKey()}, frozen processing time).
 */
public final class OperatorHarness<OUT> {
    /** One emitted record, watermark or watermark status (then {@code status} is set), in emission order. */
    public record Emitted(Object value, long timestamp, OutputTag<?> sideOutput, boolean isWatermark,
                          WatermarkStatus status) {
        public Emitted(Object value, long timestamp, OutputTag<?> sideOutput, boolean isWatermark) {
            this(value, timestamp, sideOutput, isWatermark, null);
        }

        public boolean isRecord() {
            return !isWatermark && status == null;
        }
    }

    private final StreamOperator<OUT> operator;
    private final List<KeySelector<Object, Object>> keySelectors;
    private final KeyedStateBackend keyedState;
    private final boolean sortedInput;
    private final ManualProcessingTimeService manualTime;
    private final ProcessingTimeService processingTime;
    private final List<Emitted> emitted = new ArrayList<>();
    private final Map<String, Object> accumulators = new HashMap<>();
    private TimerDriver timers;
    private final List<OperatorInput<Object>> inputs = new ArrayList<>();
    private final Configuration configuration;

    private OperatorHarness(StreamOperator<OUT> operator, List<KeySelector<Object, Object>> keySelectors,
                            KeyedStateBackend keyedState, boolean sortedInput, ManualProcessingTimeService manualTime,
                            ProcessingTimeService processingTime, Configuration configuration) {
        this.configuration = configuration;
        this.operator = operator;
        this.keySelectors = keySelectors;
        this.keyedState = keyedState;
        this.sortedInput = sortedInput;
        this.manualTime = manualTime;
        this.processingTime = processingTime;
    }

    /** STREAMING: keyed by {@code keySelectors} (one per input; none for an operator that is not keyed). */
    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <OUT> OperatorHarness<OUT> streaming(StreamOperator<OUT> operator, long startProcessingTime,
                                                       KeySelector<?, ?>... keySelectors) throws Exception {
        return streaming(operator, startProcessingTime, new Configuration(), keySelectors);
    }

    /** STREAMING, with the job's {@code configuration} (e.g. {@code pipeline.auto-watermark-interval}). */
    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <OUT> OperatorHarness<OUT> streaming(StreamOperator<OUT> operator, long startProcessingTime,
                                                       Configuration configuration,
                                                       KeySelector<?, ?>... keySelectors) throws Exception {
        ManualProcessingTimeService time = new ManualProcessingTimeService(startProcessingTime);
        KeyedStateBackend state = keySelectors.length == 0 ? null
                : new HeapKeyedStateBackend(128, 0, 127, "operator under test");
        OperatorHarness<OUT> h = new OperatorHarness<>(operator, (List) List.of(keySelectors), state, false, time, time,
                configuration);
        h.open();
        return h;
    }

    /** BATCH: keyed input arrives sorted by key; processing time is frozen at {@code processingTime}. */
    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <OUT> OperatorHarness<OUT> batch(StreamOperator<OUT> operator, long processingTime,
                                                   KeySelector<?, ?>... keySelectors) throws Exception {
        KeyedStateBackend state = keySelectors.length == 0 ? null : new SingleKeyStateBackend();
        OperatorHarness<OUT> h = new OperatorHarness<>(operator, (List) List.of(keySelectors), state, true, null,
                new FrozenProcessingTimeService(ProcessingClock.frozenAt(processingTime)), new Configuration());
        h.open();
        return h;
    }

    private final RecordingOutput output = new RecordingOutput(emitted);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void open() throws Exception {
        Output<OUT> output = (Output) this.output;
        OperatorRuntimeContext rc = new OperatorRuntimeContext("test job", "operator under test", 0, 1, 128, 0,
                keyedState, (Map) accumulators);
        operator.open(new OperatorContext<>() {
            @Override
            public Output<OUT> output() {
                return output;
            }

            @Override
            public OperatorRuntimeContext runtimeContext() {
                return rc;
            }

            @Override
            public KeyedStateBackend keyedStateBackend() {
                return keyedState;
            }

            @Override
            public Configuration configuration() {
                return configuration;
            }

            @Override
            public String operatorName() {
                return "operator under test";
            }

            @Override
            public ProcessingTimeService processingTimeService() {
                return processingTime;
            }

            @Override
            public <K, N> InternalTimerService<N> timerService(Triggerable<K, N> target) {
                if (keyedState == null) {
                    throw new IllegalStateException("Operator 'operator under test' is not keyed");
                }
                if (sortedInput) {
                    SortedInputTimerService<K, N> s = new SortedInputTimerService<>(keyedState, processingTime, target);
                    timers = s;
                    return s;
                }
                HeapTimerService<K, N> s = new HeapTimerService<>(keyedState, processingTime, target);
                timers = s;
                return s;
            }
        });
        int n = Math.max(1, keySelectors.size());
        for (int i = 0; i < n; i++) {
            inputs.add((OperatorInput<Object>) operator.input(i));
        }
    }

    public void processElement(Object value, long timestamp) throws Exception {
        processElement(0, value, timestamp);
    }

    /** Sets the record's key (STREAMING) or checks it is the current one (BATCH), then processes it. */
    public void processElement(int input, Object value, long timestamp) throws Exception {
        if (keyedState != null) {
            Object key = keySelectors.get(input).getKey(value);
            if (sortedInput && keyedState.getCurrentKey() != null && !key.equals(keyedState.getCurrentKey())) {
                throw new IllegalStateException("BATCH harness: call startKey(" + key + ") first, after endOfKey()");
            }
            keyedState.setCurrentKey(key);
        }
        inputs.get(input).processElement(value, timestamp);
    }

    /** BATCH: the following records belong to {@code key}. */
    public void startKey(Object key) {
        keyedState.setCurrentKey(key);
    }

    /** BATCH: the current key's records are done; its timers fire. */
    public void endOfKey() throws Exception {
        if (timers != null) {
            timers.endOfKey();
        }
        if (operator instanceof io.weir.runtime.operators.KeyBoundaryListener l) {
            l.endOfKey();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void processWatermark(long watermark) throws Exception {
        if (timers != null) {
            timers.advanceWatermark(watermark);
        }
        ((StreamOperator) operator).processWatermark(watermark, output);
    }

    /** The operator's input went idle or became active again. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        ((StreamOperator) operator).processWatermarkStatus(status, output);
    }

    /** STREAMING: moves processing time and runs what came due. */
    public void setProcessingTime(long time) throws Exception {
        if (manualTime == null) {
            throw new IllegalStateException("Processing time is frozen in the BATCH harness");
        }
        manualTime.advanceTo(time);
    }

    /** Ends every input the way a task does: MAX_WATERMARK, end of each input, final timers, finish. */
    public void endInput() throws Exception {
        processWatermark(Long.MAX_VALUE);
        for (int i = 0; i < inputs.size(); i++) {
            operator.endInput(i);
        }
        if (timers != null) {
            timers.endOfInput();
        }
        operator.finish();
    }

    public void close() throws Exception {
        operator.close();
    }

    /** Everything emitted so far, records and watermarks, in order. */
    public List<Emitted> emitted() {
        return emitted;
    }

    /** The main output's records so far, in order. */
    @SuppressWarnings("unchecked")
    public List<OUT> records() {
        List<OUT> out = new ArrayList<>();
        for (Emitted e : emitted) {
            if (e.isRecord() && e.sideOutput() == null) {
                out.add((OUT) e.value());
            }
        }
        return out;
    }

    /** A side output's records so far, in order. */
    @SuppressWarnings("unchecked")
    public <X> List<X> sideOutput(OutputTag<X> tag) {
        List<X> out = new ArrayList<>();
        for (Emitted e : emitted) {
            if (tag.equals(e.sideOutput())) {
                out.add((X) e.value());
            }
        }
        return out;
    }

    public List<Long> watermarks() {
        List<Long> out = new ArrayList<>();
        for (Emitted e : emitted) {
            if (e.isWatermark()) {
                out.add(e.timestamp());
            }
        }
        return out;
    }

    /** The watermark statuses emitted so far, in order. */
    public List<WatermarkStatus> statuses() {
        List<WatermarkStatus> out = new ArrayList<>();
        for (Emitted e : emitted) {
            if (e.status() != null) {
                out.add(e.status());
            }
        }
        return out;
    }

    /** Watermarks (as Long) and statuses, in the order they were emitted. */
    public List<Object> eventTime() {
        List<Object> out = new ArrayList<>();
        for (Emitted e : emitted) {
            if (e.isWatermark()) {
                out.add(e.timestamp());
            } else if (e.status() != null) {
                out.add(e.status());
            }
        }
        return out;
    }

    /**
     * The operator's keyed state (null when it is not keyed), to check what it keeps. Setting a key here in the
     * BATCH harness drops the current key's state, as a key change does.
     */
    public KeyedStateBackend keyedStateBackend() {
        return keyedState;
    }

    /** The value of the accumulator the operator registered under {@code name}, or null if it has none. */
    public Object accumulatorValue(String name) {
        Object accumulator = accumulators.get(name);
        return accumulator == null ? null : ((io.weir.api.accumulators.Accumulator<?, ?>) accumulator).getLocalValue();
    }

    /** Forgets what was emitted so far. */
    public void clearEmitted() {
        emitted.clear();
    }
}
