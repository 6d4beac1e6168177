package io.weir.runtime.translate;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.runtime.graph.ChainLink;
import io.weir.runtime.graph.ChainedOperator;
import io.weir.runtime.graph.ExchangeKind;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.ProcessingClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups operators into tasks: an operator joins its producer's task when their edge is chainable
 * ({@link StreamEdge#isChainable()}); every other edge becomes an exchange of the given kind.
 */
final class Chainer {
    private Chainer() {
    }

    static JobGraph chain(String jobName, RuntimeExecutionMode mode, int maxParallelism, List<StreamNode> nodes,
                          ExchangeKind exchangeKind, Configuration configuration, ProcessingClock clock,
                          ClassLoader userClassLoader) {
        Map<StreamNode, List<StreamNode>> chains = new LinkedHashMap<>();
        Map<StreamNode, StreamNode> headOf = new HashMap<>();
        for (StreamNode node : nodes) {
            StreamEdge in = node.inputs.size() == 1 ? node.inputs.get(0) : null;
            StreamNode head = in != null && in.isChainable() ? headOf.get(in.source()) : node;
            headOf.put(node, head);
            chains.computeIfAbsent(head, h -> new ArrayList<>()).add(node);
        }
        Map<StreamNode, Integer> vertexId = new HashMap<>();
        Map<StreamNode, Integer> indexInChain = new HashMap<>();
        int id = 1;
        for (Map.Entry<StreamNode, List<StreamNode>> chain : chains.entrySet()) {
            for (int i = 0; i < chain.getValue().size(); i++) {
                vertexId.put(chain.getValue().get(i), id);
                indexInChain.put(chain.getValue().get(i), i);
            }
            id++;
        }
        List<JobVertex> vertices = new ArrayList<>();
        List<JobEdge> edges = new ArrayList<>();
        for (Map.Entry<StreamNode, List<StreamNode>> chain : chains.entrySet()) {
            List<ChainedOperator> operators = new ArrayList<>();
            for (StreamNode node : chain.getValue()) {
                List<ChainLink> links = new ArrayList<>();
                for (StreamEdge out : node.outputs) {
                    if (out.isChainable()) {
                        links.add(new ChainLink(indexInChain.get(out.target()), out.tag()));
                    } else {
                        edges.add(new JobEdge(edges.size(), vertexId.get(node), indexInChain.get(node), out.tag(),
                                vertexId.get(out.target()), out.targetInput(), out.partitioning().kind(),
                                out.partitioning().keySelector(), exchangeKind));
                    }
                }
                operators.add(new ChainedOperator(node.id, node.name, node.uid, node.factory, node.numberOfInputs,
                        node.keySelectors, node.keyedState, node.groupedInputKeys, links));
            }
            StreamNode head = chain.getKey();
            vertices.add(new JobVertex(vertexId.get(head), head.parallelism, operators, head.isSource));
        }
        return new JobGraph(jobName, mode, maxParallelism, vertices, edges, configuration, clock, userClassLoader);
    }
}
