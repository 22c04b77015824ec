package io.fashionrec.index;

import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.FloatMatrix;
import java.util.Objects;

/**
 * An image segment of an index update: each row is either a row of the previous index's matrix
 * (memory-mapped, for a product whose photo file is unchanged) or a row of a compact heap matrix
 * holding only the rows this build computed. The unchanged rows are neither copied nor paged in
 * until read, so an update allocates memory only for what changed.
 *
 * <p>Where row {@code i} comes from is {@code sources[i]}: a value {@code j >= 0} is row {@code j}
 * of the previous matrix, a value {@code -1 - r} is row {@code r} of the computed one (see
 * {@link #sources}). {@link #copyRows} copies each run of rows that are consecutive in one source
 * with one call, so a block scan over an update that kept most products in order costs about
 * what it costs over either matrix alone.
 *
 * <p>Immutable once the computed rows are written; safe to read from many threads then.
 */
final class ReusedRows implements DenseRows {

    private final DenseRows previous;
    private final FloatMatrix computed;
    private final int[] sources;

    /**
     * @param previous the previous index's rows, of the same width as {@code computed}
     * @param computed the rows computed in this build, as many as {@code sources} has negative values
     * @param sources  per row, where it comes from (see the class comment); not copied, must not change
     * @throws IllegalArgumentException if the widths differ or a source is out of range
     */
    ReusedRows(DenseRows previous, FloatMatrix computed, int[] sources) {
        if (previous.cols() != computed.cols()) {
            throw new IllegalArgumentException("the previous rows have " + previous.cols() + " columns but the computed ones "
                    + computed.cols() + "; both must be the same image segment");
        }
        for (int i = 0; i < sources.length; i++) {
            int s = sources[i];
            if (s >= previous.rows() || -1 - s >= computed.rows()) {
                throw new IllegalArgumentException("row " + i + " has source " + s + " but the previous matrix has " + previous.rows()
                        + " rows and the computed one " + computed.rows());
            }
        }
        this.previous = previous;
        this.computed = computed;
        this.sources = sources;
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

    @Override
    public int rows() {
        return sources.length;
    }

    @Override
    public int cols() {
        return computed.cols();
    }

    @Override
    public void copyRows(int firstRow, int count, float[] dst, int dstOffset) {
        Objects.checkFromIndexSize(firstRow, count, sources.length);
        int cols = computed.cols();
        Objects.checkFromIndexSize(dstOffset, count * cols, dst.length);
        int end = firstRow + count;
        int row = firstRow;
        while (row < end) {
            int start = sources[row];
            // Previous rows run upwards (j, j+1, ...); computed rows too, which their encoding
            // -1 - r makes a downward run of sources.
            int step = start >= 0 ? 1 : -1;
            int run = 1;
            while (row + run < end && sources[row + run] == start + run * step) {
                run++;
            }
            if (start >= 0) {
                previous.copyRows(start, run, dst, dstOffset);
            } else {
                computed.copyRows(-1 - start, run, dst, dstOffset);
            }
            dstOffset += run * cols;
            row += run;
        }
    }
}
