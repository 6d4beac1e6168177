package io.weir.examples.wordcount;

import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {
    @Test
    void lowerCasesAndSplitsAtPunctuationAndWhitespace() {
        assertThat(Tokenizer.words("To be, or NOT to-be: that is\tthe question."))
                .containsExactly("to", "be", "or", "not", "to", "be", "that", "is", "the", "question");
    }

    @Test
    void dropsEmptyTokensAtTheStartAndBetweenSeparators() {
        assertThat(Tokenizer.words("  -- hello ,,, world -- ")).containsExactly("hello", "world");
    }

    @Test
    void lineWithoutWordsGivesNoWords() {
        assertThat(Tokenizer.words("")).isEmpty();
        assertThat(Tokenizer.words(" ... -- !")).isEmpty();
    }

    @Test
    void digitsAndUnderscoresArePartOfWords() {
        assertThat(Tokenizer.words("route_66 is 2x")).containsExactly("route_66", "is", "2x");
    }

    @Test
    void emitsEachWordWithCountOne() {
        List<Tuple2<String, Integer>> out = new ArrayList<>();
        new Tokenizer().flatMap("a b a", out::add);
        assertThat(out).containsExactly(Tuple2.of("a", 1), Tuple2.of("b", 1), Tuple2.of("a", 1));
    }

    @Test
    void formatsCountsAsWordCommaCount() {
        assertThat(WordCount.format(Tuple2.of("nation", 5))).isEqualTo("nation,5");
    }

    @Test
    void builtInTextHasWordsToCount() {
        long words = List.of(WordCountData.lines()).stream().mapToLong(l -> Tokenizer.words(l).size()).sum();
        assertThat(words).isGreaterThan(200);
    }
}
