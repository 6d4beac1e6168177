package io.weir.connectors.testing;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a bounded source to its end the way the runtime does, in one thread: one enumerator, one reader per
 * subtask, each reader opened, fed split after split and polled until its split ends, closed when the
 * enumerator has nothing more for it. Readers take turns one poll at a time, so with a shared split queue
 * the splits interleave across readers as they would with real threads.
 */
public final class SourceHarness {
    /** A reader that says "nothing available" this often in a row is taken to be stuck. */
    private static final int MAX_IDLE_POLLS = 100_000;

    private SourceHarness() {
    }

    /** What a run produced: records per split (in the order splits were handed out) and per reader. */
    public record Run<T, S extends SourceSplit>(Map<S, List<T>> recordsBySplit, List<List<T>> recordsByReader,
                                                List<List<S>> splitsByReader, int maxRecordsPerPoll) {
        public List<T> allRecords() {
            List<T> all = new ArrayList<>();
            recordsByReader.forEach(all::addAll);
            return all;
        }
    }

    public static <T, S extends SourceSplit> Run<T, S> runToEnd(Source<T, S> source, int parallelism) throws Exception {
        SplitEnumerator<S> enumerator = source.createEnumerator(parallelism);
        List<SourceReader<T, S>> readers = new ArrayList<>();
        List<S> current = new ArrayList<>();
        List<Boolean> finished = new ArrayList<>();
        List<List<T>> recordsByReader = new ArrayList<>();
        List<List<S>> splitsByReader = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            SourceReader<T, S> reader = source.createReader(new TestReaderContext(i, parallelism));
            reader.open();
            readers.add(reader);
            current.add(null);
            finished.add(false);
            recordsByReader.add(new ArrayList<>());
            splitsByReader.add(new ArrayList<>());
        }
        Map<S, List<T>> recordsBySplit = new LinkedHashMap<>();
        RecordingOutput<T> output = new RecordingOutput<>();
        int maxPerPoll = 0;
        int idlePolls = 0;
        int running = parallelism;
        while (running > 0) {
            for (int i = 0; i < parallelism; i++) {
                if (finished.get(i)) {
                    continue;
                }
                SourceReader<T, S> reader = readers.get(i);
                if (current.get(i) == null) {
                    Optional<S> next = enumerator.nextSplit(i);
                    if (next.isEmpty()) {
                        reader.close();
                        finished.set(i, true);
                        running--;
                        continue;
                    }
                    S split = next.get();
                    if (recordsBySplit.containsKey(split)) {
                        throw new AssertionError("split handed out twice: " + split.splitId());
                    }
                    recordsBySplit.put(split, new ArrayList<>());
                    splitsByReader.get(i).add(split);
                    current.set(i, split);
                    reader.addSplit(split);
                }
                InputStatus status = reader.pollNext(output);
                List<T> emitted = output.drain();
                maxPerPoll = Math.max(maxPerPoll, emitted.size());
                recordsBySplit.get(current.get(i)).addAll(emitted);
                recordsByReader.get(i).addAll(emitted);
                if (status == InputStatus.END_OF_SPLIT) {
                    current.set(i, null);
                }
                idlePolls = status == InputStatus.NOTHING_AVAILABLE && emitted.isEmpty() ? idlePolls + 1 : 0;
                if (idlePolls > MAX_IDLE_POLLS) {
                    throw new AssertionError("reader " + i + " reports nothing available forever");
                }
            }
        }
        return new Run<>(recordsBySplit, recordsByReader, splitsByReader, maxPerPoll);
    }
}
