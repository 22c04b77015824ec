package io.fashionrec.index.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.feature.SparseVector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * The tiny index with fixed values that {@code src/test/resources/index-format/v1/} holds, and the
 * generator of that directory. Generate a new {@code vN} directory only together with a format
 * version bump; {@code src/test/resources/index-format/v1/README.md} says when and how.
 */
final class ReferenceIndex {

    static final float[][] DENSE = {
        {0.5f, -1.25f, 3f, 0f},
        {-0f, 1e-3f, 65504f, -7.5f},
        {1f, 2f, Float.MIN_VALUE, -Float.MAX_VALUE},
    };
    static final double[][] DENSE64 = {{Math.PI, -Math.E}, {1e-300, 2.5}};
    static final int SPARSE_COLS = 5;
    static final List<SparseVector> SPARSE = List.of(
            new SparseVector(new int[] {0, 3}, new float[] {0.25f, -1.5f}),
            SparseVector.EMPTY,
            new SparseVector(new int[] {1, 2, 4}, new float[] {2f, 0.125f, 8f}));
    static final List<String> STRINGS = List.of("15970", "", "Turtle Check Men Navy Blue Shirt, é ß 中文 😀");
    static final int BIT_COUNT = 10;
    static final BitSet BITS = BitSet.valueOf(new long[] {0b10_0000_1001L}); // bits 0, 3 and 9

    private ReferenceIndex() {
    }

    static ObjectNode content() {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("purpose", "reference index of the fashionrec storage formats");
        content.putArray("numbers").add(1).add(2.5).add(-3);
        return content;
    }

    /** Writes the reference index as generation 1 of the empty (or absent) directory {@code dir}. */
    static Manifest write(Path dir) {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            try (DenseMatrixWriter m = writer.addDense("vectors", DENSE.length, DENSE[0].length, DenseEncoding.FLOAT32)) {
                for (float[] row : DENSE) {
                    m.addRow(row);
                }
            }
            try (DenseMatrixWriter m = writer.addDense("vectors64", DENSE64.length, DENSE64[0].length, DenseEncoding.FLOAT64)) {
                for (double[] row : DENSE64) {
                    m.addRow(row);
                }
            }
            writer.addSparse("terms", SPARSE_COLS, SPARSE);
            writer.addStrings("names", STRINGS);
            writer.addBits("flags", BITS, BIT_COUNT);
            return writer.commit(content());
        }
    }

    /** Writes the reference index into the directory {@code args[0]}, which must not exist yet. */
    public static void main(String[] args) throws IOException {
        ReferenceDirectories.generate("ReferenceIndex", args, ReferenceIndex::write);
    }
}
