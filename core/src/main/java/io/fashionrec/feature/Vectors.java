package io.fashionrec.feature;

/** Small dense-vector helpers shared by encoders, fusion and search. */
public final class Vectors {

    private Vectors() {
    }

    /** Euclidean norm, accumulated in double. */
    public static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * Scales {@code v} in place to unit length and returns it. A zero vector (or one with a
     * non-finite norm) is left as zeros: it matches nothing rather than everything.
     */
    public static float[] normalizeInPlace(float[] v) {
        double n = norm(v);
        if (n == 0 || !Double.isFinite(n)) {
            java.util.Arrays.fill(v, 0f);
            return v;
        }
        float inv = (float) (1.0 / n);
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /**
     * Scales {@code v[offset .. offset + length)} in place to unit length.
     *
     * @return false when the slice is zero (or not finite); it is then left as zeros
     */
    public static boolean normalizeInPlace(float[] v, int offset, int length) {
        double s = 0;
        for (int i = offset; i < offset + length; i++) {
            s += (double) v[i] * v[i];
        }
        if (s == 0 || !Double.isFinite(s)) {
            java.util.Arrays.fill(v, offset, offset + length, 0f);
            return false;
        }
        float inv = (float) (1.0 / Math.sqrt(s));
        for (int i = offset; i < offset + length; i++) {
            v[i] *= inv;
        }
        return true;
    }

    /** Dot product, accumulated in float (the same order as the index scan, for equal scores). */
    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
        }
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
