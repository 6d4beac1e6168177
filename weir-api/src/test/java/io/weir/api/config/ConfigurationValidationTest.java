package io.weir.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** What {@link ConfigurationValidator} reports before a job's main runs (issue 10, item 8). */
class ConfigurationValidationTest {

    private static Configuration setting(String key, String value) {
        return new Configuration().setString(key, value, "config.yaml");
    }

    @ParameterizedTest
    @CsvSource({
            "Execution.Runtime-Mode, execution.runtime-mode",
            "PARALLELISM.DEFAULT, parallelism.default",
            "runtime-mode, execution.runtime-mode",
            "max-parallelism, pipeline.max-parallelism",
            "slots, execution.slots",
            "fixed-delay.attempts, restart-strategy.fixed-delay.attempts",
            "Buffer-Timeout, execution.buffer-timeout",
            "tmp.dirs, io.tmp.dirs"})
    void keysThatDifferFromAKnownKeyByCaseOrAMissingPrefixAreReportedAsTypos(String typo, String known) {
        assertThatThrownBy(() -> ConfigurationValidator.validate(setting(typo, "4")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("Unknown configuration key '" + typo + "' with value '4' (set in config.yaml)")
                .hasMessageContaining("did you mean '" + known + "'?");
    }

    @Test
    void keysOfTheUsersOwnAreStillLeftAlone() {
        Configuration conf = setting("my.app.threshold", "17").setString("input", "/data", "-D command-line option")
                .setString("window-size", "5", "-D command-line option");
        assertThatCode(() -> ConfigurationValidator.validate(conf)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
            "execution, BATCH, execution.runtime-mode",
            "pipeline, 2 s, pipeline.auto-watermark-interval",
            "parallelism, 4, parallelism.default",
            "restart-strategy, fixed-delay, restart-strategy.type"})
    void aValueWhereASectionIsExpectedIsAnErrorSuggestingTheKeyItFits(String section, String value,
                                                                       String keyInside) {
        assertThatThrownBy(() -> ConfigurationValidator.validate(setting(section, value)))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'" + section + "' with value '" + value + "' (set in config.yaml)")
                .hasMessageContaining("names a section of settings, not a setting")
                .hasMessageContaining("flat ('" + keyInside + ": " + value + "')");
    }

    @Test
    void aSectionNameInOtherLetterCaseIsAnErrorToo() {
        assertThatThrownBy(() -> ConfigurationValidator.validate(setting("Execution", "BATCH")))
                .hasMessageContaining("'Execution' with value 'BATCH'")
                .hasMessageContaining("names a section of settings");
    }

    @ParameterizedTest
    @CsvSource({
            "parallelism.default, 0, 'a positive number, or -1 for the number of cores'",
            "parallelism.default, -2, 'a positive number, or -1 for the number of cores'",
            "pipeline.max-parallelism, 0, a number from 1 to 32768",
            "pipeline.max-parallelism, 32769, a number from 1 to 32768",
            "execution.slots, 0, 'a positive number, or -1 for the default'",
            "execution.slots, -5, 'a positive number, or -1 for the default'",
            "execution.batch-size, 0, a positive number",
            "execution.channel-capacity, -1, a positive number",
            "execution.batch.combine.max-keys, 0, a positive number",
            "restart-strategy.fixed-delay.attempts, -1, 0 or more"})
    void numbersOutOfTheirRangeAreRejectedBeforeTheJobRuns(String key, String value, String expected) {
        assertThatThrownBy(() -> ConfigurationValidator.validate(setting(key, value)))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageStartingWith("Invalid value '" + value + "' for '" + key + "' (set in config.yaml): "
                        + "expected " + expected);
    }

    @ParameterizedTest
    @CsvSource({"parallelism.default, -1", "parallelism.default, 7", "pipeline.max-parallelism, 1",
            "pipeline.max-parallelism, 32768", "execution.slots, -1", "execution.slots, 3",
            "restart-strategy.fixed-delay.attempts, 0"})
    void numbersAtTheEdgesOfTheirRangeAreAccepted(String key, String value) {
        assertThatCode(() -> ConfigurationValidator.validate(setting(key, value))).doesNotThrowAnyException();
    }

    @Test
    void rangesApplyToValuesSetInCodeToo() {
        Configuration conf = new Configuration().set(PipelineOptions.MAX_PARALLELISM, 40_000);
        assertThatThrownBy(() -> conf.get(PipelineOptions.MAX_PARALLELISM))
                .hasMessage("Invalid value '40000' for 'pipeline.max-parallelism' (set in code): expected a number "
                        + "from 1 to 32768");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999", "-99999999999", "9223372036854775808"})
    void aWholeNumberThatDoesNotFitItsSettingSaysSoNamingTheKey(String value) {
        assertThatThrownBy(() -> ConfigurationValidator.validate(setting("parallelism.default", value)))
                .hasMessageContaining("Invalid value '" + value + "' for 'parallelism.default' (set in config.yaml)")
                .hasMessageContaining("expected a whole number (out of range: from -2147483648 to 2147483647)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999 ms", "106752 d", "9223372036854775807 us",
            "9223372036854775807 min", "2562048 h"})
    void aDurationThatOverflowsIsAnErrorNamingTheKey(String value) {
        assertThatThrownBy(() -> ConfigurationValidator.validate(setting("execution.buffer-timeout", value)))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("Invalid value '" + value + "' for 'execution.buffer-timeout' (set in "
                        + "config.yaml)")
                .hasMessageContaining("too long: at most 106751 days");
    }

    @Test
    void theLongestDurationIsAccepted() {
        Configuration conf = setting("restart-strategy.fixed-delay.delay", "106751 d");
        assertThat(conf.get(RestartStrategyOptions.DELAY)).isEqualTo(Duration.ofDays(106751));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999 gb", "9999999999999 mb", "99999999999999999999", "8589934592 g"})
    void aMemorySizeThatOverflowsIsAnErrorNamingTheKey(String value) {
        assertThatThrownBy(() -> ConfigurationValidator.validate(setting("execution.sort.memory", value)))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("Invalid value '" + value + "' for 'execution.sort.memory' (set in config.yaml)")
                .hasMessageContaining("too large: at most 8589934591 gb");
    }

    @Test
    void tmpDirsIsACommaSeparatedListOfDirectories() {
        assertThat(CoreOptions.tmpDirectories("/a")).containsExactly("/a");
        assertThat(CoreOptions.tmpDirectories("/mnt/disk1/tmp, /mnt/disk2/tmp,/tmp"))
                .isEqualTo(List.of("/mnt/disk1/tmp", "/mnt/disk2/tmp", "/tmp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a,", "/a,,/b", " ", ",/a"})
    void tmpDirsWithAnEmptyEntryIsRejectedNamingTheKey(String value) {
        assertThatThrownBy(() -> ConfigurationValidator.validate(setting("io.tmp.dirs", value)))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("for 'io.tmp.dirs' (set in config.yaml): expected one directory, or several "
                        + "separated by commas, with no empty entry");
    }
}
