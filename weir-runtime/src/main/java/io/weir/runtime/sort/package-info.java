/**
 * External merge sort of serialized (key, value) entries, used by BATCH execution to feed keyed operators one
 * key at a time.
 * <pre>
 *  add(key, value)
 *        │ copy into 32 KB segments; index entry = (8-byte key prefix, pointer)
 *        ▼
 *  InMemorySortBuffer ──memory budget full──▶ IndexSort: radix sort by prefix bytes, then
 *        │                                          (prefix, key bytes, pointer = insertion order) in small ranges
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
 * Order: key bytes as unsigned, lexicographic, shorter prefix first; equal keys in insertion order (stable), as
 * streaming execution would see them from a single producer. Memory: everything that lives longer than a call
 * (segments, index, write and read buffers) is counted against one budget ({@code execution.sort.memory}).
 * Files: every spill file is deleted by {@link io.weir.runtime.sort.ExternalSorter#close()}.
 */
package io.weir.runtime.sort;
