package io.fashionrec.onnx.proto;

import io.fashionrec.onnx.proto.OnnxFields.Graph;
import io.fashionrec.onnx.proto.OnnxFields.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An ONNX GraphProto: its nodes (in topological order, as ONNX requires), inputs, outputs,
 * initializers and value infos, with the edits graph surgery needs. Edits change the underlying
 * message in place; fields this class does not model (doc string, quantization annotations,
 * anything newer than this schema) are kept where they are.
 *
 * <p>Not thread-safe.
 */
public final class OnnxGraph {

    private final ProtoMessage message;
    private Index index;

    /** Wraps a parsed GraphProto; edits go to {@code message}. */
    public OnnxGraph(ProtoMessage message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    public String name() {
        return message.string(Graph.NAME);
    }

    /** The nodes in graph order. */
    public List<OnnxNode> nodes() {
        return index().nodes;
    }

    /** The graph inputs (in models of IR version 3 and older these include the initializers). */
    public List<ValueInfo> inputs() {
        return valueInfos(Graph.INPUT);
    }

    public List<ValueInfo> outputs() {
        return valueInfos(Graph.OUTPUT);
    }

    /** The value_info entries: declared types of intermediate tensors. */
    public List<ValueInfo> valueInfos() {
        return valueInfos(Graph.VALUE_INFO);
    }

    /** The dense initializers in order. */
    public List<OnnxTensor> initializers() {
        return List.copyOf(index().initializers.values());
    }

    /** The names of all initializers, dense and sparse. */
    public Set<String> initializerNames() {
        Set<String> names = new LinkedHashSet<>(index().initializers.keySet());
        names.addAll(index().sparseInitializers);
        return names;
    }

    public Optional<OnnxTensor> initializer(String name) {
        return Optional.ofNullable(index().initializers.get(name));
    }

    /** The node that outputs {@code tensor}, if a node does (not for inputs and initializers). */
    public Optional<OnnxNode> producer(String tensor) {
        return Optional.ofNullable(index().producers.get(tensor));
    }

    /** The declared type of {@code tensor}, looked for among the outputs, value infos and inputs. */
    public Optional<ValueInfo> valueInfo(String tensor) {
        for (int number : new int[] {Graph.OUTPUT, Graph.VALUE_INFO, Graph.INPUT}) {
            for (ValueInfo v : valueInfos(number)) {
                if (v.name().equals(tensor)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /** Every tensor name defined in the graph: inputs, initializers and node outputs. */
    public Set<String> tensorNames() {
        Set<String> names = new LinkedHashSet<>();
        inputs().forEach(v -> names.add(v.name()));
        names.addAll(initializerNames());
        names.addAll(index().producers.keySet());
        return names;
    }

    /**
     * The tensor behind a constant: an initializer or a Constant node's "value", followed back
     * through Identity nodes (exporters such as PyTorch's share equal weights that way). Empty if
     * {@code tensor} is computed from something else.
     */
    public Optional<OnnxTensor> constant(String tensor) {
        String source = throughIdentities(tensor);
        Optional<OnnxTensor> init = initializer(source);
        if (init.isPresent()) {
            return init;
        }
        return producer(source).filter(n -> n.is("Constant")).flatMap(n -> n.attribute("value"))
                .flatMap(OnnxAttribute::tensor).map(OnnxTensor::new);
    }

    /**
     * Whether {@code tensor} is a constant: an initializer (dense or sparse) or a Constant node's
     * output of any kind, possibly through Identity nodes.
     */
    public boolean isConstant(String tensor) {
        String source = throughIdentities(tensor);
        return initializerNames().contains(source) || producer(source).map(n -> n.is("Constant")).orElse(false);
    }

    /**
     * The values of an INT64 constant: see {@link #constant}, and also a Constant node's
     * "value_ints" or "value_int". Empty if {@code tensor} is not such a constant.
     */
    public Optional<long[]> int64Constant(String tensor) {
        Optional<OnnxTensor> constant = constant(tensor);
        if (constant.isPresent()) {
            return constant.get().int64Values();
        }
        Optional<OnnxNode> node = producer(throughIdentities(tensor)).filter(n -> n.is("Constant"));
        Optional<long[]> ints = node.flatMap(n -> n.attribute("value_ints")).map(OnnxAttribute::ints);
        return ints.isPresent() ? ints : node.flatMap(n -> n.attribute("value_int")).map(a -> new long[] {a.i()});
    }

    /** {@code tensor}, or the input of the Identity chain that produces it. */
    private String throughIdentities(String tensor) {
        String source = tensor;
        // A graph is acyclic, but a damaged one need not be: never take more steps than there are nodes.
        for (int steps = 0; steps < nodes().size(); steps++) {
            Optional<OnnxNode> identity = producer(source).filter(n -> n.is("Identity") && !n.inputs().isEmpty());
            if (identity.isEmpty()) {
                break;
            }
            source = identity.get().inputs().get(0);
        }
        return source;
    }

    /** Makes {@code outputs} the graph outputs, in place of the current ones. */
    public void setOutputs(List<ValueInfo> outputs) {
        message.replace(Graph.OUTPUT, outputs.stream().map(v -> ProtoField.message(Graph.OUTPUT, v.message())).toList());
    }

    /**
     * Appends {@code nodes} after the last node. They may read any tensor of the graph; the caller
     * keeps the graph topologically ordered.
     */
    public void addNodes(List<OnnxNode> nodes) {
        List<ProtoField> fields = message.fields();
        int at = fields.size();
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).number() == Graph.NODE) {
                at = i + 1;
                break;
            }
        }
        for (OnnxNode n : nodes) {
            message.add(at++, ProtoField.message(Graph.NODE, n.message()));
        }
        index = null;
    }

    /**
     * Removes what the outputs do not need: nodes none of whose outputs is needed, initializers
     * (dense and sparse) and graph inputs no kept node reads, and value infos of tensors that no
     * longer exist. Nothing else changes; an unchanged graph stays byte-identical.
     *
     * @return what was removed
     */
    public Pruned prune() {
        Index ix = index();
        Set<String> needed = new HashSet<>();
        outputs().forEach(v -> needed.add(v.name()));
        Set<ProtoField> droppedNodeFields = Collections.newSetFromMap(new IdentityHashMap<>());
        List<OnnxNode> droppedNodes = new ArrayList<>();
        Set<String> produced = new HashSet<>();
        for (int i = ix.nodes.size() - 1; i >= 0; i--) {
            OnnxNode node = ix.nodes.get(i);
            if (node.outputs().stream().anyMatch(needed::contains)) {
                needed.addAll(node.referencedNames());
                produced.addAll(node.outputs());
            } else {
                droppedNodes.add(0, node);
                droppedNodeFields.add(ix.nodeFields.get(i));
            }
        }
        message.removeIf(droppedNodeFields::contains);
        index = null;

        List<String> droppedInitializers = new ArrayList<>();
        long[] droppedBytes = {0};
        message.removeIf(f -> {
            String name = switch (f.number()) {
                case Graph.INITIALIZER -> new OnnxTensor(f.message()).name();
                case Graph.SPARSE_INITIALIZER -> sparseName(f.message());
                default -> null;
            };
            if (name == null || needed.contains(name)) {
                return false;
            }
            droppedInitializers.add(name);
            droppedBytes[0] += f.length();
            return true;
        });
        List<String> droppedInputs = removeValueInfos(Graph.INPUT, needed::contains);
        index = null;
        Set<String> existing = new HashSet<>(produced);
        inputs().forEach(v -> existing.add(v.name()));
        existing.addAll(initializerNames());
        List<String> droppedValueInfos = removeValueInfos(Graph.VALUE_INFO, existing::contains);
        return new Pruned(droppedNodes, droppedInitializers, droppedBytes[0], droppedInputs, droppedValueInfos);
    }

    /** The underlying GraphProto. */
    public ProtoMessage message() {
        return message;
    }

    private List<String> removeValueInfos(int number, Predicate<String> keep) {
        List<String> dropped = new ArrayList<>();
        message.removeIf(f -> {
            if (f.number() != number) {
                return false;
            }
            String name = new ValueInfo(f.message()).name();
            if (keep.test(name)) {
                return false;
            }
            dropped.add(name);
            return true;
        });
        return dropped;
    }

    private List<ValueInfo> valueInfos(int number) {
        return message.messages(number).stream().map(ValueInfo::new).toList();
    }

    private static String sparseName(ProtoMessage sparse) {
        return sparse.message(Tensor.SPARSE_VALUES).map(v -> new OnnxTensor(v).name()).orElse("");
    }

    private Index index() {
        if (index == null) {
            List<OnnxNode> nodes = new ArrayList<>();
            List<ProtoField> nodeFields = new ArrayList<>();
            Map<String, OnnxNode> producers = new HashMap<>();
            Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
            Set<String> sparse = new LinkedHashSet<>();
            for (ProtoField f : message.fields()) {
                switch (f.number()) {
                    case Graph.NODE -> {
                        OnnxNode node = new OnnxNode(f.message());
                        nodes.add(node);
                        nodeFields.add(f);
                        node.outputs().stream().filter(o -> !o.isEmpty()).forEach(o -> producers.put(o, node));
                    }
                    case Graph.INITIALIZER -> {
                        OnnxTensor t = new OnnxTensor(f.message());
                        initializers.put(t.name(), t);
                    }
                    case Graph.SPARSE_INITIALIZER -> sparse.add(sparseName(f.message()));
                    default -> {
                        // inputs, outputs and the rest are read on demand
                    }
                }
            }
            index = new Index(List.copyOf(nodes), nodeFields, producers, initializers, sparse);
        }
        return index;
    }

    /** What {@link #prune()} removed, each list in graph order. */
    public record Pruned(List<OnnxNode> nodes, List<String> initializers, long initializerBytes,
            List<String> inputs, List<String> valueInfos) {

        public Pruned {
            nodes = List.copyOf(nodes);
            initializers = List.copyOf(initializers);
            inputs = List.copyOf(inputs);
            valueInfos = List.copyOf(valueInfos);
        }
    }

    /** Views derived from the message, rebuilt after an edit. */
    private record Index(List<OnnxNode> nodes, List<ProtoField> nodeFields, Map<String, OnnxNode> producers,
            Map<String, OnnxTensor> initializers, Set<String> sparseInitializers) {
    }
}
