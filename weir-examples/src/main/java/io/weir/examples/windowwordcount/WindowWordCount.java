package io.weir.examples.windowwordcount;

import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.WindowedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.connectors.file.FileSink;
import io.weir.connectors.file.FileSource;

import java.time.Duration;

/**
 * Counts words per event-time window: tumbling windows, or sliding ones with {@code --slide}.
 *
 * <pre>
 * weir run examples/streaming/WindowWordCount.jar [--input &lt;file or directory&gt;] [--output &lt;directory&gt;]
 *                                                  [--window &lt;seconds, default 10&gt;] [--slide &lt;seconds&gt;]
 *                                                  [--out-of-orderness &lt;seconds, default 5&gt;]
 * </pre>
 *
 * <p>Event time comes from the input: each line is {@code epochMillis text...}. Without {@code --input} the
 * built-in text ({@link TimedText}) is used, with generated times: one line a second. Each output line is
 * {@code windowStart,windowEnd,word,count} (ISO-8601 instants), one per word per window it occurs in. Counting is
 * incremental (an {@code AggregateFunction}); a {@code ProcessWindowFunction} adds the window. The counts are the
 * same in every runtime mode.
 */
public final class WindowWordCount {
    private static final String USAGE = "Usage: WindowWordCount [--input <file>] [--output <directory>] "
            + "[--window <seconds>] [--slide <seconds>] [--out-of-orderness <seconds>]";

    private WindowWordCount() {
    }

    public static void main(String[] args) throws Exception {
        String input = null;
        String output = null;
        long window = 10;
        Long slide = null;
        long outOfOrderness = 5;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--input" -> input = required("--input", value);
                case "--output" -> output = required("--output", value);
                case "--window" -> window = number("--window", value);
                case "--slide" -> slide = number("--slide", value);
                case "--out-of-orderness" -> outOfOrderness = number("--out-of-orderness", value);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. " + USAGE);
            }
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        WatermarkStrategy<String> strategy = WatermarkStrategy
                .<String>forBoundedOutOfOrderness(Duration.ofSeconds(outOfOrderness))
                .withTimestampAssigner((line, ts) -> TimedText.timestampOf(line));
        DataStream<String> lines = input == null
                ? env.fromSource(new CollectionSource<>(TimedText.lines()), strategy, "Built-in text")
                : env.fromSource(FileSource.forTextLines(input), strategy, "Text files");

        DataStream<String> counts = counts(lines, Duration.ofSeconds(window),
                slide == null ? null : Duration.ofSeconds(slide)).map(WindowCount::format).name("Format");
        if (output == null) {
            counts.print().name("Print");
        } else {
            counts.sinkTo(FileSink.forTextLines(output)).name("File sink");
        }
        env.execute("WindowWordCount");
    }

    /** The job's logic: timed lines in, a count per word per window out. {@code slide} null: tumbling windows. */
    public static DataStream<WindowCount> counts(DataStream<String> lines, Duration size, Duration slide) {
        var words = lines.flatMap(WindowWordCount::tokenize).name("Tokenizer").keyBy(t -> t.f0);
        WindowedStream<Tuple2<String, Integer>, String, TimeWindow> windowed = slide == null
                ? words.window(TumblingEventTimeWindows.of(size))
                : words.window(SlidingEventTimeWindows.of(size, slide));
        return windowed.aggregate(new CountWords(), new AddWindow()).name("Count per window");
    }

    static void tokenize(String line, Collector<Tuple2<String, Integer>> out) {
        String text = TimedText.textOf(line);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                out.collect(Tuple2.of(word.toString(), 1));
                word.setLength(0);
            }
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value. " + USAGE);
        }
        return value;
    }

    /** A whole number of seconds; whether it makes a valid window is for the window assigner to say. */
    private static long number(String option, String value) {
        String v = required(option, value);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of seconds, got '" + v + "'. " + USAGE);
        }
    }
}
