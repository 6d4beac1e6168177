package io.weir.bench.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The line run.sh parses. */
class ResultLineTest {
    @Test
    void printsEveryFieldWithSecondsToTheMillisecond() {
        String line = ResultLine.format("weir", "BATCH", "W2", System.nanoTime(), 5, 3, "abc");
        assertThat(line).matches("RESULT engine=weir mode=BATCH workload=W2 wall_s=\\d+\\.\\d{3} records=5 "
                + "records_per_s=\\d+ keys=3 checksum=abc");
    }

    @Test
    void millisecondsBecomeSecondsWithThreeDecimals() {
        assertThat(ResultLine.millisAsSeconds(0)).isEqualTo("0.000");
        assertThat(ResultLine.millisAsSeconds(7)).isEqualTo("0.007");
        assertThat(ResultLine.millisAsSeconds(1234)).isEqualTo("1.234");
        assertThat(ResultLine.millisAsSeconds(61_050)).isEqualTo("61.050");
    }
}
