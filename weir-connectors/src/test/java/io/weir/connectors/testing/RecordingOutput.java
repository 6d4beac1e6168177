package io.weir.connectors.testing;

import io.weir.api.connector.source.ReaderOutput;

import java.util.ArrayList;
import java.util.List;

/** Keeps every record a reader emits, in order. */
public final class RecordingOutput<T> implements ReaderOutput<T> {
    private final List<T> records = new ArrayList<>();

    @Override
    public void collect(T record) {
        records.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
    }

    public List<T> records() {
        return records;
    }

    /** Returns the records collected so far and starts a fresh list. */
    public List<T> drain() {
        List<T> copy = new ArrayList<>(records);
        records.clear();
        return copy;
    }
}
