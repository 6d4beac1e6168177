package io.weir.cli;

import io.weir.api.config.IllegalConfigurationException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReportTest {
    private static String report(Throwable t) {
        return ErrorReport.paragraph(t, false);
    }

    @Test
    void weirExceptionsShowTheirMessageAndOthersTheirTypeToo() {
        assertThat(report(new JobLaunchException("Job jar 'x' does not exist"))).startsWith("Error: Job jar 'x' does not exist\n");
        assertThat(report(new IllegalStateException("broken"))).startsWith("Error: IllegalStateException: broken\n");
        assertThat(report(new NullPointerException())).startsWith("Error: NullPointerException\n");
    }

    @Test
    void pureWrappersAreSkipped() {
        Exception root = new IllegalArgumentException("bad input");
        Throwable wrapped = new InvocationTargetException(new ExecutionException(new RuntimeException(root)));
        assertThat(report(wrapped)).startsWith("Error: IllegalArgumentException: bad input\n")
                .doesNotContain("Caused by");
    }

    @Test
    void causesWhoseMessageWasAlreadyShownAreLeftOut() {
        Exception root = new IllegalArgumentException("disk full");
        Exception middle = new IllegalStateException("cannot flush", root);
        Exception top = new JobLaunchException("job failed: cannot flush", middle);
        assertThat(report(top).lines()).containsExactly("Error: job failed: cannot flush",
                "Caused by: IllegalArgumentException: disk full", "(Run with --verbose to see the stack trace.)");
    }

    @Test
    void configurationErrorsEndTheChainBecauseTheirMessageIsComplete() {
        Exception top = new IllegalConfigurationException("Invalid value 'x' for 'k'", new NumberFormatException("For input string: \"x\""));
        assertThat(report(top)).doesNotContain("Caused by").doesNotContain("For input string");
    }

    @Test
    void verboseAppendsTheStackTraceInsteadOfTheHint() {
        String verbose = ErrorReport.paragraph(new IllegalStateException("broken"), true);
        assertThat(verbose).startsWith("Error: IllegalStateException: broken\n").contains("\tat ")
                .doesNotContain("Run with --verbose");
    }

    @Test
    void survivesCauseCycles() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b", a);
        a.initCause(b);
        assertThat(report(a).lines()).hasSize(3);
    }
}
