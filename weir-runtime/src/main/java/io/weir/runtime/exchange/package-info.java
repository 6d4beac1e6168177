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
 *
 * <p>Watermarks, watermark statuses (idle / active) and the end of a channel travel as
 * {@link io.weir.runtime.exchange.ChannelEvent}s in order with the batches, on every channel of the producer; the
 * consumer's {@link io.weir.runtime.exchange.InputGate} combines the channels of each input (minimum over the
 * channels that are not idle, never going back). Blocking (BATCH) partitions carry no watermarks: the consumer's
 * only one is {@code MAX_WATERMARK} at the end of its input.
 */
package io.weir.runtime.exchange;
