package io.weir.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs the compiled classes of a test package into a job jar for {@code bin/weir run -c <class> <jar>}. */
final class TestJobJar {
    private TestJobJar() {
    }

    /** A jar at {@code jar} holding every class of {@code anyClassOfThePackage}'s package (not its subpackages). */
    static Path of(Class<?> anyClassOfThePackage, Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(anyClassOfThePackage.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePath = anyClassOfThePackage.getPackageName().replace('.', '/');
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> entries = Files.list(classes.resolve(packagePath))) {
            for (Path classFile : entries.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                out.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
                Files.copy(classFile, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
