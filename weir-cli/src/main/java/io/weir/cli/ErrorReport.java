package io.weir.cli;

import io.weir.api.config.IllegalConfigurationException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns a failure into the paragraph the command line prints: {@code Error: <what>}, then one
 * {@code Caused by:} line per cause that adds something. Users see messages, not stack traces; the trace is
 * appended only in verbose mode.
 */
final class ErrorReport {
    private ErrorReport() {
    }

    static String paragraph(Throwable failure, boolean verbose) {
        List<String> lines = new ArrayList<>();
        for (Throwable t : informativeChain(failure)) {
            String text = describe(t);
            if (lines.isEmpty()) {
                lines.add("Error: " + text);
            } else if (t.getMessage() == null || lines.stream().noneMatch(line -> line.contains(t.getMessage()))) {
                lines.add("Caused by: " + text);
            }
        }
        StringBuilder report = new StringBuilder(String.join(System.lineSeparator(), lines)).append(System.lineSeparator());
        if (verbose) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            report.append(trace);
        } else {
            report.append("(Run with --verbose to see the stack trace.)").append(System.lineSeparator());
        }
        return report.toString();
    }

    /**
     * The failure and its causes, without pure wrappers (reflection, futures, {@code new RuntimeException(cause)})
     * whose message is empty or only repeats the cause. Ends at an {@link IllegalConfigurationException}, whose
     * message is complete by contract: its causes are parse details it already states.
     */
    private static List<Throwable> informativeChain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            Throwable cause = t.getCause();
            boolean wrapper = cause != null && (t.getMessage() == null || t.getMessage().equals(cause.toString()));
            if (!wrapper) {
                chain.add(t);
            }
            if (t instanceof IllegalConfigurationException) {
                break;
            }
        }
        if (chain.isEmpty()) {
            chain.add(failure);
        }
        return chain;
    }

    /** Weir's exceptions speak to the user in their message; for others the type is part of what happened. */
    private static String describe(Throwable t) {
        String type = t.getClass().getSimpleName();
        if (t.getMessage() == null || t.getMessage().isBlank()) {
            return type;
        }
        return t.getClass().getName().startsWith("io.weir.") ? t.getMessage() : type + ": " + t.getMessage();
    }
}
