package io.weir.api.config;

import io.weir.api.common.RuntimeExecutionMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationTest {

    @Test
    void unsetOptionsGiveTheirDefaults() {
        Configuration conf = new Configuration();
        assertThat(conf.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(conf.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(100));
        assertThat(conf.get(PipelineOptions.MAX_PARALLELISM)).isEqualTo(128);
        assertThat(conf.get(PipelineOptions.PARALLELISM)).isEqualTo(-1);
    }

    @Test
    void runtimeModeIsCaseInsensitive() {
        Configuration conf = new Configuration().setString("execution.runtime-mode", "bAtCh", "test");
        assertThat(conf.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.BATCH);
        conf.setString("execution.runtime-mode", "automatic", "test");
        assertThat(conf.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.AUTOMATIC);
    }

    @Test
    void durationsAcceptUnitsAndBareMilliseconds() {
        Configuration conf = new Configuration();
        for (String[] c : new String[][] {{"250", "250"}, {"250 ms", "250"}, {"2s", "2000"}, {"1 min", "60000"}}) {
            conf.setString("execution.buffer-timeout", c[0], "test");
            assertThat(conf.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis()).isEqualTo(Long.parseLong(c[1]));
        }
    }

    @Test
    void aBadEnumValueNamesKeyValueOriginAndAcceptedValues() {
        Configuration conf = new Configuration().setString("execution.runtime-mode", "BATCHY", "/etc/weir/config.yaml");

        assertThatThrownBy(() -> conf.get(ExecutionOptions.RUNTIME_MODE))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Invalid value 'BATCHY' for 'execution.runtime-mode' (set in /etc/weir/config.yaml): "
                        + "accepted values are STREAMING, BATCH, AUTOMATIC (case-insensitive)");
    }

    @Test
    void aBadNumberOrDurationNamesWhatIsExpected() {
        Configuration conf = new Configuration()
                .setString("parallelism.default", "four", "-D command-line option")
                .setString("execution.buffer-timeout", "soon", "-D command-line option");

        assertThatThrownBy(() -> conf.get(PipelineOptions.PARALLELISM))
                .hasMessageContaining("'four' for 'parallelism.default' (set in -D command-line option)")
                .hasMessageContaining("expected a whole number");
        assertThatThrownBy(() -> conf.get(ExecutionOptions.BUFFER_TIMEOUT))
                .hasMessageContaining("expected a duration");
    }

    @Test
    void validatorRejectsUnknownKeysUnderWeirPrefixesWithASuggestion() {
        Configuration conf = new Configuration().setString("execution.runtime-mod", "BATCH", "config.yaml");

        assertThatThrownBy(() -> ConfigurationValidator.validate(conf))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("Unknown configuration key 'execution.runtime-mod' with value 'BATCH' (set in config.yaml)")
                .hasMessageContaining("did you mean 'execution.runtime-mode'?");
    }

    @Test
    void validatorRejectsATypoOfAKnownKeyOutsideWeirPrefixes() {
        Configuration conf = new Configuration().setString("paralelism.default", "2", "-D command-line option");

        assertThatThrownBy(() -> ConfigurationValidator.validate(conf))
                .hasMessageContaining("did you mean 'parallelism.default'?");
    }

    @Test
    void validatorLeavesUnrelatedUserKeysAlone() {
        Configuration conf = new Configuration().setString("my.app.threshold", "17", "code");
        ConfigurationValidator.validate(conf);
        assertThat(conf.getString("my.app.threshold")).isEqualTo("17");
    }

    @Test
    void validatorParsesEveryKnownOptionEagerly() {
        Configuration conf = new Configuration().setString("pipeline.max-parallelism", "lots", "config.yaml");
        assertThatThrownBy(() -> ConfigurationValidator.validate(conf))
                .hasMessageContaining("'lots' for 'pipeline.max-parallelism' (set in config.yaml)");
    }

    @Test
    void laterSourcesOverrideEarlierOnesAndKeepTheirOrigin() {
        Configuration file = new Configuration().setString("execution.runtime-mode", "BATCH", "config.yaml");
        Configuration cli = new Configuration().setString("execution.runtime-mode", "STREAMING", "-D");
        Configuration merged = new Configuration(file).addAll(cli);
        assertThat(merged.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(merged.originOf("execution.runtime-mode")).isEqualTo("-D");
    }

    @Test
    void memorySizesParseWithUnits() {
        assertThat(MemorySize.parse("64 mb").bytes()).isEqualTo(64L << 20);
        assertThat(MemorySize.parse("1g").bytes()).isEqualTo(1L << 30);
        assertThat(MemorySize.parse("512").bytes()).isEqualTo(512);
        assertThatThrownBy(() -> MemorySize.parse("12 parsecs")).hasMessageContaining("unknown unit");
    }
}
