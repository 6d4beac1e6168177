package io.weir.examples.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The built-in click stream: a seeded, repeatable six hours of forty users browsing a small site in bursts,
 * a few seconds to a few minutes between clicks within a burst and an hour or more between bursts; clicks arrive
 * up to {@link #MAX_OUT_OF_ORDER_MILLIS} out of order.
 */
public final class ClickData {
    public static final Instant START = Instant.parse("2026-01-01T08:00:00Z");
    public static final long MAX_OUT_OF_ORDER_MILLIS = 5_000;
    private static final String[] PAGES = {"/", "/search", "/product/1", "/product/2", "/product/3", "/cart",
            "/checkout", "/help", "/account"};

    private ClickData() {
    }

    public static List<String> lines() {
        return lines(20260101L, 40, 6 * 3600);
    }

    public static List<String> lines(long seed, int users, int seconds) {
        Random random = new Random(seed);
        List<long[]> clicks = new ArrayList<>();
        long start = START.toEpochMilli();
        long end = start + seconds * 1000L;
        for (int u = 0; u < users; u++) {
            long t = start + random.nextInt(3_600_000);
            while (t < end) {
                int burst = 1 + random.nextInt(12);
                for (int c = 0; c < burst && t < end; c++) {
                    clicks.add(new long[]{u, t, random.nextInt(PAGES.length)});
                    t += 2_000 + random.nextInt(random.nextBoolean() ? 20_000 : 400_000);
                }
                t += 3_600_000L + random.nextInt(7_200_000);
            }
        }
        // Arrival order: by time, give or take the out-of-orderness.
        clicks.sort(Comparator.comparingLong(
                (long[] c) -> c[1] + (Math.floorMod(c[1] * 31 + c[0], MAX_OUT_OF_ORDER_MILLIS))));
        List<String> lines = new ArrayList<>(clicks.size());
        for (long[] c : clicks) {
            lines.add(new Click(String.format("user-%02d", c[0]), c[1], PAGES[(int) c[2]]).format());
        }
        return lines;
    }
}
