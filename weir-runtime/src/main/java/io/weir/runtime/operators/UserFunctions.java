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

    /** Opens each function that is not null. */
    public static void openAll(OperatorRuntimeContext context, Function... functions) throws Exception {
        for (Function function : functions) {
            if (function != null) {
                open(function, context);
            }
        }
    }

    /**
     * Closes each function that is not null, every one even if some fail; the first failure is thrown, with the
     * others suppressed in it.
     */
    public static void closeAll(Function... functions) throws Exception {
        Exception failure = null;
        for (Function function : functions) {
            try {
                if (function != null) {
                    close(function);
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
