package io.weir.cli.config;

import io.weir.api.config.Configuration;
import io.weir.api.config.IllegalConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileLoaderTest {
    @TempDir
    Path confDir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(confDir.resolve("config.yaml"), yaml);
    }

    private Configuration loadFromConfDir() {
        return ConfigFileLoader.load(Map.of("WEIR_CONF_DIR", confDir.toString()), null);
    }

    @Test
    void nestedKeysBecomeDottedSettings() throws IOException {
        write("""
                execution:
                  runtime-mode: BATCH
                  buffer-timeout: 20 ms
                pipeline:
                  max-parallelism: 64
                """);
        Configuration config = loadFromConfDir();
        assertThat(config.entries()).containsOnlyKeys("execution.runtime-mode", "execution.buffer-timeout",
                "pipeline.max-parallelism");
        assertThat(config.getString("execution.runtime-mode")).isEqualTo("BATCH");
        assertThat(config.getString("execution.buffer-timeout")).isEqualTo("20 ms");
        assertThat(config.getString("pipeline.max-parallelism")).isEqualTo("64");
    }

    @Test
    void flatDottedKeysAreReadAsTheyAre() throws IOException {
        write("""
                execution.runtime-mode: BATCH
                parallelism.default: 3
                """);
        Configuration config = loadFromConfDir();
        assertThat(config.getString("execution.runtime-mode")).isEqualTo("BATCH");
        assertThat(config.getString("parallelism.default")).isEqualTo("3");
    }

    @Test
    void nestedAndFlatKeysMixInOneFile() throws IOException {
        write("""
                execution:
                  runtime-mode: AUTOMATIC
                execution.buffer-timeout: 5 ms
                parallelism:
                  default: 2
                """);
        Configuration config = loadFromConfDir();
        assertThat(config.getString("execution.runtime-mode")).isEqualTo("AUTOMATIC");
        assertThat(config.getString("execution.buffer-timeout")).isEqualTo("5 ms");
        assertThat(config.getString("parallelism.default")).isEqualTo("2");
    }

    @Test
    void valuesKeepTheTextWrittenInTheFile() throws IOException {
        write("""
                parallelism.default: 007
                my.flag: yes
                my.quoted: "a: b"
                """);
        Configuration config = loadFromConfDir();
        assertThat(config.getString("parallelism.default")).isEqualTo("007");
        assertThat(config.getString("my.flag")).isEqualTo("yes");
        assertThat(config.getString("my.quoted")).isEqualTo("a: b");
    }

    @Test
    void everySettingNamesTheFileAsItsOrigin() throws IOException {
        Path file = write("execution.runtime-mode: BATCH\n");
        assertThat(loadFromConfDir().originOf("execution.runtime-mode"))
                .isEqualTo(file.toAbsolutePath().normalize().toString());
    }

    @Test
    void malformedYamlIsAnErrorNamingTheFileAndLine() throws IOException {
        Path file = write("""
                execution:
                  runtime-mode: BATCH
                   buffer-timeout: [1
                """);
        assertThatThrownBy(this::loadFromConfDir)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(file.toAbsolutePath().normalize().toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void listValueIsAnErrorNamingTheKeyAndLine() throws IOException {
        write("""
                execution.runtime-mode: BATCH
                pipeline:
                  max-parallelism:
                    - 1
                    - 2
                """);
        assertThatThrownBy(this::loadFromConfDir)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'pipeline.max-parallelism'")
                .hasMessageContaining("list")
                .hasMessageContaining("line 4");
    }

    @Test
    void keySetTwiceInNestedAndFlatFormIsAnError() throws IOException {
        write("""
                execution.runtime-mode: BATCH
                execution:
                  runtime-mode: STREAMING
                """);
        assertThatThrownBy(this::loadFromConfDir)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'execution.runtime-mode' a second time (first at line 1)");
    }

    @Test
    void topLevelThatIsNotAMapIsAnError() throws IOException {
        write("- execution.runtime-mode: BATCH\n");
        assertThatThrownBy(this::loadFromConfDir)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("must be a map of settings");
    }

    @Test
    void sectionWhoseEntriesAreAllCommentedOutSetsNothing() throws IOException {
        write("""
                execution:
                  # runtime-mode: BATCH
                parallelism.default:
                """);
        assertThat(loadFromConfDir().keySet()).isEmpty();
    }

    @Test
    void fileWithOnlyCommentsSetsNothing() throws IOException {
        write("# nothing here\n");
        assertThat(loadFromConfDir().keySet()).isEmpty();
    }

    @Test
    void confDirFromEnvironmentThatDoesNotExistIsAnErrorNamingIt() {
        String missing = confDir.resolve("nope").toString();
        assertThatThrownBy(() -> ConfigFileLoader.load(Map.of("WEIR_CONF_DIR", missing), null))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'" + missing + "'")
                .hasMessageContaining("WEIR_CONF_DIR");
    }

    @Test
    void withoutConfDirTheConfFolderOfWeirHomeIsRead() throws IOException {
        Path home = confDir;
        Files.createDirectory(home.resolve("conf"));
        Files.writeString(home.resolve("conf/config.yaml"), "parallelism.default: 4\n");
        assertThat(ConfigFileLoader.load(Map.of(), home.toString()).getString("parallelism.default")).isEqualTo("4");
        assertThat(ConfigFileLoader.load(Map.of("WEIR_HOME", home.toString()), null).getString("parallelism.default"))
                .isEqualTo("4");
    }

    @Test
    void weirHomePropertyWinsOverWeirHomeEnvironmentVariable() throws IOException {
        Path home = Files.createDirectories(confDir.resolve("home"));
        Files.createDirectory(home.resolve("conf"));
        Files.writeString(home.resolve("conf/config.yaml"), "parallelism.default: 4\n");
        Configuration config = ConfigFileLoader.load(Map.of("WEIR_HOME", confDir.resolve("other").toString()),
                home.toString());
        assertThat(config.getString("parallelism.default")).isEqualTo("4");
    }

    @Test
    void confDirFromEnvironmentWinsOverWeirHome() throws IOException {
        Path home = Files.createDirectories(confDir.resolve("home/conf"));
        Files.writeString(home.resolve("config.yaml"), "parallelism.default: 4\n");
        write("parallelism.default: 9\n");
        Configuration config = ConfigFileLoader.load(Map.of("WEIR_CONF_DIR", confDir.toString()),
                confDir.resolve("home").toString());
        assertThat(config.getString("parallelism.default")).isEqualTo("9");
    }

    @Test
    void noConfDirAndNoWeirHomeMeansNoSettings() {
        assertThat(ConfigFileLoader.load(Map.of(), null).keySet()).isEmpty();
    }
}
