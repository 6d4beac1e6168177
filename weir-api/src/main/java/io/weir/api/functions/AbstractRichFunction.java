package io.weir.api.functions;

/** Base for rich functions: keeps the runtime context; {@code open} and {@code close} do nothing unless overridden. */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;

    private transient RuntimeContext runtimeContext;

    @Override
    public void open(OpenContext openContext) throws Exception {
    }

    @Override
    public void close() throws Exception {
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context is not set yet: it is available from open() on");
        }
        return runtimeContext;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }
}
