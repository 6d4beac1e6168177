package io.weir.testjobs;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.StaticSplitEnumerator;
import io.weir.api.connector.source.Source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source of the job's own: the events of a CSV file, in {@code splits} ranges of lines. Split {@code i}
 * goes to reader {@code i % parallelism}, which reads its splits in order, so each reader's ids (and times, up to
 * their jitter) increase.
 */
public final class EventFileSource implements Source<Event, LineRangeSplit> {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final int splits;

    public EventFileSource(String path, int splits) {
        this.path = path;
        this.splits = splits;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<LineRangeSplit> createEnumerator(int parallelism) throws IOException {
        int lines = lines().size();
        List<LineRangeSplit> ranges = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            ranges.add(new LineRangeSplit(lines * i / splits, lines * (i + 1) / splits));
        }
        return new StaticSplitEnumerator<>(ranges, parallelism);
    }

    @Override
    public SourceReader<Event, LineRangeSplit> createReader(SourceReaderContext context) {
        return new Reader();
    }

    /** The event lines, without the header. */
    private List<String> lines() throws IOException {
        List<String> all = Files.readAllLines(Path.of(path));
        return all.subList(1, all.size());
    }

    private final class Reader implements SourceReader<Event, LineRangeSplit> {
        private List<String> lines;
        private int next;
        private int end;

        @Override
        public void addSplit(LineRangeSplit split) {
            try {
                if (lines == null) {
                    lines = lines();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read events from " + path, e);
            }
            next = split.from();
            end = split.to();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Event> output) {
            for (int emitted = 0; emitted < 100 && next < end; emitted++, next++) {
                output.collect(Event.parse(lines.get(next), path + " line " + (next + 2)));
            }
            return next < end ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_SPLIT;
        }
    }
}
