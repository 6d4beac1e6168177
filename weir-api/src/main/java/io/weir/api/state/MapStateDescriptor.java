package io.weir.api.state;

/** Describes a {@link MapState}. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>> {
    private static final long serialVersionUID = 1L;

    private final Class<UK> keyType;
    private final Class<UV> valueType;

    public MapStateDescriptor(String name, Class<UK> keyType, Class<UV> valueType) {
        super(name);
        this.keyType = keyType;
        this.valueType = valueType;
    }

    public Class<UK> getKeyType() {
        return keyType;
    }

    public Class<UV> getValueType() {
        return valueType;
    }

    @Override
    public Kind getKind() {
        return Kind.MAP;
    }
}
