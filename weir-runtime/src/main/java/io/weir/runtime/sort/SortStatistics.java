package io.weir.runtime.sort;

/**
 * What a sort cost, for logs and tests.
 *
 * @param entries      entries added
 * @param spilledRuns  sorted runs written from memory to disk (0 if everything fit in memory)
 * @param bytesSpilled bytes written to spill files, including the runs written by intermediate merge passes
 * @param mergePasses  passes that read spilled runs back: intermediate passes that merge runs into bigger runs
 *                     (needed when there are more runs than the fan-in allows) plus the final merge that feeds
 *                     the cursor; 0 if nothing spilled
 */
public record SortStatistics(long entries, int spilledRuns, long bytesSpilled, int mergePasses) {
}
