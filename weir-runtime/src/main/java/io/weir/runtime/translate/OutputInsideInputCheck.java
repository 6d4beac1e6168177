package io.weir.runtime.translate;

import io.weir.api.connector.sink.FileOutput;
import io.weir.api.connector.source.FileInput;
import io.weir.api.dag.Pipeline;
import io.weir.api.dag.SinkTransformation;
import io.weir.api.dag.SourceTransformation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rejects a job whose file sink writes into a directory that is, or lies inside, one of its file sources' input
 * paths: the source would pick up the sink's part files (now, or when the job runs again), which is never what
 * was meant. Paths are compared after resolving symbolic links, so a link cannot hide the overlap.
 */
final class OutputInsideInputCheck {
    private OutputInsideInputCheck() {
    }

    static void check(Pipeline pipeline, List<SourceTransformation<?>> sources) {
        for (SinkTransformation<?> sink : pipeline.sinks()) {
            if (!(sink.getSink() instanceof FileOutput output)) {
                continue;
            }
            Path out = canonical(output.outputDirectory());
            for (SourceTransformation<?> source : sources) {
                if (source.getSource() instanceof FileInput input) {
                    Path in = canonical(input.inputPath());
                    if (out.startsWith(in)) {
                        throw new IllegalArgumentException("Job '" + pipeline.jobName() + "': sink '" + sink.getName()
                                + "' writes into '" + output.outputDirectory() + "', which "
                                + (out.equals(in) ? "is" : "lies inside") + " the input path '" + input.inputPath()
                                + "' of source '" + source.getName() + "', so the job would read its own output. "
                                + "Choose an output directory outside the input.");
                    }
                }
            }
        }
    }

    /**
     * The absolute path with every link of its existing part resolved; the part that does not exist yet (an
     * output directory the sink will create) is appended as written, normalised.
     */
    static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException unresolvable) {
            return absolute;
        }
    }
}
