package io.weir.api.windowing;

import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.evictors.TimeEvictor;
import io.weir.api.windowing.evictors.TimestampedValue;
import io.weir.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvictorsTest {
    private static final TimeWindow W = new TimeWindow(0, 100);
    private static final Evictor.EvictorContext CTX = new Evictor.EvictorContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public long getCurrentWatermark() {
            return 0;
        }
    };

    private static List<TimestampedValue<Object>> values(long... timestamps) {
        List<TimestampedValue<Object>> list = new ArrayList<>();
        for (int i = 0; i < timestamps.length; i++) {
            list.add(TimestampedValue.of("v" + i, timestamps[i]));
        }
        return list;
    }

    private static List<Object> remaining(List<TimestampedValue<Object>> list) {
        return list.stream().map(TimestampedValue::getValue).toList();
    }

    @Test
    void countEvictorKeepsTheNewestRecordsBeforeTheFunctionByDefault() {
        List<TimestampedValue<Object>> list = values(1, 2, 3, 4, 5);
        CountEvictor<TimeWindow> evictor = CountEvictor.of(2);
        evictor.evictAfter(list, list.size(), W, CTX);
        assertThat(list).hasSize(5);
        evictor.evictBefore(list, list.size(), W, CTX);
        assertThat(remaining(list)).containsExactly("v3", "v4");
    }

    @Test
    void countEvictorCanEvictAfterTheFunctionAndLeavesSmallWindowsAlone() {
        List<TimestampedValue<Object>> list = values(1, 2, 3);
        CountEvictor<TimeWindow> after = CountEvictor.of(1, true);
        after.evictBefore(list, list.size(), W, CTX);
        assertThat(list).hasSize(3);
        after.evictAfter(list, list.size(), W, CTX);
        assertThat(remaining(list)).containsExactly("v2");
        CountEvictor.of(5).evictBefore(list, list.size(), W, CTX);
        assertThat(remaining(list)).containsExactly("v2");
    }

    @Test
    void timeEvictorKeepsRecordsWithinItsSizeOfTheNewestTimestamp() {
        List<TimestampedValue<Object>> list = values(50, 10, 31, 30, 45);
        TimeEvictor.of(Duration.ofMillis(20)).evictBefore(list, list.size(), W, CTX);
        assertThat(remaining(list)).containsExactly("v0", "v2", "v4");
    }

    @Test
    void timeEvictorNeverEvictsRecordsWithoutTimestamps() {
        List<TimestampedValue<Object>> list = new ArrayList<>(List.of(TimestampedValue.of("none"),
                TimestampedValue.of("old", 1), TimestampedValue.of("new", 100)));
        TimeEvictor.of(Duration.ofMillis(20)).evictBefore(list, list.size(), W, CTX);
        assertThat(remaining(list)).containsExactly("none", "new");
        List<TimestampedValue<Object>> untimed = new ArrayList<>(List.of(TimestampedValue.of("a"),
                TimestampedValue.of("b")));
        TimeEvictor.of(Duration.ofMillis(1)).evictBefore(untimed, 2, W, CTX);
        assertThat(untimed).hasSize(2);
    }

    @Test
    void timeEvictorCanEvictAfterTheFunction() {
        List<TimestampedValue<Object>> list = values(1, 100);
        TimeEvictor<TimeWindow> after = TimeEvictor.of(Duration.ofMillis(10), true);
        after.evictBefore(list, list.size(), W, CTX);
        assertThat(list).hasSize(2);
        after.evictAfter(list, list.size(), W, CTX);
        assertThat(remaining(list)).containsExactly("v1");
    }
}
