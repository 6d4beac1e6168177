package io.weir.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Summarises the {@code jdk.ExecutionSample} events of a JFR recording (the events {@code jfr print --events
 * jdk.ExecutionSample} lists one by one) as Markdown: samples per thread, the top methods by self samples (the
 * frame on top of the stack: where the CPU was) and by total samples (anywhere on the stack: what the time was
 * spent under).
 * <pre>
 * JfrTopFrames &lt;recording.jfr&gt; [top=15]
 * </pre>
 */
public final class JfrTopFrames {
    private JfrTopFrames() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: JfrTopFrames <recording.jfr> [top]");
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            RecordedThread thread = event.getThread("sampledThread");
            threads.merge(threadGroup(thread == null ? "?" : thread.getJavaName()), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            // A method counts once per sample however deep its recursion.
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.println("Execution samples: " + samples + " (" + args[0] + "); stacks are truncated by JFR at "
                + "64 frames, so totals of deep frames are lower bounds.");
        System.out.println();
        print("Samples by thread", threads, samples, top);
        print("Top methods, self (top of stack)", self, samples, top);
        print("Top methods, total (anywhere on the stack)", total, samples, top);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("| " + title + " | samples | % |");
        System.out.println("|---|---:|---:|");
        List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).collect(Collectors.toList());
        for (Map.Entry<String, Integer> e : sorted) {
            System.out.printf(Locale.ROOT, "| `%s` | %d | %.1f |%n", e.getKey(), e.getValue(),
                    100.0 * e.getValue() / Math.max(1, samples));
        }
        System.out.println();
    }

    /** {@code package.Class.method}, with the line dropped so that one method is one row. */
    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "?";
        }
        // Lambda classes carry a per-run address (Foo$$Lambda$125/0x...); one name per lambda site is enough.
        return method.getType().getName().replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda") + "." + method.getName();
    }

    /** Thread names without their subtask suffix such as " (1/2)", so that subtasks of one task are one row. */
    private static String threadGroup(String name) {
        return name.replaceAll("\\s*\\(\\d+/\\d+\\)(#\\d+)?$", "");
    }
}
