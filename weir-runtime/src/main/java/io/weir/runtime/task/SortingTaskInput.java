package io.weir.runtime.task;

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
 * BATCH input of a keyed task: every record of every keyed input goes into one external sort by key and then
 * event timestamp, so that the operator then sees one key at a time, with that key's records from all keyed
 * inputs together in timestamp order, as Flink's sorted inputs deliver them. Records without a timestamp come
 * first within their key, in arrival order; records with equal timestamps keep arrival order, the inputs in
 * index order. The key is set on the operator's single-key state once per key, from its sorted
 * bytes. After a key's last record the head is told the key ended; after the last key each
 * input ends with {@code MAX_WATERMARK}.
 *
 * <p>Sort entries: key = the key's serialized bytes; timestamp = the record's, if any; value = input index (one
 * byte), the serialized record. Keys are
 * compared as bytes, so equal keys must serialize to equal bytes ({@link RecordSerializer#serializeKey}).
 *
 * <p>An operator that is not keyed may have one keyed input beside one that is not (a keyed stream connected to
 * one that is not). Its keyed input is sorted here too, so that it arrives grouped by key and in timestamp order
 * within a key, as in Flink; there is no keyed state to set, so this input only groups ({@code setsKey} false),
 * and its key selector is null for the inputs it leaves to another task input (read before this one, see
 * {@link SequentialTaskInput}).
 */
public final class SortingTaskInput implements TaskInput {
    private static final int CANCEL_CHECK_INTERVAL = 4096;
    private static final int MAX_INPUTS = 128;
    private final List<List<InputPartition>> partitionsByInput;
    private final List<KeySelector<?, ?>> keySelectors;
    private final boolean setsKey;
    private final ClassLoader userClassLoader;
    private final long sortMemory;
    private final Path spillDirectory;
    private final String taskName;
    private ExternalSorter sorter;

    /**
     * @param keySelectors per input, the key it is sorted by; null for an input this one does not read
     * @param setsKey      whether the head keeps keyed state for the current key, which is set once per key and
     *                     told when the key ends; false for the keyed input of an operator that is not keyed
     */
    public SortingTaskInput(List<List<InputPartition>> partitionsByInput, List<KeySelector<?, ?>> keySelectors,
                            boolean setsKey, ClassLoader userClassLoader, long sortMemory, Path spillDirectory,
                            String taskName) {
        if (partitionsByInput.size() > MAX_INPUTS) {
            throw new IllegalArgumentException("Task '" + taskName + "' has " + partitionsByInput.size()
                    + " keyed inputs; a sorted input takes at most " + MAX_INPUTS);
        }
        this.partitionsByInput = partitionsByInput;
        this.keySelectors = keySelectors;
        this.setsKey = setsKey;
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
            if (selector == null) {
                continue;
            }
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
                        value.writeByte(input);
                        sortSerializer.serializeStandalone(record, value);
                        // The API's NO_TIMESTAMP is the sorter's: no translation.
                        sorter.add(key.data(), 0, key.position(), reader.timestamp(),
                                value.data(), 0, value.position());
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
            if (setsKey && (!any || !entries.keyEqualsPrevious())) {
                if (any) {
                    chain.endOfKey();
                }
                // The key is read once per key from its sorted bytes: no key selector call per record.
                keyBytes.set(entries.keyArray(), entries.keyOffset(), entries.keyLength());
                chain.startKey(sortSerializer.deserializeKey(keyBytes));
            }
            any = true;
            in.set(entries.valueArray(), entries.valueOffset(), entries.valueLength());
            int input = in.readByte() & 0xFF;
            chain.headInput(input).processElement(sortSerializer.deserializeStandalone(in), entries.timestamp());
            if (++sinceCheck == CANCEL_CHECK_INTERVAL) {
                sinceCheck = 0;
                control.checkCancelled();
            }
        }
        if (setsKey && any) {
            chain.endOfKey();
        }
        for (int input = 0; input < partitionsByInput.size(); input++) {
            if (keySelectors.get(input) != null) {
                chain.headInputWatermark(input, Long.MAX_VALUE);
                chain.endHeadInput(input);
            }
        }
    }

    @Override
    public void close() {
        if (sorter != null) {
            sorter.close();
        }
    }
}
