package io.weir.api.state;

/** Describes a {@link ListState}. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>> {
    private static final long serialVersionUID = 1L;

    private final Class<T> elementType;

    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name);
        this.elementType = elementType;
    }

    public Class<T> getElementType() {
        return elementType;
    }

    @Override
    public Kind getKind() {
        return Kind.LIST;
    }
}
