package io.weir.runtime.task;

import io.weir.runtime.time.WatermarkStatus;

/** A chained operator receiving its (single) input's watermark and watermark status. */
interface ChainedWatermarkTarget {
    void processWatermark(long watermark);

    void processWatermarkStatus(WatermarkStatus status);
}
