package io.weir.examples.windowwordcount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines with event times, {@code epochMillis text...}: parsing them, and the built-in text with generated times
 * (the Gettysburg Address, 1863, public domain, one line a second from {@link #START}).
 */
public final class TimedText {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] TEXT = {
            "Four score and seven years ago our fathers brought forth on this continent, a new nation,",
            "conceived in Liberty, and dedicated to the proposition that all men are created equal.",
            "Now we are engaged in a great civil war, testing whether that nation, or any nation so",
            "conceived and so dedicated, can long endure. We are met on a great battle-field of that war.",
            "We have come to dedicate a portion of that field, as a final resting place for those who here",
            "gave their lives that that nation might live. It is altogether fitting and proper that we",
            "should do this.",
            "But, in a larger sense, we can not dedicate -- we can not consecrate -- we can not hallow --",
            "this ground. The brave men, living and dead, who struggled here, have consecrated it, far above",
            "our poor power to add or detract. The world will little note, nor long remember what we say",
            "here, but it can never forget what they did here. It is for us the living, rather, to be",
            "dedicated here to the unfinished work which they who fought here have thus far so nobly",
            "advanced. It is rather for us to be here dedicated to the great task remaining before us --",
            "that from these honored dead we take increased devotion to that cause for which they gave the",
            "last full measure of devotion -- that we here highly resolve that these dead shall not have",
            "died in vain -- that this nation, under God, shall have a new birth of freedom -- and that",
            "government of the people, by the people, for the people, shall not perish from the earth.",
    };

    private TimedText() {
    }

    /** The built-in text, read five times over, one line a second. */
    public static List<String> lines() {
        List<String> lines = new ArrayList<>();
        long t = START.toEpochMilli();
        for (int round = 0; round < 5; round++) {
            for (String line : TEXT) {
                lines.add(t + " " + line);
                t += 1000;
            }
        }
        return lines;
    }

    /** The event time at the start of a line; a line without one is an error quoting it. */
    public static long timestampOf(String line) {
        int space = line.indexOf(' ');
        String first = space < 0 ? line : line.substring(0, space);
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Line '" + line + "' does not start with its event time: expected "
                    + "'epochMillis text...'", e);
        }
    }

    public static String textOf(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1);
    }
}
