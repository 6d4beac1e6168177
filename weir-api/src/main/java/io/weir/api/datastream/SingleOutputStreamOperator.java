package io.weir.api.datastream;

import io.weir.api.common.OutputTag;
import io.weir.api.common.typeinfo.TypeHint;
import io.weir.api.common.typeinfo.TypeInformation;
import io.weir.api.dag.SideOutputTransformation;
import io.weir.api.dag.Transformation;
import io.weir.api.environment.StreamExecutionEnvironment;

/** The output of one operator: it can be named, given a uid and a parallelism, and has side outputs. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public String getName() {
        return transformation.getName();
    }

    /** A stable id for the operator (for state across versions of the job). */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    /** Runs this operator in a task of its own instead of chaining it with its neighbours. */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.disableChaining();
        return this;
    }

    /**
     * Says the type of this operator's records where it cannot be told from the function (a lambda's generic
     * types are erased): checks made while the job is built, such as an aggregation's field, then use it.
     */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        if (typeInfo == null) {
            throw new IllegalArgumentException("returns(...) of '" + getName() + "' needs a type, got null");
        }
        transformation.setOutputType(typeInfo);
        return this;
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        if (typeClass == null) {
            throw new IllegalArgumentException("returns(...) of '" + getName() + "' needs a class, got null");
        }
        return returns(TypeInformation.of(typeClass));
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        if (typeHint == null) {
            throw new IllegalArgumentException("returns(...) of '" + getName() + "' needs a type hint, got null");
        }
        return returns(TypeInformation.of(typeHint));
    }

    /** The records this operator's function emitted with {@code ctx.output(tag, value)}. */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        return new DataStream<>(environment, new SideOutputTransformation<>(transformation, tag));
    }
}
