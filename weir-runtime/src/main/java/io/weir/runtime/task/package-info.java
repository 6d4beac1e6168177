/**
 * Tasks: one thread per subtask running a mailbox loop over its operator chain.
 * <pre>
 *            +------------------------ StreamTask thread ------------------------+
 * inbox ---> | batch | watermark | end | mail  --> head op --> chained ops -->   | --> partition writers
 *            +--------------------------------------------------------------------+
 * </pre>
 * A source task pulls from its reader instead of an inbox. Failures are attributed to the operator that
 * threw ({@link io.weir.runtime.task.OperatorException}); cancellation interrupts the thread.
 */
package io.weir.runtime.task;
