package io.weir.api.functions;

/** A function with a lifecycle and access to its {@link RuntimeContext}. */
public interface RichFunction extends Function {
    /** Called on the task thread once, before the first record. */
    void open(OpenContext openContext) throws Exception;

    /** Called on the task thread once, after the last record or when the task is cancelled or failed. */
    void close() throws Exception;

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
