package io.weir.examples.sensors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The readings SilentSensors watches when given no input: a seeded, repeatable two hours of eight sensors
 * reporting about every 10 s with a few seconds of jitter (so readings arrive slightly out of order), each now and
 * then going quiet for one to five minutes.
 */
public final class SensorData {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Readings are at most this far out of order. */
    public static final long MAX_OUT_OF_ORDER_MILLIS = 6_000;

    private SensorData() {
    }

    public static List<String> lines() {
        return lines(20260101L, 8, 2 * 3600);
    }

    public static List<String> lines(long seed, int sensors, int seconds) {
        Random random = new Random(seed);
        List<long[]> readings = new ArrayList<>();
        long start = START.toEpochMilli();
        for (int s = 0; s < sensors; s++) {
            long nominal = start + random.nextInt(10_000);
            long end = start + seconds * 1000L;
            while (nominal < end) {
                long jitter = random.nextInt(6_001) - 3_000;
                readings.add(new long[]{s, nominal, Math.max(start, nominal + jitter), random.nextInt(1000)});
                nominal += 10_000;
                if (random.nextInt(400) == 0) {
                    nominal += 60_000 + random.nextInt(240_001);
                }
            }
        }
        // Arrival order follows the nominal times; the timestamps carry the jitter.
        readings.sort(Comparator.comparingLong((long[] r) -> r[1]).thenComparingLong(r -> r[0]));
        List<String> lines = new ArrayList<>(readings.size());
        for (long[] r : readings) {
            lines.add(new Reading(String.format("sensor-%02d", r[0]), r[2], r[3] / 10.0).format());
        }
        return lines;
    }
}
