package io.weir.api.dag;

import io.weir.api.config.Configuration;

import java.util.List;

/** A job as the API hands it to an executor: its name, its sinks (the graph hangs off them) and its settings. */
public record Pipeline(String jobName, List<SinkTransformation<?>> sinks, Configuration configuration) {
    public Pipeline {
        sinks = List.copyOf(sinks);
        configuration = new Configuration(configuration);
    }
}
