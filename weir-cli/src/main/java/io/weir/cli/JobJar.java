package io.weir.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** A job's jar file and the class whose {@code main} starts the job. */
public record JobJar(Path path, String mainClass) {

    /**
     * The jar at {@code location} and its main class: {@code mainClassOverride} if given, else the manifest's
     * {@code Main-Class}. A relative location is taken from the working directory, else from {@code weirHome}
     * (may be null), so that {@code bin/weir run examples/streaming/WordCount.jar} works from anywhere.
     */
    public static JobJar open(String location, String mainClassOverride, String weirHome) {
        Path path = locate(location, weirHome);
        if (!Files.isRegularFile(path)) {
            throw new JobLaunchException("Job jar '" + location + "' is not a file");
        }
        String mainClass = mainClassOverride != null && !mainClassOverride.isBlank()
                ? mainClassOverride.trim() : manifestMainClass(path, location);
        if (mainClass == null) {
            throw new JobLaunchException("Job jar '" + location + "' names no Main-Class in its manifest: "
                    + "give the job's main class with -c <class name>");
        }
        return new JobJar(path, mainClass);
    }

    private static Path locate(String location, String weirHome) {
        Path path = Path.of(location);
        if (Files.exists(path)) {
            return path;
        }
        if (!path.isAbsolute() && weirHome != null && Files.exists(Path.of(weirHome).resolve(path))) {
            return Path.of(weirHome).resolve(path);
        }
        String looked = path.isAbsolute() ? "" : " (looked in the working directory " + Path.of("").toAbsolutePath()
                + (weirHome == null ? "" : " and in WEIR_HOME " + weirHome) + ")";
        throw new JobLaunchException("Job jar '" + location + "' does not exist" + looked);
    }

    private static String manifestMainClass(Path path, String location) {
        try (JarFile jar = new JarFile(path.toFile())) {
            Manifest manifest = jar.getManifest();
            String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return mainClass == null || mainClass.isBlank() ? null : mainClass.trim();
        } catch (IOException e) {
            throw new JobLaunchException("Job jar '" + location + "' cannot be read as a jar file: " + e.getMessage(), e);
        }
    }
}
