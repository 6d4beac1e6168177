package io.weir.runtime.task;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.exchange.blocking.BlockingPartitionReader;
import io.weir.runtime.serialization.DataInputView;
import io.weir.runtime.serialization.DataOutputBuffer;
import io.weir.runtime.serialization.RecordSerializer;
import io.weir.runtime.sort.ExternalSorter;
import io.weir.runtime.sort.SortedEntries;

import java.nio.file.Path;
import java.util.List;

/**
 * BATCH input of a keyed task: every record of every input goes into one external sort by key, so that the
 * operator then sees one key at a time, with that key's records from all inputs together (each input's records
 * in their original order). The key is set on the operator's single-key state once per key, from its sorted
 * bytes. After a key's last record the head is told the key ended; after the last key each
 * input ends with {@code MAX_WATERMARK}.
 *
 * <p>Sort entries: key = the key's serialized bytes; value = input index and whether a timestamp follows (one
 * byte), the timestamp if any, the serialized record. Keys are
 * compared as bytes, so equal keys must serialize to equal bytes ({@link RecordSerializer#serializeKey}).
 */
public final class SortingTaskInput implements TaskInput {
    private static final int CANCEL_CHECK_INTERVAL = 4096;
    private static final int HAS_TIMESTAMP = 0x80;
    private static final int INPUT_MASK = 0x7F;
    private final List<List<InputPartition>> partitionsByInput;
    private final List<KeySelector<?, ?>> keySelectors;
    private final ClassLoader userClassLoader;
    private final long sortMemory;
    private final Path spillDirectory;
    private final String taskName;
    private ExternalSorter sorter;

    public SortingTaskInput(List<List<InputPartition>> partitionsByInput, List<KeySelector<?, ?>> keySelectors,
                            ClassLoader userClassLoader, long sortMemory, Path spillDirectory, String taskName) {
        if (partitionsByInput.size() > INPUT_MASK + 1) {
            throw new IllegalArgumentException("Task '" + taskName + "' has " + partitionsByInput.size()
                    + " keyed inputs; a sorted input takes at most " + (INPUT_MASK + 1));
        }
        this.partitionsByInput = partitionsByInput;
        this.keySelectors = keySelectors;
        this.userClassLoader = userClassLoader;
        this.sortMemory = sortMemory;
        this.spillDirectory = spillDirectory;
        this.taskName = taskName;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void process(OperatorChain chain, TaskControl control) throws Exception {
        RecordSerializer fileSerializer = new RecordSerializer(userClassLoader);
        // Sorted entries are read in a different order than written: values must stand alone (no class dictionary).
        RecordSerializer sortSerializer = new RecordSerializer(userClassLoader);
        sorter = new ExternalSorter(sortMemory, spillDirectory, taskName);
        DataOutputBuffer key = new DataOutputBuffer();
        DataOutputBuffer value = new DataOutputBuffer();
        int sinceCheck = 0;
        for (int input = 0; input < partitionsByInput.size(); input++) {
            KeySelector selector = keySelectors.get(input);
            for (InputPartition partition : partitionsByInput.get(input)) {
                try (BlockingPartitionReader reader = PartitionReaders.open(partition, fileSerializer)) {
                    while (PartitionReaders.next(reader, partition)) {
                        Object record = reader.value();
                        Object k;
                        try {
                            k = selector.getKey(record);
                        } catch (Exception e) {
                            throw chain.failureOfHead(e);
                        }
                        key.reset();
                        sortSerializer.serializeKey(k, key);
                        value.reset();
                        writeHeader(value, input, reader.timestamp());
                        sortSerializer.serializeStandalone(record, value);
                        sorter.add(key.data(), 0, key.position(), value.data(), 0, value.position());
                        if (++sinceCheck == CANCEL_CHECK_INTERVAL) {
                            sinceCheck = 0;
                            control.checkCancelled();
                        }
                    }
                }
            }
        }
        SortedEntries entries = sorter.finish();
        DataInputView in = new DataInputView();
        DataInputView keyBytes = new DataInputView();
        boolean any = false;
        while (entries.next()) {
            if (!any || !entries.keyEqualsPrevious()) {
                if (any) {
                    chain.endOfKey();
                }
                // The key is read once per key from its sorted bytes: no key selector call per record.
                keyBytes.set(entries.keyArray(), entries.keyOffset(), entries.keyLength());
                chain.startKey(sortSerializer.deserializeKey(keyBytes));
            }
            any = true;
            in.set(entries.valueArray(), entries.valueOffset(), entries.valueLength());
            int header = in.readByte() & 0xFF;
            int input = header & INPUT_MASK;
            long timestamp = (header & HAS_TIMESTAMP) != 0 ? in.readSignedVarLong() : TimestampAssigner.NO_TIMESTAMP;
            chain.headInput(input).processElement(sortSerializer.deserializeStandalone(in), timestamp);
            if (++sinceCheck == CANCEL_CHECK_INTERVAL) {
                sinceCheck = 0;
                control.checkCancelled();
            }
        }
        if (any) {
            chain.endOfKey();
        }
        for (int input = 0; input < partitionsByInput.size(); input++) {
            chain.headInputWatermark(input, Long.MAX_VALUE);
            chain.endHeadInput(input);
        }
    }

    /**
     * The input index, with {@link #HAS_TIMESTAMP} set when a timestamp follows as a signed varint: records
     * without one spend one byte on it, event times usually four or five, where a long would take eight.
     */
    private static void writeHeader(DataOutputBuffer value, int input, long timestamp) {
        if (timestamp == TimestampAssigner.NO_TIMESTAMP) {
            value.writeByte(input);
        } else {
            value.writeByte(input | HAS_TIMESTAMP);
            value.writeSignedVarLong(timestamp);
        }
    }

    @Override
    public void close() {
        if (sorter != null) {
            sorter.close();
        }
    }
}
