package io.fashionrec.onnx.surgery;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/** Runs a model's single float output with ONNX Runtime, for tests that compare models. */
final class OrtRunner {

    /** An output: its shape and its values in row-major order. */
    record Output(long[] shape, float[] values) {
    }

    private OrtRunner() {
    }

    /** {@code count} standard normal floats from {@code seed}. */
    static float[] gaussian(long seed, int count) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    static Output run(byte[] model, String input, float[] data, long... shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model, options)) {
            return run(env, session, input, data, shape);
        }
    }

    static Output run(Path model, String input, float[] data, long... shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model.toString(), options)) {
            return run(env, session, input, data, shape);
        }
    }

    private static Output run(OrtEnvironment env, OrtSession session, String input, float[] data, long[] shape)
            throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            if (result.size() != 1) {
                throw new IllegalStateException("expected one output, got " + result.size());
            }
            OnnxTensor out = (OnnxTensor) result.get(0);
            FloatBuffer values = out.getFloatBuffer();
            float[] array = new float[values.remaining()];
            values.get(array);
            return new Output(out.getInfo().getShape(), array);
        }
    }

    /** The maximum of each N x C plane of an N x C x H x W output: global max pooling by hand. */
    static float[] maxOverSpatialAxes(Output map) {
        long[] s = map.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("not a 4-D map: " + Arrays.toString(s));
        }
        int planes = (int) (s[0] * s[1]);
        int area = (int) (s[2] * s[3]);
        float[] max = new float[planes];
        for (int p = 0; p < planes; p++) {
            float m = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < area; i++) {
                m = Math.max(m, map.values()[p * area + i]);
            }
            max[p] = m;
        }
        return max;
    }
}
