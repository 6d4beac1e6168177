package io.weir.examples.sessions;

import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.connectors.file.FileSink;
import io.weir.connectors.file.FileSource;

import java.time.Duration;

/**
 * Cuts each user's clicks into sessions: event-time session windows, which merge as clicks arrive.
 *
 * <pre>
 * weir run examples/streaming/SessionWindowing.jar [--input &lt;csv file or directory&gt;] [--output &lt;directory&gt;]
 *                                                   [--gap &lt;minutes, default 30&gt;]
 *                                                   [--out-of-orderness &lt;seconds, default 10&gt;]
 * </pre>
 *
 * <p>Input lines are {@code user,epochMillis,page}; without {@code --input} a built-in click stream is used
 * ({@link ClickData}). A session ends when the user has been inactive for the gap: each output line is
 * {@code user,start,end,clicks,pages}, where {@code end} is the last click plus the gap. The sessions are the same
 * in every runtime mode.
 */
public final class SessionWindowing {
    private static final String USAGE = "Usage: SessionWindowing [--input <csv>] [--output <directory>] "
            + "[--gap <minutes>] [--out-of-orderness <seconds>]";

    private SessionWindowing() {
    }

    public static void main(String[] args) throws Exception {
        String input = null;
        String output = null;
        long gapMinutes = 30;
        long outOfOrderSeconds = 10;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--input" -> input = required("--input", value);
                case "--output" -> output = required("--output", value);
                case "--gap" -> gapMinutes = number("--gap", value);
                case "--out-of-orderness" -> outOfOrderSeconds = number("--out-of-orderness", value);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. " + USAGE);
            }
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        WatermarkStrategy<String> strategy = WatermarkStrategy
                .<String>forBoundedOutOfOrderness(Duration.ofSeconds(outOfOrderSeconds))
                .withTimestampAssigner((line, ts) -> Click.parse(line).timestamp());
        DataStream<String> lines = input == null
                ? env.fromSource(new CollectionSource<>(ClickData.lines()), strategy, "Built-in clicks")
                : env.fromSource(FileSource.forTextLines(input), strategy, "Clicks");

        DataStream<String> sessions = sessions(lines, Duration.ofMinutes(gapMinutes)).map(Session::format)
                .name("Format");
        if (output == null) {
            sessions.print().name("Print");
        } else {
            sessions.sinkTo(FileSink.forTextLines(output)).name("File sink");
        }
        env.execute("SessionWindowing");
    }

    /** The job's logic: clicks in, one summary per session out. */
    public static DataStream<Session> sessions(DataStream<String> lines, Duration gap) {
        return lines
                .map(Click::parse).name("Parse")
                .keyBy(Click::user)
                .window(EventTimeSessionWindows.withGap(gap))
                .process(new SummarizeSession()).name("Sessions");
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value. " + USAGE);
        }
        return value;
    }

    private static long number(String option, String value) {
        String v = required(option, value);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + v + "'. " + USAGE);
        }
    }
}
