package io.fashionrec.image.classic;

/** Scales one segment of a vector to unit Euclidean length, leaving a zero segment zero. */
final class UnitLength {

    private UnitLength() {
    }

    /** Normalises {@code v[offset .. offset + length)} in place; the norm is accumulated in double. */
    static void normalise(float[] v, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) v[i] * v[i];
        }
        if (sum == 0) {
            return;
        }
        double norm = Math.sqrt(sum);
        for (int i = offset; i < offset + length; i++) {
            v[i] = (float) (v[i] / norm);
        }
    }
}
