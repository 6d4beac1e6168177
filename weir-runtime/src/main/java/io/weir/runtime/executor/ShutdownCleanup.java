package io.weir.runtime.executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cleans up after the jobs still running when the JVM shuts down (Ctrl-C, {@code SIGTERM}, {@code System.exit}
 * in user code): one shutdown hook, registered on first use, runs each registered cleanup. Jobs register while
 * they hold something that must not outlive the process (a BATCH work directory) and unregister when they end.
 * {@code kill -9} runs no hook; {@link StaleWorkDirectories} handles what it leaves.
 */
final class ShutdownCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownCleanup.class);
    private static final Set<Runnable> CLEANUPS = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private ShutdownCleanup() {
    }

    /** Runs {@code cleanup} at shutdown unless it is {@linkplain #unregister unregistered} first. */
    static void register(Runnable cleanup) {
        installHook();
        CLEANUPS.add(cleanup);
    }

    static void unregister(Runnable cleanup) {
        CLEANUPS.remove(cleanup);
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (ShutdownCleanup.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::runAll, "weir-shutdown-cleanup"));
                hookInstalled = true;
            }
        }
    }

    private static void runAll() {
        List<Runnable> pending = new ArrayList<>(CLEANUPS);
        for (Runnable cleanup : pending) {
            try {
                cleanup.run();
            } catch (Throwable t) {
                LOG.warn("A cleanup at shutdown failed: {}", t.toString());
            }
        }
    }
}
