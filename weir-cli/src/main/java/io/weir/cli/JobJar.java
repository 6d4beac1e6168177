package io.weir.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** A job's jar file and the class whose {@code main} starts the job. */
public record JobJar(Path path, String mainClass) {

    /**
     * The jar at {@code location} (relative to the working directory) and its main class: {@code mainClassOverride}
     * if given, else the manifest's {@code Main-Class}.
     */
    public static JobJar open(String location, String mainClassOverride) {
        Path path = Path.of(location);
        if (!Files.exists(path)) {
            throw new JobLaunchException("Job jar '" + location + "' does not exist (working directory: "
                    + Path.of("").toAbsolutePath() + ")");
        }
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
