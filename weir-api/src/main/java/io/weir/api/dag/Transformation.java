package io.weir.api.dag;

import io.weir.api.common.typeinfo.TypeInformation;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node of the logical, mode-free graph the API builds: what to compute, not how. The runtime's translator
 * turns the graph into a job graph for the chosen execution mode.
 *
 * <p>Built and mutated (name, parallelism, ...) on the user's thread only, before the job is submitted.
 */
public abstract class Transformation<T> {
    /** Parallelism not set: the environment's default applies. */
    public static final int DEFAULT_PARALLELISM = -1;
    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private final int id;
    private String name;
    private String uid;
    private int parallelism;
    private boolean parallelismFixed;
    private String fixedParallelismReason;
    private boolean chainingDisabled;
    private TypeInformation<T> outputType;

    protected Transformation(String name, int parallelism) {
        this.id = NEXT_ID.getAndIncrement();
        this.name = name;
        this.parallelism = parallelism;
    }

    public abstract List<Transformation<?>> getInputs();

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An operator name must not be empty");
        }
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != DEFAULT_PARALLELISM) {
            throw new IllegalArgumentException("The parallelism of '" + name + "' must be at least 1, was " + parallelism);
        }
        if (parallelismFixed && parallelism != this.parallelism) {
            throw new IllegalArgumentException("The parallelism of '" + name + "' is fixed at " + this.parallelism
                    + " (" + fixedParallelismReason + "), it cannot be set to " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** Fixes the parallelism, e.g. of a non-parallel source. */
    public void fixParallelism(int parallelism) {
        fixParallelism(parallelism, "this source is not parallel");
    }

    /** Fixes the parallelism; {@code reason} completes the error a later {@code setParallelism} gets. */
    public void fixParallelism(int parallelism, String reason) {
        this.parallelism = parallelism;
        this.parallelismFixed = true;
        this.fixedParallelismReason = reason;
    }

    public boolean isParallelismFixed() {
        return parallelismFixed;
    }

    public boolean isChainingDisabled() {
        return chainingDisabled;
    }

    public void disableChaining() {
        this.chainingDisabled = true;
    }

    /**
     * The type of the records, when the job said it ({@code returns(...)}) or a source knows it from its elements;
     * null otherwise (see {@code StreamTypes} for what is told from functions).
     */
    public TypeInformation<T> getOutputType() {
        return outputType;
    }

    public void setOutputType(TypeInformation<T> outputType) {
        this.outputType = outputType;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "', parallelism=" + parallelism + '}';
    }
}
