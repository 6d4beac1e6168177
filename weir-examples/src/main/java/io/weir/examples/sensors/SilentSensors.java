package io.weir.examples.sensors;

import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.connectors.file.FileSink;
import io.weir.connectors.file.FileSource;

import java.time.Duration;

/**
 * Detects sensors that have gone quiet: a keyed process function with event-time timers (a timeout per key).
 *
 * <pre>
 * weir run examples/streaming/SilentSensors.jar [--input &lt;csv file or directory&gt;] [--output &lt;directory&gt;]
 *                                                [--timeout &lt;seconds, default 60&gt;]
 *                                                [--out-of-orderness &lt;seconds, default 10&gt;]
 * </pre>
 *
 * <p>Input lines are {@code sensor,epochMillis,value}; without {@code --input} a built-in two hours of eight sensors
 * is used ({@link SensorData}). Each output line is {@code sensor,lastReading,alarmAt} (ISO-8601): the sensor sent
 * nothing after {@code lastReading} for the whole timeout. The alarms are the same in every runtime mode; in
 * STREAMING they appear as event time passes, in BATCH at the end of each sensor's readings.
 */
public final class SilentSensors {
    private static final String USAGE = "Usage: SilentSensors [--input <csv>] [--output <directory>] "
            + "[--timeout <seconds>] [--out-of-orderness <seconds>]";

    private SilentSensors() {
    }

    public static void main(String[] args) throws Exception {
        String input = null;
        String output = null;
        long timeoutSeconds = 60;
        long outOfOrderSeconds = 10;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--input" -> input = required("--input", value);
                case "--output" -> output = required("--output", value);
                case "--timeout" -> timeoutSeconds = positive("--timeout", value);
                case "--out-of-orderness" -> outOfOrderSeconds = positive("--out-of-orderness", value);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. " + USAGE);
            }
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        WatermarkStrategy<String> strategy = WatermarkStrategy
                .<String>forBoundedOutOfOrderness(Duration.ofSeconds(outOfOrderSeconds))
                .withTimestampAssigner((line, ts) -> Reading.parse(line).timestamp());
        DataStream<String> lines = input == null
                ? env.fromSource(new CollectionSource<>(SensorData.lines()), strategy, "Built-in readings")
                : env.fromSource(FileSource.forTextLines(input), strategy, "Readings");

        DataStream<String> alarms = alarms(lines, timeoutSeconds * 1000).map(Alarm::format).name("Format");

        if (output == null) {
            alarms.print().name("Print");
        } else {
            alarms.sinkTo(FileSink.forTextLines(output)).name("File sink");
        }
        env.execute("SilentSensors");
    }

    /** The job's logic: readings in, alarms out. */
    public static DataStream<Alarm> alarms(DataStream<String> lines, long timeoutMillis) {
        return lines
                .map(Reading::parse).name("Parse")
                .keyBy(Reading::sensor)
                .process(new SilenceDetector(timeoutMillis)).name("Detect silence");
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value. " + USAGE);
        }
        return value;
    }

    private static long positive(String option, String value) {
        String v = required(option, value);
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number of seconds, got '" + v + "'. "
                + USAGE);
    }
}
