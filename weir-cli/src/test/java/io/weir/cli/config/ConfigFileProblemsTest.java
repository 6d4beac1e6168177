package io.weir.cli.config;

import io.weir.api.config.Configuration;
import io.weir.api.config.IllegalConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configuration directory or file that cannot give its settings says why (issue 10, item 8). */
class ConfigFileProblemsTest {
    @TempDir
    Path confDir;

    private Configuration loadFromConfDir() {
        return ConfigFileLoader.load(Map.of("WEIR_CONF_DIR", confDir.toString()), null);
    }

    private String configFile() {
        return confDir.resolve("config.yaml").toAbsolutePath().normalize().toString();
    }

    @Test
    void confDirWithoutConfigYamlIsReportedNamingTheMissingFile() {
        assertThatThrownBy(this::loadFromConfDir)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("Configuration directory '" + confDir + "' (set in WEIR_CONF_DIR) holds no "
                        + "config.yaml")
                .hasMessageContaining("create " + configFile());
    }

    @Test
    void weirHomeConfWithoutConfigYamlStillMeansDefaults() throws IOException {
        Files.createDirectories(confDir.resolve("home/conf"));
        assertThat(ConfigFileLoader.load(Map.of(), confDir.resolve("home").toString()).keySet()).isEmpty();
    }

    @Test
    void configYamlThatIsADirectorySaysSo() throws IOException {
        Files.createDirectory(confDir.resolve("config.yaml"));
        assertThatThrownBy(this::loadFromConfDir)
                .hasMessage("Cannot read configuration file '" + configFile() + "': it is a directory, not a file; "
                        + "put the settings into a file of that name");
    }

    @Test
    void configYamlThatIsADanglingLinkNamesTheMissingTarget() throws IOException {
        Path target = confDir.resolve("gone.yaml");
        Files.createSymbolicLink(confDir.resolve("config.yaml"), target);
        assertThatThrownBy(this::loadFromConfDir)
                .hasMessage("Cannot read configuration file '" + configFile() + "': it is a symbolic link to '"
                        + target + "', which does not exist; fix or remove the link");
    }

    @Test
    void configYamlThatIsNotUtf8SaysSo() throws IOException {
        Files.write(confDir.resolve("config.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(this::loadFromConfDir)
                .hasMessageStartingWith("Cannot read configuration file '" + configFile() + "': it is not UTF-8 text");
    }

    @Test
    void aPermissionProblemIsNamedAsSuch() {
        // Tests may run as root, who reads any file, so the JDK's exception is handed in directly.
        Path file = confDir.resolve("config.yaml");
        assertThat(UnreadableFile.why(file, new AccessDeniedException(file.toString())))
                .isEqualTo("permission denied; make it readable by the user running weir");
    }

    @Test
    void aScalarWhereASectionIsExpectedFailsNamingTheFile() throws IOException {
        Files.writeString(confDir.resolve("config.yaml"), "execution: BATCH\n");
        Configuration fromFile = loadFromConfDir();
        assertThatThrownBy(() -> JobConfiguration.assemble(fromFile, new Configuration()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'execution' with value 'BATCH' (set in " + configFile() + ")")
                .hasMessageContaining("names a section of settings, not a setting")
                .hasMessageContaining("execution.runtime-mode");
    }

    @Test
    void aKeyMissingItsPrefixInTheFileIsReportedAsATypo() throws IOException {
        Files.writeString(confDir.resolve("config.yaml"), "runtime-mode: BATCH\n");
        Configuration fromFile = loadFromConfDir();
        assertThatThrownBy(() -> JobConfiguration.assemble(fromFile, new Configuration()))
                .hasMessageContaining("Unknown configuration key 'runtime-mode' with value 'BATCH' (set in "
                        + configFile() + "): did you mean 'execution.runtime-mode'?");
    }
}
