package io.weir.runtime.testing;

import io.weir.api.common.OutputTag;
import io.weir.runtime.operators.Output;
import io.weir.runtime.time.WatermarkStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * An operator's output for tests, keeping the {@link Output} contract as a task does: a watermark that does not
 * advance and a repeated status are dropped, and an idle output becomes active before a watermark. Everything
 * kept goes to one list, in order.
 */
public final class RecordingOutput implements Output<Object> {
    private final List<OperatorHarness.Emitted> emitted;
    private long watermark = Long.MIN_VALUE;
    private WatermarkStatus status = WatermarkStatus.ACTIVE;

    public RecordingOutput(List<OperatorHarness.Emitted> emitted) {
        this.emitted = emitted;
    }

    public RecordingOutput() {
        this(new ArrayList<>());
    }

    @Override
    public void emit(Object value, long timestamp) {
        emitted.add(new OperatorHarness.Emitted(value, timestamp, null, false));
    }

    @Override
    public <X> void emitSide(OutputTag<X> tag, X value, long timestamp) {
        emitted.add(new OperatorHarness.Emitted(value, timestamp, tag, false));
    }

    @Override
    public void emitWatermark(long wm) {
        if (wm > watermark) {
            emitWatermarkStatus(WatermarkStatus.ACTIVE);
            watermark = wm;
            emitted.add(new OperatorHarness.Emitted(null, wm, null, true));
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus next) {
        if (next != status) {
            status = next;
            emitted.add(new OperatorHarness.Emitted(null, Long.MIN_VALUE, null, false, next));
        }
    }

    /** Records (main output) as {@code value@timestamp}, watermarks (as Long) and statuses, in order. */
    public List<Object> drain() {
        List<Object> out = new ArrayList<>();
        for (OperatorHarness.Emitted e : emitted) {
            if (e.isWatermark()) {
                out.add(e.timestamp());
            } else if (e.status() != null) {
                out.add(e.status());
            } else {
                out.add(e.value() + "@" + e.timestamp());
            }
        }
        emitted.clear();
        return out;
    }
}
