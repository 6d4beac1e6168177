package io.weir.cli.config;

import io.weir.api.config.Configuration;
import io.weir.api.config.IllegalConfigurationException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code config.yaml} into a {@link Configuration}. The file's directory is {@code $WEIR_CONF_DIR}, else
 * {@code <WEIR_HOME>/conf}.
 *
 * <p>Nested maps and dotted keys mean the same and may be mixed: {@code execution: {runtime-mode: BATCH}} and
 * {@code execution.runtime-mode: BATCH} both set {@code execution.runtime-mode}. Every value is kept as the
 * text written in the file and parsed later against its option's type, so errors about values come from the
 * option and name this file as the origin. A key without a value sets nothing (so a section whose entries
 * are all commented out is harmless); a list or a key set twice is an error naming the key and its line.
 */
public final class ConfigFileLoader {
    public static final String FILE_NAME = "config.yaml";
    public static final String CONF_DIR_ENV = "WEIR_CONF_DIR";
    public static final String HOME_ENV = "WEIR_HOME";
    /** Set by {@code bin/weir}; wins over {@link #HOME_ENV} because the script resolved it itself. */
    public static final String HOME_PROPERTY = "weir.home";

    private ConfigFileLoader() {
    }

    /**
     * The settings of the configuration directory chosen by {@code env} and {@code weirHomeProperty}; none when
     * neither names one or when {@code <WEIR_HOME>/conf} holds no {@code config.yaml}. A {@code $WEIR_CONF_DIR}
     * without one is an error: the user pointed at it to get its settings, and running without them would
     * silently use the defaults instead.
     */
    public static Configuration load(Map<String, String> env, String weirHomeProperty) {
        Optional<Path> dir = locateDirectory(env, weirHomeProperty);
        if (dir.isEmpty()) {
            return new Configuration();
        }
        Path file = dir.get().resolve(FILE_NAME);
        // NOFOLLOW_LINKS: a config.yaml that is a dangling link exists, and reading it reports why it fails.
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (confDirFromEnvironment(env) != null) {
                throw new IllegalConfigurationException("Configuration directory '" + env.get(CONF_DIR_ENV)
                        + "' (set in " + CONF_DIR_ENV + ") holds no " + FILE_NAME + ": create "
                        + file.toAbsolutePath().normalize() + ", point " + CONF_DIR_ENV
                        + " at the directory holding it, or unset it to use <WEIR_HOME>/conf");
            }
            return new Configuration();
        }
        return loadFile(file);
    }

    private static String confDirFromEnvironment(Map<String, String> env) {
        String confDir = env.get(CONF_DIR_ENV);
        return confDir != null && !confDir.isBlank() ? confDir : null;
    }

    /**
     * {@code $WEIR_CONF_DIR}, which must exist because the user asked for it; else {@code <WEIR_HOME>/conf} if
     * it exists (a distribution without one simply has no settings).
     */
    public static Optional<Path> locateDirectory(Map<String, String> env, String weirHomeProperty) {
        String confDir = confDirFromEnvironment(env);
        if (confDir != null) {
            Path dir = Path.of(confDir);
            if (!Files.isDirectory(dir)) {
                throw new IllegalConfigurationException("Configuration directory '" + confDir + "' (set in "
                        + CONF_DIR_ENV + ") does not exist or is not a directory: point " + CONF_DIR_ENV
                        + " at the directory holding " + FILE_NAME + ", or unset it to use <WEIR_HOME>/conf");
            }
            return Optional.of(dir);
        }
        String home = weirHomeProperty != null && !weirHomeProperty.isBlank() ? weirHomeProperty : env.get(HOME_ENV);
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(home, "conf")).filter(Files::isDirectory);
    }

    /** The settings in {@code file}, each with the file's absolute path as its origin. */
    public static Configuration loadFile(Path file) {
        String origin = file.toAbsolutePath().normalize().toString();
        String text;
        try {
            // Read whole first: SnakeYAML would turn a read error into a parse error without the reason.
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Cannot read configuration file '" + origin + "': "
                    + UnreadableFile.why(file, e), e);
        }
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new IllegalConfigurationException("Cannot parse configuration file '" + origin + "'"
                    + position(e.getProblemMark()) + ": " + e.getProblem() + ". Fix the YAML syntax there.", e);
        } catch (YAMLException e) {
            throw new IllegalConfigurationException("Cannot read configuration file '" + origin + "': "
                    + e.getMessage(), e);
        }
        Configuration configuration = new Configuration();
        if (root == null || isNull(root)) {
            return configuration;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new IllegalConfigurationException("Configuration file '" + origin + "'" + position(root.getStartMark())
                    + " must be a map of settings such as 'execution.runtime-mode: BATCH'");
        }
        new Flattener(origin, configuration).addMapping("", mapping);
        return configuration;
    }

    /** Walks the node tree, turning nested keys into dotted ones; remembers each key's line to report duplicates. */
    private static final class Flattener {
        private final String origin;
        private final Configuration target;
        private final Map<String, Integer> lineOfKey = new HashMap<>();

        Flattener(String origin, Configuration target) {
            this.origin = origin;
            this.target = target;
        }

        void addMapping(String prefix, MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || keyNode.getValue().isBlank()) {
                    throw error(tuple.getKeyNode(), "has a key that is not a plain name");
                }
                addValue(prefix + keyNode.getValue(), tuple.getValueNode());
            }
        }

        private void addValue(String key, Node value) {
            if (value instanceof MappingNode nested) {
                addMapping(key + ".", nested);
            } else if (value instanceof ScalarNode scalar) {
                if (isNull(scalar)) {
                    return;
                }
                int line = value.getStartMark().getLine() + 1;
                Integer earlier = lineOfKey.putIfAbsent(key, line);
                if (earlier != null) {
                    throw error(value, "sets '" + key + "' a second time (first at line " + earlier
                            + "); keep one of them");
                }
                target.setString(key, scalar.getValue(), origin);
            } else {
                throw error(value, "gives '" + key + "' a list; a setting takes a single value");
            }
        }

        private IllegalConfigurationException error(Node node, String what) {
            return new IllegalConfigurationException("Configuration file '" + origin + "'"
                    + position(node.getStartMark()) + " " + what);
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String position(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
