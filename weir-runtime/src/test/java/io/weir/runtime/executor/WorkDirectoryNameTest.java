package io.weir.runtime.executor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A BATCH job's work directory is named after the job, in characters every file system takes. */
class WorkDirectoryNameTest {
    @Test
    void keepsLettersDigitsUnderscoresAndDashesAndReplacesEverythingElse() {
        assertThat(WorkDirectory.fileNameSafe("Word count_2-b")).isEqualTo("Word_count_2-b");
        assertThat(WorkDirectory.fileNameSafe("../etc/passwd")).isEqualTo("___etc_passwd");
        assertThat(WorkDirectory.fileNameSafe("Größe:ü")).isEqualTo("Gr__e__");
        assertThat(WorkDirectory.fileNameSafe("")).isEmpty();
    }
}
