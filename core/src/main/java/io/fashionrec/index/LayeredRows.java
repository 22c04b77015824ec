package io.fashionrec.index;

import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.index.store.StoredPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An image segment kept in layers, as updates leave it: the rows of earlier builds stay in the
 * index's part files (memory-mapped, neither copied nor rewritten), and a build adds one layer
 * holding only the rows it computed. The layers are stacked in order into one sequence of rows,
 * and product {@code i}'s row is row {@code rowMap[i]} of that sequence; rows of removed or
 * re-embedded products stay in their layer, unread, until the segment is compacted (written
 * again as one layer, see {@link #worthKeeping}).
 *
 * <p>{@link #copyRows} copies each run of rows that are consecutive within one layer with one
 * call, so a block scan over an index that kept most products in order costs about what it costs
 * over one matrix.
 *
 * <p>Immutable once the computed rows are written; safe to read from many threads then.
 */
final class LayeredRows implements DenseRows {

    /** Most layers a segment keeps; one more is compacted away. */
    static final int MAX_LAYERS = 8;
    /** The least share of the stacked rows that products still read; below it the segment is compacted. */
    static final double MIN_LIVE_SHARE = 0.8;

    /**
     * One layer.
     *
     * @param rows   its rows
     * @param stored the index part that holds them, or null for rows a build computed and has not written yet
     */
    record Layer(DenseRows rows, StoredPart stored) {
    }

    private final List<Layer> layers;
    /** starts[j] is the first stacked row of layer j; starts[layers] the number of stacked rows. */
    private final int[] starts;
    private final int[] rowMap;
    private final int cols;

    /**
     * @param layers at least one, all of the same width
     * @param rowMap per product, its row among the stacked rows of {@code layers}; not copied, must not change
     * @throws IllegalArgumentException if the widths differ or a row is out of range
     */
    LayeredRows(List<Layer> layers, int[] rowMap) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a layered segment needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.cols = layers.get(0).rows().cols();
        this.starts = new int[layers.size() + 1];
        for (int j = 0; j < layers.size(); j++) {
            DenseRows rows = layers.get(j).rows();
            if (rows.cols() != cols) {
                throw new IllegalArgumentException("layer " + j + " has " + rows.cols() + " columns but layer 0 has " + cols
                        + "; all layers must be the same image segment");
            }
            starts[j + 1] = Math.addExact(starts[j], rows.rows());
        }
        for (int i = 0; i < rowMap.length; i++) {
            if (rowMap[i] < 0 || rowMap[i] >= starts[layers.size()]) {
                throw new IllegalArgumentException("product " + i + " maps to row " + rowMap[i] + " but the layers stack "
                        + starts[layers.size()] + " rows");
            }
        }
        this.rowMap = rowMap;
    }

    /** One stored matrix as a single layer, row i for product i. */
    static LayeredRows of(DenseRows rows, StoredPart stored) {
        int[] identity = new int[rows.rows()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new LayeredRows(List.of(new Layer(rows, stored)), identity);
    }

    /**
     * {@code computed} stacked as a new layer on the layers of {@code previous}: product {@code i}
     * reads its previous product's row where {@code sources[i] = j >= 0}, else row {@code r} of
     * {@code computed} where {@code sources[i] = -1 - r} (see {@link #sources}).
     *
     * @throws IllegalArgumentException if the widths differ or a source is out of range
     */
    static LayeredRows stack(LayeredRows previous, FloatMatrix computed, int[] sources) {
        int stacked = previous.stackedRows();
        int[] rowMap = new int[sources.length];
        for (int i = 0; i < sources.length; i++) {
            int s = sources[i];
            if (s >= previous.rows() || -1 - s >= computed.rows()) {
                throw new IllegalArgumentException("row " + i + " has source " + s + " but the previous segment has " + previous.rows()
                        + " rows and the computed one " + computed.rows());
            }
            rowMap[i] = s >= 0 ? previous.rowMap[s] : stacked - 1 - s;
        }
        List<Layer> layers = new ArrayList<>(previous.layers);
        if (computed.rows() > 0) {
            layers.add(new Layer(computed, null));
        }
        return new LayeredRows(layers, rowMap);
    }

    /**
     * The sources for rows whose previous ordinals are {@code before} ({@code -1} for a row to
     * compute): {@code before[i]} where it is {@code >= 0}, else {@code -1 - r} where {@code r}
     * numbers the rows to compute in order from 0.
     */
    static int[] sources(int[] before) {
        int[] out = new int[before.length];
        int computed = 0;
        for (int i = 0; i < before.length; i++) {
            out[i] = before[i] >= 0 ? before[i] : -1 - computed++;
        }
        return out;
    }

    /** How many rows {@code sources} takes from the computed matrix. */
    static int computedCount(int[] sources) {
        int count = 0;
        for (int s : sources) {
            if (s < 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether writing this segment as its layers (carrying the stored ones over) is better than
     * compacting it into one: at most {@link #MAX_LAYERS} layers, and products still read at least
     * {@link #MIN_LIVE_SHARE} of the stacked rows. A compacted segment reads as fast as any
     * matrix and leaves no dead rows on disk; a layered one costs only its new rows to write.
     */
    boolean worthKeeping() {
        return layers.size() <= MAX_LAYERS && rowMap.length >= MIN_LIVE_SHARE * stackedRows();
    }

    List<Layer> layers() {
        return layers;
    }

    /** Product {@code i}'s row among the stacked rows. */
    int stackedRow(int i) {
        return rowMap[i];
    }

    /** The number of rows the layers hold, read by products or not. */
    int stackedRows() {
        return starts[layers.size()];
    }

    /** Whether product i reads row i of a single layer: the segment is a plain matrix. */
    boolean isSingleMatrix() {
        if (layers.size() != 1 || rowMap.length != stackedRows()) {
            return false;
        }
        for (int i = 0; i < rowMap.length; i++) {
            if (rowMap[i] != i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int rows() {
        return rowMap.length;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public void copyRows(int firstRow, int count, float[] dst, int dstOffset) {
        Objects.checkFromIndexSize(firstRow, count, rowMap.length);
        Objects.checkFromIndexSize(dstOffset, count * cols, dst.length);
        int end = firstRow + count;
        int row = firstRow;
        int layer = 0;
        while (row < end) {
            int start = rowMap[row];
            while (start < starts[layer] || start >= starts[layer + 1]) {
                layer = start < starts[layer] ? layer - 1 : layer + 1;
            }
            int limit = starts[layer + 1];
            int run = 1;
            while (row + run < end && start + run < limit && rowMap[row + run] == start + run) {
                run++;
            }
            layers.get(layer).rows().copyRows(start - starts[layer], run, dst, dstOffset);
            dstOffset += run * cols;
            row += run;
        }
    }
}
