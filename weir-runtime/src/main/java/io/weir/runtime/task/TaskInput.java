package io.weir.runtime.task;

/**
 * Where a task's records come from: a source reader, pipelined channels, or (BATCH) finished result
 * partitions, possibly sorted by key. It feeds the operator chain until its input ends. The mode decides
 * which implementation a task gets, at deployment; the task loop itself is the same for all.
 */
public interface TaskInput {
    /** Runs on the task thread; returns when every input has ended (the chain is then finished by the task). */
    void process(OperatorChain chain, TaskControl control) throws Exception;

    /** Releases files or readers; called once on the task thread, after {@link #process} or a failure. */
    default void close() {
    }
}
