package io.fashionrec.feature;

/**
 * A dense row-major matrix of floats on the heap: {@code rows x cols}, row {@code r} at
 * {@code data[r * cols .. r * cols + cols)}. The array is shared, not copied: callers that hand
 * one over must not modify it afterwards.
 */
public record FloatMatrix(int rows, int cols, float[] data) implements DenseRows {

    public FloatMatrix {
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " floats, got " + data.length);
        }
    }

    public static FloatMatrix zeros(int rows, int cols) {
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(rows + "x" + cols + " floats do not fit in one Java array");
        }
        return new FloatMatrix(rows, cols, new float[(int) size]);
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    /** The offset of row {@code row} in {@link #data()}. */
    public int offset(int row) {
        return row * cols;
    }

    @Override
    public void copyRows(int firstRow, int count, float[] dst, int dstOffset) {
        java.util.Objects.checkFromIndexSize(firstRow, count, rows);
        System.arraycopy(data, firstRow * cols, dst, dstOffset, count * cols);
    }

    /** A copy of one row. */
    @Override
    public float[] row(int row) {
        float[] out = new float[cols];
        System.arraycopy(data, row * cols, out, 0, cols);
        return out;
    }
}
