package io.weir.runtime.scheduler;

import java.nio.file.Path;
import java.util.List;

/**
 * The work directories of one BATCH job, one inside each directory of {@code io.tmp.dirs}, and which of them
 * holds a subtask's files (its result partitions and sort spill files). Subtasks are spread round robin, so
 * several disks share the job's I/O and space; the choice depends only on the subtask, so a consumer finds its
 * producer's partitions and every attempt of a subtask uses the same directory.
 */
public final class WorkDirectories {
    private final List<Path> directories;

    /** @param directories the job's work directories, at least one, in the order of {@code io.tmp.dirs} */
    public WorkDirectories(List<Path> directories) {
        if (directories.isEmpty()) {
            throw new IllegalArgumentException("A BATCH job needs at least one work directory");
        }
        this.directories = List.copyOf(directories);
    }

    /** The directory for the files of subtask {@code subtask} of task {@code vertex}. */
    public Path of(int vertex, int subtask) {
        return directories.get(Math.floorMod(vertex + subtask, directories.size()));
    }

    public List<Path> all() {
        return directories;
    }

    @Override
    public String toString() {
        return directories.size() == 1 ? directories.get(0).toString() : directories.toString();
    }
}
