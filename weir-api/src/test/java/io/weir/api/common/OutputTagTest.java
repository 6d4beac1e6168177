package io.weir.api.common;

import io.weir.api.common.typeinfo.TypeHint;
import io.weir.api.common.typeinfo.TypeInformation;
import io.weir.api.common.typeinfo.Types;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputTagTest {
    /** A POJO: public no-argument constructor. */
    public static class Event {
        public String name;
        public long time;
    }

    @Test
    void anAnonymousSubclassCarriesItsTypeArgument() {
        OutputTag<Tuple2<String, Long>> tag = new OutputTag<Tuple2<String, Long>>("late") {
        };

        assertThat(tag.getTypeInfo()).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        assertThat(tag.getTypeInfo().toString()).isEqualTo("Tuple2<String, Long>");
        assertThat(new OutputTag<Event>("late") { }.getTypeInfo()).isEqualTo(Types.POJO(Event.class));
        assertThat(new OutputTag<List<String>>("lists") { }.getTypeInfo().getTypeClass()).isEqualTo(List.class);
    }

    @Test
    void anAnonymousSubclassWithTheDiamondTakesTheTargetsTypeArgument() {
        OutputTag<Long> tag = new OutputTag<>("numbers") {
        };

        assertThat(tag.getTypeInfo()).isEqualTo(Types.LONG);
    }

    @Test
    void theTypeCanBeGivenExplicitly() {
        assertThat(new OutputTag<>("late", Types.STRING).getTypeInfo()).isEqualTo(Types.STRING);
        assertThat(new OutputTag<>("late", TypeInformation.of(new TypeHint<Tuple2<String, Long>>() { }))
                .getTypeInfo()).isEqualTo(new OutputTag<Tuple2<String, Long>>("x") { }.getTypeInfo());
        assertThat(new OutputTag<>("late", TypeInformation.of(Event.class)).getTypeInfo())
                .isEqualTo(Types.POJO(Event.class));
    }

    @Test
    void aTagWhoseTypeCannotBeToldIsRejectedSayingHowToGiveIt() {
        assertThatThrownBy(() -> new OutputTag<String>("late"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OutputTag 'late'")
                .hasMessageContaining("new OutputTag<Event>(\"late\") {}")
                .hasMessageContaining("Types.");
        assertThatThrownBy(() -> tagOf("generic"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OutputTag 'generic'");
        assertThatThrownBy(() -> new OutputTag<>("late", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'late'");
    }

    private static <T> OutputTag<T> tagOf(String id) {
        return new OutputTag<T>(id) {
        };
    }

    @Test
    void tagsAreTheSameSideOutputWhenTheirIdsAreEqual() {
        assertThat(new OutputTag<>("a", Types.STRING)).isEqualTo(new OutputTag<String>("a") { })
                .isNotEqualTo(new OutputTag<>("b", Types.STRING));
    }

    /** The anonymous tag below holds this test instance, which is not serializable. */
    @Test
    void anAnonymousTagMadeInAnInstanceMethodIsShippedAsAPlainTagWithItsType() throws Exception {
        OutputTag<Tuple2<String, Long>> tag = new OutputTag<>("late") {
        };

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(tag);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isInstanceOf(OutputTag.class).isEqualTo(tag);
        assertThat(((OutputTag<?>) copy).getTypeInfo()).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    }
}
