package io.weir.runtime.operators;

import io.weir.api.functions.KeyEquality;
import io.weir.api.functions.KeySelector;

/**
 * A user's key selector whose keys are checked wherever keys are taken at run time (keyed routing, keyed state,
 * BATCH's sort and combiners), so both modes reject the same keys with the same message naming the keyed
 * operator: a {@code null} key, and a key without value equality ({@link KeyEquality}) that the job's build could
 * not see from the selector's type. Such keys would otherwise group differently per mode.
 *
 * <p>Cheap per record: a key of the class last found to have value equality whatever it contains is passed on
 * after one comparison; other classes are judged once each ({@link KeyEquality} caches per class), and only
 * tuples and records of open component types have their contents looked at, per key. Instances are shared by the
 * subtasks of an operator; the remembered class is a benign race (a stale read only costs a cache lookup).
 */
public final class CheckedKeySelector<IN, KEY> implements KeySelector<IN, KEY> {
    private static final long serialVersionUID = 1L;
    private final KeySelector<IN, KEY> selector;
    private final String operatorName;
    private transient Class<?> lastValueClass;

    private CheckedKeySelector(KeySelector<IN, KEY> selector, String operatorName) {
        this.selector = selector;
        this.operatorName = operatorName;
    }

    /** {@code selector} checked, naming {@code operatorName} (the keyed operator) in errors; not wrapped twice. */
    public static KeySelector<?, ?> of(KeySelector<?, ?> selector, String operatorName) {
        return selector instanceof CheckedKeySelector<?, ?>
                ? selector : new CheckedKeySelector<>(selector, operatorName);
    }

    @Override
    public KEY getKey(IN value) throws Exception {
        KEY key = selector.getKey(value);
        if (key == null) {
            throw new NullPointerException("The key selector of '" + operatorName + "' returned null for a record; "
                    + "keys must not be null. Filter such records out before keyBy, or map a missing key to a "
                    + "placeholder value");
        }
        Class<?> type = key.getClass();
        if (type != lastValueClass) {
            check(key, type);
        }
        return key;
    }

    private void check(Object key, Class<?> type) {
        String problem = KeyEquality.problemOfKey(key);
        if (problem != null) {
            throw new IllegalArgumentException("The key selector of '" + operatorName + "' returned a key of type "
                    + type.getTypeName() + ", which has no value equality (" + problem + "), so records with equal "
                    + "keys would not be grouped together. " + KeyEquality.WHAT_TO_DO);
        }
        if (KeyEquality.alwaysHasValueEquality(type)) {
            lastValueClass = type;
        }
    }
}
