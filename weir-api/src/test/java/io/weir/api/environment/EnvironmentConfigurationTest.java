package io.weir.api.environment;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IllegalConfigurationException;
import io.weir.api.config.PipelineOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentConfigurationTest {

    @AfterEach
    void clearContext() {
        EnvironmentContext.clear();
    }

    @Test
    void launcherSettingsApplyToEveryEnvironment() {
        EnvironmentContext.install(new Configuration().setString("execution.runtime-mode", "BATCH", "-D"), false);

        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration()
                .get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.BATCH);
    }

    @Test
    void codeSettingsWinOverLauncherSettings() {
        EnvironmentContext.install(new Configuration()
                .setString("execution.runtime-mode", "BATCH", "config.yaml")
                .setString("parallelism.default", "3", "config.yaml"), false);
        Configuration code = new Configuration();
        code.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(code);

        assertThat(env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(env.getParallelism()).isEqualTo(3);
        env.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
        assertThat(env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.AUTOMATIC);
    }

    @Test
    void defaultParallelismIsTheNumberOfCores() {
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getParallelism())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aBadLauncherSettingFailsWhenTheEnvironmentIsCreated() {
        EnvironmentContext.install(new Configuration().setString("execution.runtime-mode", "FAST", "-D"), false);

        assertThatThrownBy(StreamExecutionEnvironment::getExecutionEnvironment)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'FAST' for 'execution.runtime-mode' (set in -D)");
    }

    @Test
    void executingAJobWithoutASinkSaysHowToAddOne() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements(1, 2, 3).map(x -> x);

        assertThatThrownBy(env::execute).hasMessageContaining("The job has no sink");
    }

    @Test
    void parallelismMustBePositive() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(() -> env.setParallelism(0)).hasMessageContaining("at least 1");
        env.setParallelism(2);
        assertThat(env.getConfiguration().get(PipelineOptions.PARALLELISM)).isEqualTo(2);
    }

    @Test
    void nonParallelSourcesRefuseAParallelism() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(() -> env.fromElements(1, 2).setParallelism(2)).hasMessageContaining("not parallel");
    }
}
