package io.fashionrec.onnx.proto;

/**
 * Field numbers of the ONNX protobuf messages this package reads or edits, from {@code onnx.proto}
 * (github.com/onnx/onnx, onnx/onnx.proto; the same numbers are in onnx.proto3). They are facts of
 * the format: a file written by any ONNX version uses them. Fields not listed here are carried
 * along untouched.
 */
final class OnnxFields {

    private OnnxFields() {
    }

    /** ModelProto. */
    static final class Model {
        static final int IR_VERSION = 1;
        static final int PRODUCER_NAME = 2;
        static final int PRODUCER_VERSION = 3;
        static final int GRAPH = 7;
        static final int OPSET_IMPORT = 8;
        static final int METADATA_PROPS = 14;

        private Model() {
        }
    }

    /** OperatorSetIdProto. */
    static final class OpsetId {
        static final int DOMAIN = 1;
        static final int VERSION = 2;

        private OpsetId() {
        }
    }

    /** StringStringEntryProto. */
    static final class Entry {
        static final int KEY = 1;
        static final int VALUE = 2;

        private Entry() {
        }
    }

    /** GraphProto. */
    static final class Graph {
        static final int NODE = 1;
        static final int NAME = 2;
        static final int INITIALIZER = 5;
        static final int INPUT = 11;
        static final int OUTPUT = 12;
        static final int VALUE_INFO = 13;
        static final int SPARSE_INITIALIZER = 15;

        private Graph() {
        }
    }

    /** NodeProto. */
    static final class Node {
        static final int INPUT = 1;
        static final int OUTPUT = 2;
        static final int NAME = 3;
        static final int OP_TYPE = 4;
        static final int ATTRIBUTE = 5;
        static final int DOMAIN = 7;

        private Node() {
        }
    }

    /** AttributeProto. */
    static final class Attribute {
        static final int NAME = 1;
        static final int F = 2;
        static final int I = 3;
        static final int S = 4;
        static final int T = 5;
        static final int G = 6;
        static final int INTS = 8;
        static final int GRAPHS = 11;
        static final int TYPE = 20;

        private Attribute() {
        }
    }

    /** ValueInfoProto. */
    static final class ValueInfo {
        static final int NAME = 1;
        static final int TYPE = 2;

        private ValueInfo() {
        }
    }

    /** TypeProto, TypeProto.Tensor, TensorShapeProto and TensorShapeProto.Dimension. */
    static final class Type {
        static final int TENSOR_TYPE = 1;
        static final int TENSOR_ELEM_TYPE = 1;
        static final int TENSOR_SHAPE = 2;
        static final int SHAPE_DIM = 1;
        static final int DIM_VALUE = 1;
        static final int DIM_PARAM = 2;

        private Type() {
        }
    }

    /** TensorProto, and SparseTensorProto.values. */
    static final class Tensor {
        static final int DIMS = 1;
        static final int DATA_TYPE = 2;
        static final int INT64_DATA = 7;
        static final int NAME = 8;
        static final int RAW_DATA = 9;
        static final int DATA_LOCATION = 14;
        /** TensorProto.DataLocation.EXTERNAL: the data is in another file. */
        static final int LOCATION_EXTERNAL = 1;
        static final int SPARSE_VALUES = 1;

        private Tensor() {
        }
    }
}
