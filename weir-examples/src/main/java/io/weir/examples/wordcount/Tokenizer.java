package io.weir.examples.wordcount;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.tuple.Tuple2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits a line into lower-case words, each emitted as {@code (word, 1)}. */
public final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
    private static final long serialVersionUID = 1L;

    /** Non-word characters in the ASCII sense, as in Flink's WordCount, so results compare one to one. */
    private static final Pattern SEPARATORS = Pattern.compile("\\W+");

    @Override
    public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
        for (String word : words(line)) {
            out.collect(Tuple2.of(word, 1));
        }
    }

    /** The words of {@code line}: lower-cased, split at runs of non-word characters, without empty tokens. */
    public static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String token : SEPARATORS.split(line.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return words;
    }
}
