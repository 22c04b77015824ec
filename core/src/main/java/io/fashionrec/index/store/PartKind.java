package io.fashionrec.index.store;

/** The kinds of part an index holds: the codec that writes each, and its file extension. */
enum PartKind {
    DENSE("dense", DenseMatrixFormat.CODEC, DenseMatrixFormat.VERSION, "a dense matrix"),
    SPARSE("sparse", SparseRowsFormat.CODEC, SparseRowsFormat.VERSION, "sparse rows"),
    STRINGS("strings", StringColumnFormat.CODEC, StringColumnFormat.VERSION, "a string column"),
    BITS("bits", BitSetFormat.CODEC, BitSetFormat.VERSION, "a bit set"),
    GRAPH("graph", GraphFormat.CODEC, GraphFormat.VERSION, "a graph");

    final String extension;
    final String codec;
    final int version;
    final String description;

    PartKind(String extension, String codec, int version, String description) {
        this.extension = extension;
        this.codec = codec;
        this.version = version;
        this.description = description;
    }

    /** The kind written by {@code codec}, or null for a codec this code does not know. */
    static PartKind forCodec(String codec) {
        for (PartKind kind : values()) {
            if (kind.codec.equals(codec)) {
                return kind;
            }
        }
        return null;
    }
}
