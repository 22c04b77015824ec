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
    /** Row-major inputDimension x outputDimension. */
    private final float[] matrix;

    public GaussianSketch(int inputDimension, int outputDimension, long seed) {
        if (inputDimension < 1 || outputDimension < 1) {
            throw new IllegalArgumentException("sketch dimensions must be >= 1, got " + inputDimension + " -> " + outputDimension);
        }
        this.inputDimension = inputDimension;
        this.outputDimension = outputDimension;
        this.matrix = new float[Math.multiplyExact(inputDimension, outputDimension)];
        Random random = new Random(seed);
        double scale = 1.0 / Math.sqrt(outputDimension);
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) (random.nextGaussian() * scale);
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
     * {@code out[outOffset .. outOffset + outputDimension)}. Accumulates in float, one
     * contiguous multiply-add per input dimension, which the JIT turns into vector code.
     */
    public void project(float[] x, int offset, float[] out, int outOffset) {
        java.util.Arrays.fill(out, outOffset, outOffset + outputDimension, 0f);
        for (int i = 0; i < inputDimension; i++) {
            float xi = x[offset + i];
            if (xi == 0) {
                continue;
            }
            int row = i * outputDimension;
            for (int j = 0; j < outputDimension; j++) {
                out[outOffset + j] += xi * matrix[row + j];
            }
        }
    }
}
