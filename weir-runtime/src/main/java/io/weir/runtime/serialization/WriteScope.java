package io.weir.runtime.serialization;

import java.util.Arrays;

/**
 * The class dictionary of one self-contained stretch of serialized output, such as one on-disk block: the
 * first value in the scope that uses a class writes its name and gives it the next number; later ones
 * write only a back-reference. {@link #reset()} at every point a reader may start from.
 *
 * <p>Back-references count backwards from the end of the dictionary ({@code size - id}), so a value whose
 * classes are all defined within itself reads the same wherever it is placed: its bytes can be copied out
 * of a block and read on their own. Reset is O(1): entries from older epochs are ignored, not cleared.
 * Created by {@link RecordSerializer#newWriteScope()}; usable only with that serializer, on its thread.
 */
public final class WriteScope {
    final RecordSerializer owner;
    /** Dictionary entries are valid only when their epoch equals the scope's current one. */
    private int epoch = 1;
    private int[] epochs = new int[32];
    private int[] ids = new int[32];
    /** Entries defined so far in this scope; also counts those defined by nested scopes within it. */
    int size;

    WriteScope(RecordSerializer owner) {
        this.owner = owner;
    }

    /** Starts a new scope: the next value writes every class name again. */
    public void reset() {
        epoch++;
        size = 0;
    }

    /** A fresh scope continuing the numbering of an enclosing one (for values that must stand alone). */
    void resetContinuing(int startSize) {
        epoch++;
        size = startSize;
    }

    /** The id of {@code plan} in this scope, or -1 when it is not defined yet. */
    int idOf(ClassPlan plan) {
        int i = plan.index;
        return i < epochs.length && epochs[i] == epoch ? ids[i] : -1;
    }

    int define(ClassPlan plan) {
        int i = plan.index;
        if (i >= epochs.length) {
            int length = Math.max(i + 1, epochs.length * 2);
            epochs = Arrays.copyOf(epochs, length);
            ids = Arrays.copyOf(ids, length);
        }
        epochs[i] = epoch;
        ids[i] = size;
        return size++;
    }

    /** Forgets a definition made by a value whose serialization failed. */
    void undefine(ClassPlan plan) {
        epochs[plan.index] = 0;
    }
}
