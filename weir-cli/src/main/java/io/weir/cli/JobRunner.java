package io.weir.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Calls a job jar's {@code main}. The jar gets its own class loader whose parent is the command line's (which
 * holds {@code lib/*}), so the job sees exactly one copy of Weir and brings only its own classes.
 */
final class JobRunner {
    private JobRunner() {
    }

    /**
     * Runs {@code main(args)} on the calling thread and rethrows whatever it throws, unwrapped from reflection.
     * The jar's loader is the context class loader meanwhile, for libraries (and the runtime) that load the
     * job's classes by name through it.
     */
    static void runMain(JobJar jar, List<String> args) throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("weir-job", new URL[] {url(jar)}, JobRunner.class.getClassLoader())) {
            Method main = findMain(jar, loader);
            thread.setContextClassLoader(loader);
            main.invoke(null, (Object) args.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Method findMain(JobJar jar, ClassLoader loader) {
        Class<?> mainClass;
        try {
            mainClass = Class.forName(jar.mainClass(), false, loader);
        } catch (ClassNotFoundException e) {
            throw new JobLaunchException("Main class '" + jar.mainClass() + "' is not in job jar '" + jar.path()
                    + "': check the Main-Class in its manifest or the -c option");
        }
        try {
            Method main = mainClass.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new NoSuchMethodException();
            }
            return main;
        } catch (NoSuchMethodException e) {
            throw new JobLaunchException("Main class '" + jar.mainClass() + "' in job jar '" + jar.path()
                    + "' has no 'public static void main(String[] args)' method");
        }
    }

    private static URL url(JobJar jar) {
        try {
            return jar.path().toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new JobLaunchException("Job jar path '" + jar.path() + "' cannot be turned into a URL", e);
        }
    }
}
