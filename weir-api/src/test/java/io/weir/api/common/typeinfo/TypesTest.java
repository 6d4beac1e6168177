package io.weir.api.common.typeinfo;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.typeutils.GenericTypeInfo;
import io.weir.api.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypesTest {
    record Sale(String shop, double amount) {
    }

    /** Not a POJO: no no-argument constructor. */
    static final class Opaque {
        Opaque(int x) {
        }
    }

    @Test
    void classesMapToBasicTuplePojoOrGenericTypes() {
        assertThat(TypeInformation.of(Long.class)).isSameAs(Types.LONG);
        assertThat(TypeInformation.of(long.class)).isSameAs(Types.LONG);
        assertThat(Types.LONG.isBasicType()).isTrue();
        assertThat(TypeInformation.of(Sale.class)).isEqualTo(Types.POJO(Sale.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(Opaque.class)).isInstanceOf(GenericTypeInfo.class);
        assertThat(TypeInformation.of(Tuple2.class).isTupleType()).isTrue();
        assertThat(TypeInformation.of(Tuple2.class).getArity()).isEqualTo(2);
    }

    @Test
    void aTypeHintCapturesTheFieldTypesOfATuple() {
        TypeInformation<Tuple3<String, Integer, List<String>>> info =
                TypeInformation.of(new TypeHint<Tuple3<String, Integer, List<String>>>() { });

        assertThat(info).isEqualTo(Types.TUPLE(Types.STRING, Types.INT, Types.GENERIC(List.class)));
        assertThat(info.toString()).isEqualTo("Tuple3<String, Integer, List>");
        assertThat(info).isNotEqualTo(Types.TUPLE(Types.STRING, Types.LONG, Types.GENERIC(List.class)));
    }

    @Test
    void tuplesOfUnsupportedAritiesAndNonPojosAreRejectedByName() {
        assertThatThrownBy(() -> Types.TUPLE(Types.STRING)).hasMessageContaining("Tuple2..Tuple5")
                .hasMessageContaining("got 1");
        assertThatThrownBy(() -> Types.POJO(Opaque.class)).hasMessageContaining(Opaque.class.getName())
                .hasMessageContaining("no-argument constructor");
    }
}
