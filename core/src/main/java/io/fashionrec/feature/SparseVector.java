package io.fashionrec.feature;

import java.util.Arrays;

/**
 * A sparse vector: strictly increasing term indices with their non-zero values.
 *
 * <p>Contract: {@code indices} are sorted ascending without repeats and {@code values} has the
 * same length; the arrays are owned by the vector and must not be modified after construction.
 */
public record SparseVector(int[] indices, float[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs " + values.length);
        }
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] <= indices[i - 1]) {
                throw new IllegalArgumentException("indices must be strictly increasing, got " + indices[i - 1] + " then " + indices[i] + " at " + i);
            }
        }
    }

    public int nonZeros() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    /** The dot product with another sparse vector (a merge over sorted indices). */
    public double dot(SparseVector other) {
        int[] a = indices;
        int[] b = other.indices;
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                sum += (double) values[i++] * other.values[j++];
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** The Euclidean norm. */
    public double norm() {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector other && Arrays.equals(indices, other.indices) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < indices.length; i++) {
            s.append(i == 0 ? "" : ", ").append(indices[i]).append(':').append(values[i]);
        }
        return s.append('}').toString();
    }
}
