package io.weir.api.state;

/** State that takes values in and gives one result out. */
public interface AppendingState<IN, OUT> extends State {
    /** The result for the current key, or null if nothing was added. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}
