package io.weir.testjobs;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;

/**
 * Keyed state and event-time timers: sums each key's values per bucket of {@code size} ms in map state and emits
 * {@code bucket,key,bucketStart,sum} when event time passes the bucket's end.
 */
public final class BucketSums extends KeyedProcessFunction<String, Event, String> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private transient MapState<Long, Long> sums;

    public BucketSums(long size) {
        this.size = size;
    }

    @Override
    public void open(OpenContext openContext) {
        sums = getRuntimeContext().getMapState(new MapStateDescriptor<>("sums", Long.class, Long.class));
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) throws Exception {
        long start = event.time() - Math.floorMod(event.time(), size);
        Long sum = sums.get(start);
        sums.put(start, (sum == null ? 0 : sum) + event.value());
        ctx.timerService().registerEventTimeTimer(start + size - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        long start = timestamp - size + 1;
        out.collect("bucket," + ctx.getCurrentKey() + "," + start + "," + sums.get(start));
        sums.remove(start);
    }
}
