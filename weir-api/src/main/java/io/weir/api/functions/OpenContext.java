package io.weir.api.functions;

/** Passed to {@link RichFunction#open(OpenContext)}; room for what a function may need when it starts. */
public interface OpenContext {
}
