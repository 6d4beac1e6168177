package io.weir.cli.config;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IllegalConfigurationException;
import io.weir.api.config.PipelineOptions;
import io.weir.api.environment.EnvironmentContext;
import io.weir.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobConfigurationTest {
    @TempDir
    Path confDir;

    @AfterEach
    void clearContext() {
        EnvironmentContext.clear();
    }

    private Configuration fileSettings(String yaml) throws IOException {
        return ConfigFileLoader.loadFile(Files.writeString(confDir.resolve("config.yaml"), yaml));
    }

    @Test
    void commandLineOverridesFileAndFileSettingsNotOverriddenRemain() throws IOException {
        Configuration merged = JobConfiguration.assemble(
                fileSettings("execution.runtime-mode: BATCH\nparallelism.default: 3\n"),
                DynamicProperties.parse(List.of("execution.runtime-mode=STREAMING")));
        assertThat(merged.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(merged.originOf("execution.runtime-mode")).isEqualTo(DynamicProperties.ORIGIN);
        assertThat(merged.get(PipelineOptions.PARALLELISM)).isEqualTo(3);
    }

    @Test
    void codeOverridesCommandLineAndFile() throws IOException {
        Configuration launched = JobConfiguration.assemble(
                fileSettings("execution.runtime-mode: BATCH\nexecution.buffer-timeout: 7 ms\n"),
                DynamicProperties.parse(List.of("execution.runtime-mode=AUTOMATIC", "parallelism.default=2")));
        EnvironmentContext.install(launched, false);

        Configuration code = new Configuration().set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        Configuration effective = StreamExecutionEnvironment.getExecutionEnvironment(code).getConfiguration();

        assertThat(effective.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(effective.get(PipelineOptions.PARALLELISM)).isEqualTo(2);
        assertThat(effective.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void invalidValueInFileFailsBeforeAnythingRunsNamingTheFile() throws IOException {
        Configuration file = fileSettings("execution.runtime-mode: FOO\n");
        assertThatThrownBy(() -> JobConfiguration.assemble(file, new Configuration()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'FOO'")
                .hasMessageContaining("execution.runtime-mode")
                .hasMessageContaining(confDir.resolve("config.yaml").toAbsolutePath().normalize().toString())
                .hasMessageContaining("STREAMING, BATCH, AUTOMATIC");
    }

    @Test
    void unknownKeyThatLooksLikeATypoFailsNamingTheCommandLine() {
        assertThatThrownBy(() -> JobConfiguration.assemble(new Configuration(),
                DynamicProperties.parse(List.of("execution.runtime-mod=BATCH"))))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("execution.runtime-mod")
                .hasMessageContaining(DynamicProperties.ORIGIN)
                .hasMessageContaining("did you mean 'execution.runtime-mode'");
    }
}
