package io.weir.connectors.testing;

import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.eventtime.Watermark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every record a reader emits, in order, whichever output (the reader's or a split's) it went through,
 * and the watermarks the reader emitted itself.
 */
public final class RecordingOutput<T> implements ReaderOutput<T> {
    private final List<T> records = new ArrayList<>();
    private final List<Watermark> watermarks = new ArrayList<>();
    private final Map<String, SourceOutput<T>> splitOutputs = new HashMap<>();

    @Override
    public void collect(T record) {
        records.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        watermarks.add(watermark);
    }

    @Override
    public void markIdle() {
    }

    @Override
    public void markActive() {
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return splitOutputs.computeIfAbsent(splitId, id -> new SourceOutput<>() {
            @Override
            public void collect(T record) {
                records.add(record);
            }

            @Override
            public void collect(T record, long timestamp) {
                records.add(record);
            }

            @Override
            public void emitWatermark(Watermark watermark) {
                watermarks.add(watermark);
            }

            @Override
            public void markIdle() {
            }

            @Override
            public void markActive() {
            }
        });
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        splitOutputs.remove(splitId);
    }

    public List<T> records() {
        return records;
    }

    public List<Watermark> watermarks() {
        return watermarks;
    }

    /** Returns the records collected so far and starts a fresh list. */
    public List<T> drain() {
        List<T> copy = new ArrayList<>(records);
        records.clear();
        return copy;
    }
}
