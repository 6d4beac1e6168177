package io.weir.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs test job classes into a job jar for {@code bin/weir run}, as a user's build would. */
final class JobJars {
    private JobJars() {
    }

    /** A jar with {@code mainClass} as Main-Class, holding it and {@code others} (e.g. its nested classes). */
    static Path jar(Path dir, Class<?> mainClass, Class<?>... others) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        Path jar = dir.resolve(mainClass.getSimpleName() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            add(out, mainClass);
            for (Class<?> c : others) {
                add(out, c);
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, Class<?> c) throws IOException {
        String entry = c.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }
}
