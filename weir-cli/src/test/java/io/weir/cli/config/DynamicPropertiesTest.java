package io.weir.cli.config;

import io.weir.api.config.Configuration;
import io.weir.api.config.IllegalConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamicPropertiesTest {
    @Test
    void splitsEachSettingAtTheFirstEqualsSign() {
        Configuration config = DynamicProperties.parse(List.of("execution.runtime-mode=BATCH", "my.filter=a=b"));
        assertThat(config.getString("execution.runtime-mode")).isEqualTo("BATCH");
        assertThat(config.getString("my.filter")).isEqualTo("a=b");
    }

    @Test
    void settingsAreMarkedAsComingFromTheCommandLine() {
        Configuration config = DynamicProperties.parse(List.of("parallelism.default=2"));
        assertThat(config.originOf("parallelism.default")).isEqualTo("-D command-line option");
    }

    @Test
    void laterSettingOfTheSameKeyWins() {
        Configuration config = DynamicProperties.parse(List.of("parallelism.default=2", "parallelism.default=3"));
        assertThat(config.getString("parallelism.default")).isEqualTo("3");
    }

    @Test
    void emptyValueIsKept() {
        assertThat(DynamicProperties.parse(List.of("pipeline.name=")).getString("pipeline.name")).isEmpty();
    }

    @Test
    void settingWithoutEqualsSignIsAnErrorShowingTheExpectedForm() {
        assertThatThrownBy(() -> DynamicProperties.parse(List.of("execution.runtime-mode")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'execution.runtime-mode'")
                .hasMessageContaining("-Dkey=value");
    }

    @Test
    void settingWithoutKeyIsAnError() {
        assertThatThrownBy(() -> DynamicProperties.parse(List.of("=BATCH")))
                .isInstanceOf(IllegalConfigurationException.class);
    }
}
