package io.fashionrec.align;

import java.util.Random;

/**
 * A random Gaussian projection from {@code inputDimension} to {@code outputDimension}, scaled by
 * {@code 1/sqrt(outputDimension)} so that inner products are preserved in expectation
 * (Johnson-Lindenstrauss). The alignment predicts these sketches instead of the full image
 * features: its similarities depend only on inner products of the targets, which the sketch
 * keeps, while the fit and the stored map shrink from thousands of columns to a hundred.
 *
 * <p>Deterministic: the matrix is a function of the seed alone ({@link Random#nextGaussian} is
 * specified by the Java platform), so it is regenerated from the seed instead of stored.
 */
public final class GaussianSketch {

    private final int inputDimension;
    private final int outputDimension;
    /**
     * The matrix with a row per output dimension: entry (i, j) of the inputDimension x
     * outputDimension projection at {@code j * inputDimension + i}.
     */
    private final float[] columns;

    public GaussianSketch(int inputDimension, int outputDimension, long seed) {
        if (inputDimension < 1 || outputDimension < 1) {
            throw new IllegalArgumentException("sketch dimensions must be >= 1, got " + inputDimension + " -> " + outputDimension);
        }
        this.inputDimension = inputDimension;
        this.outputDimension = outputDimension;
        this.columns = new float[Math.multiplyExact(inputDimension, outputDimension)];
        Random random = new Random(seed);
        double scale = 1.0 / Math.sqrt(outputDimension);
        // Drawn row by row of the projection (input by input), as the seed has always defined it.
        for (int i = 0; i < inputDimension; i++) {
            for (int j = 0; j < outputDimension; j++) {
                columns[j * inputDimension + i] = (float) (random.nextGaussian() * scale);
            }
        }
    }

    public int inputDimension() {
        return inputDimension;
    }

    public int outputDimension() {
        return outputDimension;
    }

    /**
     * Writes the projection of {@code x[offset .. offset + inputDimension)} into
     * {@code out[outOffset .. outOffset + outputDimension)}. Each output is a float sum over the
     * non-zero inputs in order (a zero input adds nothing to a float sum that starts at +0), so
     * the non-zero inputs are gathered first: image features are mostly zeros (a white background
     * has no gradients and no colour). Four outputs are summed side by side, so that their running
     * sums stay in registers and the four chains of additions overlap.
     */
    public void project(float[] x, int offset, float[] out, int outOffset) {
        int[] inputs = new int[inputDimension];
        float[] values = new float[inputDimension];
        int nonZero = 0;
        for (int i = 0; i < inputDimension; i++) {
            float xi = x[offset + i];
            if (xi != 0) {
                inputs[nonZero] = i;
                values[nonZero++] = xi;
            }
        }
        int n = inputDimension;
        int j = 0;
        for (; j + 4 <= outputDimension; j += 4) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int c0 = j * n;
            int c1 = c0 + n;
            int c2 = c1 + n;
            int c3 = c2 + n;
            for (int k = 0; k < nonZero; k++) {
                float xi = values[k];
                int i = inputs[k];
                s0 += xi * columns[c0 + i];
                s1 += xi * columns[c1 + i];
                s2 += xi * columns[c2 + i];
                s3 += xi * columns[c3 + i];
            }
            out[outOffset + j] = s0;
            out[outOffset + j + 1] = s1;
            out[outOffset + j + 2] = s2;
            out[outOffset + j + 3] = s3;
        }
        for (; j < outputDimension; j++) {
            float sum = 0;
            for (int k = 0, c = j * n; k < nonZero; k++) {
                sum += values[k] * columns[c + inputs[k]];
            }
            out[outOffset + j] = sum;
        }
    }
}
