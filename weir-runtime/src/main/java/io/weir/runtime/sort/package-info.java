/**
 * External merge sort of serialized (key, optional timestamp, value) entries, used by BATCH execution to feed
 * keyed operators one key at a time, each key's records in timestamp order.
 * <pre>
 *  add(key, timestamp, value)
 *        │ copy into 32 KB segments; index entry = (8-byte key prefix, pointer) [+ timestamp, once a run has one]
 *        ▼
 *  InMemorySortBuffer ──memory budget full──▶ IndexSort: radix sort by prefix bytes (then timestamp bytes), then
 *        │                                          (prefix, key bytes, timestamp, pointer = insertion order)
 *        │                                          in small ranges
 *        │                                          │
 *        │                                          ▼ SpillWriter: blocks of ≤ 32 KB, each with a CRC32C
 *        │                                    run 0, run 1, ... run n   (files in io.tmp.dirs)
 *        │                                          │ more runs than the fan-in? RunMerger merges adjacent
 *        │                                          │ runs into bigger runs first (intermediate passes)
 *        ▼ finish()                                 ▼ SpillReader per run, checksums verified
 *  sorted in memory ──(newest run)────────▶ MergingEntries: binary heap of run cursors,
 *        │ nothing spilled                  ties broken by run number (older run first)
 *        ▼                                          │
 *  SortedEntries ◀──────────────────────────────────┘
 * </pre>
 * Order: key bytes as unsigned, lexicographic, shorter prefix first; within a key by timestamp, entries without
 * one ({@link io.weir.runtime.sort.ExternalSorter#NO_TIMESTAMP}, {@code Long.MIN_VALUE}) first; equal keys and
 * timestamps in insertion order (stable). That is Flink's sorted keyed input: a keyed function sees each key's
 * records in event-time order, and records without a timestamp (there is nothing to order them by) in the order
 * they arrived, before the others. A run with no timestamp at all sorts by key alone: the index carries
 * timestamps, and comparisons look at them, only once a run holds one. Memory: everything that lives longer than a call
 * (segments, index, write and read buffers) is counted against one budget ({@code execution.sort.memory}).
 * Files: every spill file is deleted by {@link io.weir.runtime.sort.ExternalSorter#close()}.
 */
package io.weir.runtime.sort;
