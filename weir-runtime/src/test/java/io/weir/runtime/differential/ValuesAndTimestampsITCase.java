package io.weir.runtime.differential;

import io.weir.api.common.OutputTag;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What records carry across exchanges. STREAMING hands records over by reference; BATCH serializes them into
 * partition files and sort buffers, so every value that crosses must come back equal: awkward numbers, nulls,
 * unicode, collections (with their iteration order where their class keeps one), nested tuples, records and
 * POJOs, enums, arrays. Event timestamps travel with records in both modes, also through a rolling aggregation.
 */
@Timeout(120)
class ValuesAndTimestampsITCase {

    enum Mood { CALM, ODD, LOUD }

    /** A POJO with a superclass field and private fields. */
    public static class Base {
        protected String origin;
    }

    public static final class Note extends Base {
        private String text;
        private Integer weight;

        public Note() {
        }

        Note(String origin, String text, Integer weight) {
            this.origin = origin;
            this.text = text;
            this.weight = weight;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Note n && Objects.equals(n.origin, origin) && Objects.equals(n.text, text)
                    && Objects.equals(n.weight, weight);
        }

        @Override
        public int hashCode() {
            return Objects.hash(origin, text, weight);
        }

        @Override
        public String toString() {
            return "Note(" + origin + ", " + text + ", " + weight + ")";
        }
    }

    /** Everything but arrays (which compare by identity): those travel in {@link Envelope}. */
    record Row(int id, String text, long big, double real, Float small, BigDecimal money, BigInteger huge, Mood mood,
               List<Integer> list, Map<String, Integer> map, Set<String> set, Tuple2<String, Tuple2<Integer, Long>> pair,
               Note note, Character letter, Boolean flag, Byte octet, Short shortNumber) {
    }

    record Envelope(Row row, int[] ints, String[] strings, long[][] grid) {
    }

    private static final double[] REALS = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -1e308, 1.0 / 3};
    private static final long[] BIGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1L << 40};
    private static final String[] TEXTS = {"", "plain", "ünïcödé", "\uD83D\uDE00 emoji", "tab\tnew\nline", "\u0000nul",
            "x".repeat(300)};

    static Envelope envelope(long index) {
        SplittableRandom r = new SplittableRandom(0x5EEDL * 31 + index);
        int id = (int) index;
        List<Integer> list = r.nextBoolean() ? new ArrayList<>() : new LinkedList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            list.add(r.nextInt(5) == 0 ? null : r.nextInt());
        }
        Map<String, Integer> map = switch (r.nextInt(4)) {
            case 0 -> new HashMap<>();
            case 1 -> new LinkedHashMap<>();
            case 2 -> new TreeMap<>(Collections.reverseOrder());
            default -> Map.of("only", id);
        };
        if (map.size() != 1) {
            for (int i = r.nextInt(4); i > 0; i--) {
                map.put("k" + r.nextInt(100), r.nextInt(3) == 0 ? null : i);
            }
        }
        Set<String> set = new LinkedHashSet<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            set.add(TEXTS[r.nextInt(TEXTS.length)]);
        }
        Row row = new Row(id,
                r.nextInt(8) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)],
                BIGS[r.nextInt(BIGS.length)],
                REALS[r.nextInt(REALS.length)],
                r.nextBoolean() ? null : (float) r.nextDouble(),
                r.nextBoolean() ? new BigDecimal("1.50") : new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(20) - 5),
                BigInteger.valueOf(r.nextLong()).shiftLeft(r.nextInt(100)),
                r.nextInt(4) == 0 ? null : Mood.values()[r.nextInt(3)],
                list, map, set,
                Tuple2.of(r.nextBoolean() ? null : "p" + id, Tuple2.of(r.nextInt(), r.nextBoolean() ? null : r.nextLong())),
                r.nextBoolean() ? null : new Note(r.nextBoolean() ? null : "origin", TEXTS[r.nextInt(TEXTS.length)], r.nextInt()),
                (char) r.nextInt(0xD7FF), r.nextBoolean(), (byte) r.nextInt(), (short) r.nextInt());
        int[] ints = r.ints(r.nextInt(5)).toArray();
        String[] strings = r.nextBoolean() ? new String[] {null, "s" + id} : new String[0];
        long[][] grid = {r.longs(2).toArray(), null, new long[0]};
        return new Envelope(row, ints, strings, grid);
    }

    /** The envelope's row with its arrays, and the iteration orders its collections keep, as comparable text. */
    static Tuple2<Row, String> unpack(Envelope e) {
        String orders = e.row().map() instanceof TreeMap<?, ?> || e.row().map() instanceof LinkedHashMap<?, ?>
                ? e.row().map().keySet().toString() : "unordered";
        return Tuple2.of(e.row(), Arrays.toString(e.ints()) + Arrays.toString(e.strings())
                + Arrays.deepToString(e.grid()) + " map " + orders + " set " + e.row().set() + " list " + e.row().list());
    }

    /** Across a rebalance, a keyed exchange (and BATCH's sort), and a side output into another parallelism. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void recordsOfEveryKindCrossExchangesUnchanged(int parallelism) {
        int records = 20_000;
        List<Tuple2<Row, String>> expected = new ArrayList<>();
        for (long i = 0; i < records; i++) {
            expected.add(unpack(envelope(i)));
        }
        runInBothModes("envelopes of every value kind (" + records + " records, seeded by index)", parallelism,
                Settings.tinyMemory(), env -> {
                    var keyed = env.fromSequence(0, records - 1)
                            .map(ValuesAndTimestampsITCase::envelope)
                            .rebalance()
                            .map(e -> e)
                            .keyBy(e -> e.row().mood() == null ? "none" : e.row().mood().name())
                            .process(new EverySecondToTheSide());
                    DataStream<Envelope> side = keyed.getSideOutput(EverySecondToTheSide.SECOND)
                            .map(e -> e).setParallelism(parallelism + 1);
                    return keyed.union(side).map(ValuesAndTimestampsITCase::unpack);
                }).assertBothEqual(expected);
    }

    /**
     * Records of about 300 KB, each bigger than the whole sort memory (128 KB) and the partition memory (64 KB):
     * BATCH must still sort and exchange them whole.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void recordsBiggerThanTheSortAndPartitionMemory(int parallelism) {
        List<Tuple2<Integer, Integer>> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            expected.add(Tuple2.of(i % 7, 300_000 + i));
        }
        runInBothModes("60 records of about 300 KB", parallelism,
                Settings.defaults().with("execution.sort.memory", "128kb").with("execution.batch.partition-memory", "64kb"),
                env -> env.fromSequence(0, 59)
                        .map(i -> Tuple2.of((int) (i % 7), "x".repeat(300_000 + (int) (long) i)))
                        .keyBy(t -> t.f0)
                        .map(t -> Tuple2.of(t.f0, t.f1.length()))
        ).assertBothEqual(expected);
    }

    /**
     * Timestamps assigned at a parallelism-1 source (out of order, some negative) are seen unchanged after a keyed
     * exchange; a rolling sum's final value carries the timestamp of its key's last record: in STREAMING the
     * last to arrive (both keyed exchanges use the same key, so each key's records come from one producer and
     * keep the input order), in BATCH the last in timestamp order, the key's latest (through the combiner).
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void timestampsTravelWithRecordsAndWithFinalValues(int parallelism) {
        InputSpec input = InputSpec.skewed(701, 30_000, 2_000);
        Map<Integer, Tuple3<Integer, Integer, Long>> expectedStreaming = new HashMap<>();
        Map<Integer, Tuple3<Integer, Integer, Long>> expectedBatch = new HashMap<>();
        for (long i = 0; i < input.records(); i++) {
            int k = input.keyOf(i);
            int v = input.valueOf(i);
            long ts = timestampOf(i);
            expectedStreaming.merge(k, Tuple3.of(k, v, ts), (a, b) -> Tuple3.of(k, a.f1 + b.f1, b.f2));
            expectedBatch.merge(k, Tuple3.of(k, v, ts), (a, b) -> Tuple3.of(k, a.f1 + b.f1, Math.max(a.f2, b.f2)));
        }
        ModeOutputs<Tuple3<Integer, Integer, Long>> out = runInBothModes("timestamps through a rolling sum over "
                + input, parallelism, Settings.tinyMemory(), env -> env
                .fromSource(new NumberSequenceSource(0, input.records() - 1L),
                        WatermarkStrategy.<Long>noWatermarks().withTimestampAssigner((i, ts) -> timestampOf(i)),
                        "Timed Source").setParallelism(1)
                .keyBy(input::keyOf)
                .process(new CheckTimestamp(input))
                .keyBy(t -> t.f0)
                .sum(1)
                .process(new WithTimestamp()));
        out.assertSameFinalValues(t -> t.f0, t -> Tuple2.of(t.f0, t.f1));
        Map<Integer, Tuple3<Integer, Integer, Long>> streamingLast = new HashMap<>();
        out.streaming().forEach(t -> streamingLast.put(t.f0, t));
        Map<Integer, Tuple3<Integer, Integer, Long>> batchFinal = new HashMap<>();
        out.batch().forEach(t -> batchFinal.put(t.f0, t));
        assertThat(streamingLast).as(out.context() + ": STREAMING").isEqualTo(expectedStreaming);
        assertThat(batchFinal).as(out.context() + ": BATCH").isEqualTo(expectedBatch);
    }

    /** Out of order, and sometimes negative. */
    static long timestampOf(long index) {
        return (index * 7_919) % 100_003 - 500;
    }

    /** Turns an index into the input's record, failing unless the source gave it the expected timestamp. */
    private static final class CheckTimestamp extends KeyedProcessFunction<Integer, Long, Tuple2<Integer, Integer>> {
        private final InputSpec input;

        CheckTimestamp(InputSpec input) {
            this.input = input;
        }

        @Override
        public void processElement(Long index, Context ctx, Collector<Tuple2<Integer, Integer>> out) {
            if (ctx.timestamp() == null || ctx.timestamp() != timestampOf(index)) {
                throw new IllegalStateException("Record " + index + " has timestamp " + ctx.timestamp());
            }
            out.collect(input.record(index));
        }
    }

    private static final class WithTimestamp extends ProcessFunction<Tuple2<Integer, Integer>, Tuple3<Integer, Integer, Long>> {
        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx, Collector<Tuple3<Integer, Integer, Long>> out) {
            out.collect(Tuple3.of(value.f0, value.f1, ctx.timestamp()));
        }
    }

    /** Every second record of a key (by a per-key count) goes to the side output {@link #SECOND}. */
    private static final class EverySecondToTheSide extends KeyedProcessFunction<String, Envelope, Envelope> {
        static final OutputTag<Envelope> SECOND = new OutputTag<>("second");
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class, 0));
        }

        @Override
        public void processElement(Envelope value, Context ctx, Collector<Envelope> out) throws Exception {
            int n = count.value() + 1;
            count.update(n);
            if (n % 2 == 0) {
                ctx.output(SECOND, value);
            } else {
                out.collect(value);
            }
        }
    }
}
