package io.weir.runtime.operators;

import io.weir.api.functions.Function;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;

/** Opens and closes user functions that have a lifecycle. */
public final class UserFunctions {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    private UserFunctions() {
    }

    public static void open(Function function, OperatorRuntimeContext context) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(context);
            rich.open(OPEN_CONTEXT);
        }
    }

    public static void close(Function function) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }
}
