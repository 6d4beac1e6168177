package io.weir.runtime.task;

/** A chained operator receiving its (single) input's watermark. */
@FunctionalInterface
interface ChainedWatermarkTarget {
    void processWatermark(long watermark);
}
