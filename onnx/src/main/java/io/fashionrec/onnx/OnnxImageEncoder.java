package io.fashionrec.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.transform.Resize;
import io.fashionrec.image.transform.TensorSpec.Layout;
import io.fashionrec.image.transform.ToTensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A CNN image encoder run by ONNX Runtime: the whole photo resized to the model's input size,
 * turned into a tensor by a {@link Preset}, run in batches, and pooled to one vector per photo.
 *
 * <p>The model's output is either already pooled ({@code [N, C]}, a feature extractor with global
 * pooling, as graph surgery makes them) or a feature map ({@code [N, C, H, W]} or
 * {@code [N, H, W, C]}, following the preset's layout), which is max-pooled over H and W here: the
 * result is the same global max pooling either way. A whole classifier must be cut first
 * ({@code fashionrec models import}); its 1000 logits would otherwise be taken for an embedding.
 *
 * <p>Vectors are raw (not normalised). Thread-safe: ONNX Runtime sessions may run concurrently,
 * and each call uses its own buffers. {@link #close()} releases the native session.
 */
public final class OnnxImageEncoder implements ImageEncoder {

    /** Bump when the preprocessing or pooling here changes. */
    public static final int VERSION = 1;
    /** The input side for models whose height and width are dynamic, unless told otherwise. */
    public static final int DEFAULT_SIZE = 224;
    /** Images per model run when the model takes a dynamic batch. */
    public static final int DEFAULT_BATCH = 16;

    private final OrtSession session;
    private final String inputName;
    private final Preset preset;
    private final int width;
    private final int height;
    private final boolean pooledOutput;
    private final int batch;
    private final ToTensor toTensor;
    private final Resize resize;
    private final EncoderDescriptor descriptor;

    private OnnxImageEncoder(OrtSession session, String inputName, Preset preset, int width, int height,
                             boolean pooledOutput, int batch, EncoderDescriptor descriptor) {
        this.session = session;
        this.inputName = inputName;
        this.preset = preset;
        this.width = width;
        this.height = height;
        this.pooledOutput = pooledOutput;
        this.batch = batch;
        this.toTensor = new ToTensor(preset.spec());
        this.resize = new Resize(width, height);
        this.descriptor = descriptor;
    }

    /**
     * Loads a model file.
     *
     * @param model     the .onnx file: a pooled feature extractor or one ending in a feature map
     * @param name      the model's name in descriptors and messages (e.g. {@code densenet121})
     * @param preset    how the model expects its input
     * @param imageSize the input side for a model with dynamic height and width, or null for the
     *                  model's own size (224 when dynamic)
     * @param threads   ONNX Runtime's intra-op threads (the cores the model may use)
     * @throws OnnxModelException for a file that is not a usable image model, with what to do
     */
    public static OnnxImageEncoder load(Path model, String name, Preset preset, Integer imageSize, int threads) {
        String sha256 = sha256(model);
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = OrtEnvironment.getEnvironment().createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new OnnxModelException("cannot load " + model + " as an ONNX model (" + firstLine(e.getMessage())
                    + "); is the file complete? Pull or import it again", e);
        }
        try {
            return inspect(session, model, name, preset, imageSize, sha256);
        } catch (RuntimeException e) {
            close(session);
            throw e;
        }
    }

    private static OnnxImageEncoder inspect(OrtSession session, Path model, String name, Preset preset, Integer imageSize,
                                            String sha256) {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            if (inputs.size() != 1 || outputs.size() != 1) {
                throw new OnnxModelException(model + " has " + inputs.size() + " inputs and " + outputs.size()
                        + " outputs; an image encoder needs one image input and one output");
            }
            String inputName = inputs.keySet().iterator().next();
            long[] in = imageShape(model, inputName, inputs.get(inputName));
            boolean nchw = preset.spec().layout() == Layout.NCHW;
            int channelAxis = nchw ? 1 : 3;
            if (in[channelAxis] != 3) {
                String other = nchw ? "keras-torch or caffe (NHWC)" : "torch (NCHW)";
                throw new OnnxModelException("preset " + preset.id() + " expects " + (nchw ? "NCHW input [N,3,H,W]" : "NHWC input [N,H,W,3]")
                        + " but the input '" + inputName + "' of " + model + " is " + Arrays.toString(in) + "; use --preset " + other);
            }
            long h = nchw ? in[2] : in[1];
            long w = nchw ? in[3] : in[2];
            int height;
            int width;
            if (h > 0 && w > 0) {
                if (imageSize != null && (imageSize != h || imageSize != w)) {
                    throw new OnnxModelException(model + " takes " + w + "x" + h + " images only; --image-size " + imageSize
                            + " needs a model with dynamic height and width");
                }
                height = (int) h;
                width = (int) w;
            } else {
                int side = imageSize != null ? imageSize : DEFAULT_SIZE;
                if (side < 32 || side > 2048) {
                    throw new OnnxModelException("--image-size must be between 32 and 2048, got " + side);
                }
                height = side;
                width = side;
            }
            int batch = in[0] > 0 ? (int) in[0] : DEFAULT_BATCH;
            String outputName = outputs.keySet().iterator().next();
            long[] out = tensorShape(model, outputName, outputs.get(outputName));
            boolean pooled = out.length == 2;
            if (out.length != 2 && out.length != 4) {
                throw new OnnxModelException("the output '" + outputName + "' of " + model + " is " + Arrays.toString(out)
                        + "; an image encoder needs a pooled [N,C] output or a feature map [N,C,H,W]");
            }
            long c = pooled ? out[1] : out[nchw ? 1 : 3];
            OnnxImageEncoder probe = new OnnxImageEncoder(session, inputName, preset, width, height, pooled, batch, null);
            int channels = c > 0 ? (int) c : probe.run(List.of(blank(width, height))).get(0).length;
            String preprocessing = "preset " + preset.id() + " (" + preset.spec() + "); whole photo resized to " + width + "x" + height
                    + " (Pillow bilinear, no crop; photos at least twice that decoded at half resolution); "
                    + (pooled ? "pooled output" : "global max pool over the output feature map");
            EncoderDescriptor descriptor = new EncoderDescriptor(name, VERSION, channels, preprocessing, sha256);
            return new OnnxImageEncoder(session, inputName, preset, width, height, pooled, batch, descriptor);
        } catch (OrtException e) {
            throw new OnnxModelException("cannot run " + model + " (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    @Override
    public EncoderDescriptor descriptor() {
        return descriptor;
    }

    /** The model's input side: photos at least twice as large may be decoded at half resolution. */
    @Override
    public int minimumInputSide() {
        return Math.max(width, height);
    }

    /** How many images one model run takes. */
    @Override
    public int preferredBatchSize() {
        return batch;
    }

    public Preset preset() {
        return preset;
    }

    @Override
    public float[] encode(BufferedImage image) {
        return encodeBatch(List.of(image)).get(0);
    }

    /**
     * The raw pooled vectors of {@code images}, in order, in runs of {@link #preferredBatchSize()}.
     *
     * @throws OnnxModelException if the model fails on these images (the message says which size
     *                            it was given)
     */
    @Override
    public List<float[]> encodeBatch(List<BufferedImage> images) {
        List<float[]> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += batch) {
            try {
                out.addAll(run(images.subList(from, Math.min(images.size(), from + batch))));
            } catch (OrtException e) {
                throw new OnnxModelException("the model " + descriptor.name() + " failed on " + width + "x" + height + " images ("
                        + firstLine(e.getMessage()) + ")", e);
            }
        }
        return out;
    }

    private List<float[]> run(List<BufferedImage> images) throws OrtException {
        int n = images.size();
        int per = 3 * width * height;
        float[] input = new float[n * per];
        for (int i = 0; i < n; i++) {
            toTensor.write(resize.apply(images.get(i)), input, i * per);
        }
        boolean nchw = preset.spec().layout() == Layout.NCHW;
        long[] shape = nchw ? new long[] {n, 3, height, width} : new long[] {n, height, width, 3};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            long[] outShape = output.getInfo().getShape();
            FloatBuffer values = output.getFloatBuffer();
            return pooledOutput ? rows(values, n, (int) outShape[1]) : maxPool(values, outShape, nchw);
        }
    }

    private static List<float[]> rows(FloatBuffer values, int n, int c) {
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] v = new float[c];
            values.get(i * c, v);
            out.add(v);
        }
        return out;
    }

    /** Global max pooling over the spatial axes of an NCHW or NHWC feature map. */
    private static List<float[]> maxPool(FloatBuffer values, long[] shape, boolean nchw) {
        int n = (int) shape[0];
        int c = (int) (nchw ? shape[1] : shape[3]);
        int spatial = (int) (nchw ? shape[2] * shape[3] : shape[1] * shape[2]);
        float[] all = new float[values.remaining()];
        values.get(all);
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] v = new float[c];
            Arrays.fill(v, Float.NEGATIVE_INFINITY);
            int base = i * c * spatial;
            for (int s = 0; s < spatial; s++) {
                for (int k = 0; k < c; k++) {
                    float x = nchw ? all[base + k * spatial + s] : all[base + s * c + k];
                    if (x > v[k]) {
                        v[k] = x;
                    }
                }
            }
            out.add(v);
        }
        return out;
    }

    @Override
    public void close() {
        close(session);
    }

    private static void close(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing left to do for a session that cannot even be closed; the process frees it.
        }
    }

    private static long[] imageShape(Path model, String name, NodeInfo info) {
        long[] shape = tensorShape(model, name, info);
        if (shape.length != 4 || (shape[1] != 3 && shape[3] != 3)) {
            throw new OnnxModelException("the input '" + name + "' of " + model + " is " + Arrays.toString(shape)
                    + "; an image encoder needs a 4-D float image tensor [N,3,H,W] or [N,H,W,3]");
        }
        return shape;
    }

    private static long[] tensorShape(Path model, String name, NodeInfo info) {
        if (!(info.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new OnnxModelException("'" + name + "' of " + model + " is " + info.getInfo()
                    + "; an image encoder needs float tensors");
        }
        return tensor.getShape();
    }

    private static BufferedImage blank(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** SHA-256 of a file, lowercase hex. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new OnnxModelException("cannot read the model file " + file + " (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
