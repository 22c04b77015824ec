package io.fashionrec.index.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.feature.SparseVector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A small index whose every value derives from one number, the stamp, which the content records:
 * reading it back tells whether the parts and the manifest all come from the same commit.
 */
final class StampedIndex {

    static final int ROWS = 5;
    static final int COLS = 7;

    private StampedIndex() {
    }

    /** Adds the parts for {@code stamp} to {@code writer} and commits them. */
    static Manifest commit(IndexWriter writer, long stamp) {
        try (DenseMatrixWriter dense = writer.addDense("vectors", ROWS, COLS, DenseEncoding.FLOAT32)) {
            float[] row = new float[COLS];
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLS; c++) {
                    row[c] = value(stamp, r, c);
                }
                dense.addRow(row);
            }
        }
        List<SparseVector> sparse = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            sparse.add(new SparseVector(new int[] {r}, new float[] {stamp}));
            strings.add("row " + r + " of " + stamp);
        }
        writer.addSparse("terms", ROWS, sparse);
        writer.addStrings("names", strings);
        writer.addBits("flags", BitSet.valueOf(new long[] {stamp & 0x3FF}), 10);
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("stamp", stamp);
        return writer.commit(content);
    }

    /**
     * The stamp of the index {@code reader} opened, after checking that every value matches it.
     *
     * @throws AssertionError naming the first value that belongs to another stamp
     */
    static long check(IndexReader reader) {
        long stamp = reader.content().get("stamp").longValue();
        DenseMatrix dense = reader.dense("vectors");
        SparseRows sparse = reader.sparse("terms");
        StringColumn strings = reader.strings("names");
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                expect(value(stamp, r, c) == dense.get(r, c), stamp, "vectors (" + r + ", " + c + ")");
            }
            expect(sparse.row(r).equals(new SparseVector(new int[] {r}, new float[] {stamp})), stamp, "terms row " + r);
            expect(strings.get(r).equals("row " + r + " of " + stamp), stamp, "names " + r);
        }
        Bits flags = reader.bits("flags");
        for (int i = 0; i < 10; i++) {
            expect(flags.get(i) == ((stamp >>> i & 1) != 0), stamp, "flags " + i);
        }
        return stamp;
    }

    static float value(long stamp, int r, int c) {
        return stamp * 100f + r * 10 + c;
    }

    private static void expect(boolean ok, long stamp, String what) {
        if (!ok) {
            throw new AssertionError(what + " does not belong to the committed stamp " + stamp);
        }
    }
}
