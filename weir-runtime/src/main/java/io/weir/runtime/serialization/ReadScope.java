package io.weir.runtime.serialization;

import java.util.ArrayList;

/**
 * The reading side of a {@link WriteScope}: the classes defined so far, by id. Reset exactly where the
 * writer reset its scope (at every block start). One reader thread.
 */
public final class ReadScope {
    final RecordSerializer owner;
    private final ArrayList<ClassPlan> dictionary = new ArrayList<>();

    ReadScope(RecordSerializer owner) {
        this.owner = owner;
    }

    public void reset() {
        dictionary.clear();
    }

    void define(ClassPlan plan) {
        dictionary.add(plan);
    }

    /** The class {@code distance} entries back from the end, as written by {@link WriteScope}. */
    ClassPlan back(int distance) {
        int id = dictionary.size() - distance;
        if (distance <= 0 || id < 0) {
            throw new SerializationException("Class reference " + distance + " back points outside the "
                    + dictionary.size() + " classes defined so far: the data was read from a point its writer "
                    + "did not start a scope at, or is corrupt");
        }
        return dictionary.get(id);
    }
}
