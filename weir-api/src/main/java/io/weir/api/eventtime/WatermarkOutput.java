package io.weir.api.eventtime;

/**
 * Where a {@link WatermarkGenerator} emits watermarks. Watermarks that go backwards are ignored. An output
 * marked idle no longer holds back the watermark downstream; emitting a watermark makes it active again.
 */
public interface WatermarkOutput {
    void emitWatermark(Watermark watermark);

    /** Marks this output idle: it no longer holds back the watermark downstream. */
    void markIdle();

    /** Marks this output active again; downstream holds it at the watermark reached meanwhile. */
    void markActive();
}
