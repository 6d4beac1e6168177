package io.weir.api.eventtime;

/** Where a {@link WatermarkGenerator} emits watermarks. Watermarks that go backwards are ignored. */
public interface WatermarkOutput {
    void emitWatermark(Watermark watermark);

    /** Marks this output idle: it no longer holds back the watermark downstream. */
    void markIdle();

    void markActive();
}
