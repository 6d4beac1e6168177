/**
 * Tasks: one thread per subtask running a mailbox loop over its operator chain.
 * <pre>
 *            +--------------------------- StreamTask thread ---------------------------+
 * inbox ---> | batch | watermark | status | end | mail --> head op --> chained ops --> | --> partition writers
 *            +-------------------------------------------------------------------------+
 * </pre>
 * A source task pulls from its reader instead of an inbox. The head sees the minimum watermark over its inputs
 * that are not idle, and is idle when all of them are; a chained operator sees its producer's watermark and
 * status; an operator's output drops watermarks that do not advance, so event time never goes back in a task.
 * Failures are attributed to the operator that threw ({@link io.weir.runtime.task.OperatorException});
 * cancellation interrupts the thread.
 * <p>In BATCH a task reads finished result partitions instead: a keyed head through
 * {@link io.weir.runtime.task.SortingTaskInput}, one key at a time with each key's records in timestamp order;
 * an unkeyed two-input head with one keyed input reads the other input first, then the keyed one sorted the
 * same way ({@link io.weir.runtime.task.SequentialTaskInput}); other heads read input after input.
 */
package io.weir.runtime.task;
