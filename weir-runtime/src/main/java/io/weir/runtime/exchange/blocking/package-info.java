/**
 * BLOCKING exchanges: the producer subtask writes its whole output to disk, consumers read it after the
 * producer finished. One result partition per producer subtask and outgoing exchange, read per
 * sub-partition (= consumer subtask).
 * <pre>
 * producer subtask                                             consumer subtask c
 *  emit(v, ts) --&gt; BlockingPartitionWriter                      BlockingPartitionReader(files, c)
 *                   buffer per sub-partition (budget, e.g. 16 MB)   reads the index, then c's blocks in order
 *                   spill: one block per non-empty buffer ---+
 *                                                            v
 *  task-3-sub-0-attempt-0-out-0.data
 *  +--------------------+--------------------+--------------------+--------------------+----
 *  | block: sub 0       | block: sub 1       | block: sub 0       | block: sub 2       | ...
 *  +--------------------+--------------------+--------------------+--------------------+----
 *    spill 1                                   spill 2 (at finish)
 *  task-3-sub-0-attempt-0-out-0.index
 *    sub 0: (offset 0, len, n) (offset x, len, n) | sub 1: (...) | sub 2: (...) | CRC32C
 *
 *  block  := int magic "WBK1" | int subpartition (-1: broadcast, for all) | int records
 *            | int payloadLength | int CRC32C(payload) | payload
 *  payload:= record*            each block starts a fresh class dictionary (RecordSerializer scope),
 *                               so a sub-partition's blocks can be read without the others
 *  record := varlong (valueLength &lt;&lt; 3 | flags) | [zig-zag varlong timestamp] | value bytes
 *            flags: 1 has timestamp, 2 value defines classes, 4 value refers to classes of earlier records
 * </pre>
 * Publishing: both files are written as {@code *.inprogress}, then renamed data first, index last (not forced
 * to the device: a partition only has to outlive a failed task of this process);
 * a partition is complete exactly when its index exists. Every failure to read (missing file, truncated
 * file, checksum mismatch) is a {@link io.weir.runtime.exchange.blocking.ResultPartitionException} naming
 * the file and block; the recovery is to rerun the producer.
 *
 * <p>Watermarks are not written: in BATCH all input is complete before it is read, so the consumer's only
 * watermark is the final one at the end of its input.
 */
package io.weir.runtime.exchange.blocking;
