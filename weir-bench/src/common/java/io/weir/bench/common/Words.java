package io.weir.bench.common;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The W1 tokenizer, shared by every engine so that they all count the same words: lower-case the line, split it
 * at runs of non-word characters ({@code \W+}, ASCII sense), drop empty tokens. The same rule as Weir's and
 * Flink's WordCount examples.
 */
public final class Words {
    private static final Pattern SEPARATORS = Pattern.compile("\\W+");

    private Words() {
    }

    public static void forEach(String line, Consumer<String> out) {
        for (String token : SEPARATORS.split(line.toLowerCase(Locale.ROOT))) {
            // Only a leading separator yields an empty token; split drops trailing ones.
            if (!token.isEmpty()) {
                out.accept(token);
            }
        }
    }
}
