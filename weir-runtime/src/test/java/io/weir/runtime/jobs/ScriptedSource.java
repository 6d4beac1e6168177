package io.weir.runtime.jobs;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.StaticSplitEnumerator;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source whose readers follow scripts, for event-time tests: script {@code i} is the split of reader
 * {@code i}; it emits runs of longs (each with itself as its timestamp) and may wait for a named signal,
 * raised by the test or by a function of the job ({@link #raise}). After its last step a bounded split ends
 * and an unbounded one stays open without records. Readers left without a script get no split: in an
 * unbounded source they wait for one forever, which makes them idle.
 */
final class ScriptedSource implements Source<Long, ScriptedSource.Script> {
    private static final int RECORDS_PER_POLL = 100;
    private static final Set<String> RAISED = ConcurrentHashMap.newKeySet();

    private final Boundedness boundedness;
    private final List<Script> scripts;

    ScriptedSource(Boundedness boundedness, List<Script> scripts) {
        this.boundedness = boundedness;
        this.scripts = List.copyOf(scripts);
    }

    static void raise(String signal) {
        RAISED.add(signal);
    }

    static Script script(int index, Step... steps) {
        return new Script(index, List.of(steps));
    }

    /** Emits {@code from..to}, each value with itself as timestamp. */
    static Step emit(long from, long to) {
        return new Step(from, to, null);
    }

    /** Waits (emitting nothing) until {@code signal} is raised. */
    static Step await(String signal) {
        return new Step(0, -1, signal);
    }

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public SplitEnumerator<Script> createEnumerator(int parallelism) {
        return new StaticSplitEnumerator<>(scripts, parallelism);
    }

    @Override
    public SourceReader<Long, Script> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private List<Step> steps = List.of();
            private int step;
            private long next;

            @Override
            public void addSplit(Script split) {
                steps = split.steps();
                step = 0;
                next = steps.isEmpty() ? 0 : steps.get(0).from();
            }

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                int emitted = 0;
                while (step < steps.size() && emitted < RECORDS_PER_POLL) {
                    Step s = steps.get(step);
                    if (s.signal() != null && !RAISED.contains(s.signal())) {
                        return InputStatus.NOTHING_AVAILABLE;
                    }
                    if (s.signal() == null && next <= s.to()) {
                        output.collect(next, next);
                        next++;
                        emitted++;
                        continue;
                    }
                    step++;
                    next = step < steps.size() ? steps.get(step).from() : 0;
                }
                if (step < steps.size()) {
                    return InputStatus.MORE_AVAILABLE;
                }
                return boundedness == Boundedness.BOUNDED ? InputStatus.END_OF_SPLIT : InputStatus.NOTHING_AVAILABLE;
            }
        };
    }

    /** One step of a script: a run of values, or a wait for a signal. */
    record Step(long from, long to, String signal) implements Serializable {
    }

    record Script(int index, List<Step> steps) implements SourceSplit {
        @Override
        public String splitId() {
            return "script-" + index;
        }
    }
}
