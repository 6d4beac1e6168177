package io.weir.api.state;

import java.io.Serializable;
import java.util.Objects;

/** Names a piece of keyed state and says what it holds. Two descriptors with the same name denote the same state. */
public abstract class StateDescriptor<S extends State> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;

    protected StateDescriptor(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A state descriptor needs a non-empty name");
        }
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public abstract Kind getKind();

    /** The kinds of keyed state. */
    public enum Kind { VALUE, LIST, MAP, REDUCING, AGGREGATING }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateDescriptor<?> d && d.name.equals(name) && d.getKind() == getKind();
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, getKind());
    }

    @Override
    public String toString() {
        return getKind() + " state '" + name + "'";
    }
}
