package io.weir.examples.wordcount;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.tuple.Tuple2;
import io.weir.connectors.file.FileSink;
import io.weir.connectors.file.FileSource;

/**
 * Counts the words of a text: the "hello world" of dataflow.
 *
 * <pre>
 * weir run examples/streaming/WordCount.jar [--input &lt;file or directory&gt;] [--output &lt;directory&gt;]
 * </pre>
 *
 * <p>Without {@code --input} it counts a built-in text ({@link WordCountData}); without {@code --output} it
 * prints. Each output record is {@code word,count}. In STREAMING mode (the default) every record updates its
 * word's count, so a word appears once per occurrence with a growing count and its last line is the total;
 * with {@code -Dexecution.runtime-mode=BATCH} each word appears once, with its total.
 */
public final class WordCount {
    private static final String USAGE = "Usage: WordCount [--input <file or directory>] [--output <directory>]";

    private WordCount() {
    }

    public static void main(String[] args) throws Exception {
        String input = null;
        String output = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--input" -> input = required("--input", value);
                case "--output" -> output = required("--output", value);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. " + USAGE);
            }
            i++;
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<String> text = input == null
                ? env.fromElements(WordCountData.lines()).name("Built-in text")
                : env.fromSource(FileSource.forTextLines(input), WatermarkStrategy.noWatermarks(), "Text files");

        DataStream<String> counts = text
                .flatMap(new Tokenizer()).name("Tokenizer")
                .keyBy(t -> t.f0)
                .sum(1).name("Count")
                .map(WordCount::format).name("Format");

        if (output == null) {
            counts.print().name("Print");
        } else {
            counts.sinkTo(FileSink.forTextLines(output)).name("File sink");
        }
        env.execute("WordCount");
    }

    static String format(Tuple2<String, Integer> wordCount) {
        return wordCount.f0 + "," + wordCount.f1;
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value. " + USAGE);
        }
        return value;
    }
}
