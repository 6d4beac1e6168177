/**
 * Exchanges between tasks.
 * <pre>
 * producer task                                              consumer task
 *  PartitionWriter --batch of records--> PipelinedChannel --> TaskInbox --> InputGate (credits back)
 *    (one RecordBatch per channel,        (credits: at most N batches in flight = backpressure)
 *     sent when full or on flush)
 * </pre>
 * Records are passed by reference, a batch at a time: no lock, queue operation or allocation per record.
 * Keyed routing goes key -> hash -> key group -> subtask ({@link io.weir.runtime.exchange.KeyGroups}).
 */
package io.weir.runtime.exchange;
