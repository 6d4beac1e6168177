/**
 * Time services: processing time for a task ({@link io.weir.runtime.time.ProcessingTimeService}) and the
 * keyed timers of an operator ({@link io.weir.runtime.time.InternalTimerService}).
 *
 * <p>The mode picks the implementations once, through the job graph: in STREAMING, timers live in
 * per-operator priority queues, event-time timers fire as the watermark passes them and processing-time timers
 * fire from the wall clock through the task's mailbox ({@link io.weir.runtime.time.HeapTimerService},
 * {@link io.weir.runtime.time.MailboxProcessingTimeService}). In BATCH the input is sorted by key, so only the
 * current key's timers exist; they all fire at the end of the key, event time first, with the watermark at
 * {@code MAX_WATERMARK} ({@link io.weir.runtime.time.SortedInputTimerService}), and processing time is frozen.
 * In both modes, once event time has ended (the watermark is at {@code MAX_WATERMARK}: end of input, end of a key)
 * the pending timers fire and event-time timers registered from then on are ignored.
 * Operators see the same interfaces in both modes.
 *
 * <p>Watermarks and {@link io.weir.runtime.time.WatermarkStatus watermark statuses} of several streams (the
 * channels of an input, the inputs of an operator, the split outputs of a source reader) are combined by one
 * rule, {@link io.weir.runtime.time.WatermarkCombiner}: the minimum over the streams that are not idle, never
 * going back; idle when all are idle.
 */
package io.weir.runtime.time;
