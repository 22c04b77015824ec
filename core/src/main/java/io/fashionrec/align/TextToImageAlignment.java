package io.fashionrec.align;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.feature.SparseVector;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.feature.Vectors;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The appearance a product name implies: for each image segment (e.g. shape, colour), a linear
 * map from the TF-IDF vector of a text to a sketch of the image features, fitted by ridge
 * regression on the catalog's own (name, photo) pairs.
 *
 * <p>Why: TF-IDF weighs a term by rarity, so brand and model words dominate a name's vector and
 * the words that say what a product looks like ("navy", "blue", "shirts", "heels") count little.
 * The fitted map weighs terms by how well they predict appearance instead, and relates terms
 * that look alike ("navy" near "blue", "tee" near "tshirts"). No attribute column is read: the
 * only supervision is the photos.
 *
 * <p>Fit, per segment {@code s}: the sketches ({@link ImageSketcher}) of the L2-normalised
 * segment vectors {@code x_s} of every product that has both a photo and a non-empty text are
 * centred into {@code Y_s}; {@code W_s} minimises {@code |T W_s - Y_s|^2 + lambda |W_s|^2} with
 * {@code lambda = rho n}. A text {@code t} aligns to {@code normalize(t W_s)}; a photo to its own
 * centred, normalised sketch ({@link #sketchImage}). Immutable and thread-safe.
 */
public final class TextToImageAlignment {

    /** Bump when the fit or the meaning of the stored maps changes. */
    public static final int VERSION = 1;
    /**
     * The relative residual at which the ridge solve stops. The aligned vectors are normalised and
     * compared by cosine, so a loose solve suffices: on the shared sample 1e-3 gives the same
     * precision@5 as 1e-5, in about half the conjugate-gradient iterations.
     */
    static final double TOLERANCE = 1e-3;
    static final int MAX_ITERATIONS = 1000;

    private final AlignmentSettings settings;
    private final List<VectorSegment> imageSegments;
    private final int vocabularySize;
    /** Per segment, row-major vocabularySize x sketchDimension. */
    private final List<FloatMatrix> maps;
    /** Per segment, the mean sketch of the training photos. */
    private final List<float[]> sketchMeans;
    private final int trainingProducts;
    /**
     * Made at the first photo query ({@link #sketchImage}): drawing its matrices takes tens of
     * milliseconds that a build or a text query never needs. Two threads racing to make it make
     * equal ones (a function of the settings), so any of them will do.
     */
    private volatile ImageSketcher sketcher;

    public TextToImageAlignment(AlignmentSettings settings, List<VectorSegment> imageSegments, int vocabularySize,
                                List<FloatMatrix> maps, List<float[]> sketchMeans, int trainingProducts) {
        if (maps.size() != imageSegments.size() || sketchMeans.size() != imageSegments.size()) {
            throw new IllegalArgumentException("need one map and one mean per image segment (" + imageSegments.size()
                    + "), got " + maps.size() + " and " + sketchMeans.size());
        }
        for (FloatMatrix map : maps) {
            if (map.rows() != vocabularySize || map.cols() != settings.sketchDimension()) {
                throw new IllegalArgumentException("alignment map must be " + vocabularySize + "x" + settings.sketchDimension()
                        + ", got " + map.rows() + "x" + map.cols());
            }
        }
        this.settings = settings;
        this.imageSegments = List.copyOf(imageSegments);
        this.vocabularySize = vocabularySize;
        this.maps = List.copyOf(maps);
        this.sketchMeans = List.copyOf(sketchMeans);
        this.trainingProducts = trainingProducts;
    }

    /**
     * Fits the alignment.
     *
     * @param texts          one L2-normalised TF-IDF row per product
     * @param vocabularySize the number of terms
     * @param sketches       one row per product: the {@link ImageSketcher} sketch of its image
     *                       vector, made with the same segments and settings (rows of products
     *                       without a photo are ignored)
     * @param hasImage       which products have a photo
     * @param imageSegments  the image encoder's segments
     * @return the fitted alignment, or null when fewer than 2 products have both a photo and text
     */
    public static TextToImageAlignment fit(List<SparseVector> texts, int vocabularySize, FloatMatrix sketches, BitSet hasImage,
                                           List<VectorSegment> imageSegments, AlignmentSettings settings) {
        List<Integer> training = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (hasImage.get(i) && !texts.get(i).isEmpty()) {
                training.add(i);
            }
        }
        int n = training.size();
        if (n < 2) {
            return null;
        }
        int r = settings.sketchDimension();
        int segments = imageSegments.size();
        int m = segments * r;
        if (sketches.cols() != m) {
            throw new IllegalArgumentException("sketches need " + m + " columns (" + segments + " segments x " + r + "), got " + sketches.cols());
        }
        double[] mean = new double[m];
        for (int i : training) {
            for (int j = 0; j < m; j++) {
                mean[j] += sketches.data()[sketches.offset(i) + j];
            }
        }
        for (int j = 0; j < m; j++) {
            mean[j] /= n;
        }
        int[] sketchOffsets = new int[n];
        List<SparseVector> rows = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            sketchOffsets[t] = sketches.offset(training.get(t));
            rows.add(texts.get(training.get(t)));
        }
        // The targets are the centred sketches, read where they are: stored, they would be n x m doubles (90 MB for 44,000 products).
        float[] sketchData = sketches.data();
        SparseRidge.Targets centred = (t, j) -> sketchData[sketchOffsets[t] + j] - mean[j];
        SparseRidge.Solution solution = new SparseRidge(rows, vocabularySize, settings.rho() * n).solve(centred, m, TOLERANCE, MAX_ITERATIONS);
        List<FloatMatrix> maps = new ArrayList<>(segments);
        List<float[]> means = new ArrayList<>(segments);
        for (int s = 0; s < segments; s++) {
            FloatMatrix map = FloatMatrix.zeros(vocabularySize, r);
            for (int c = 0; c < vocabularySize; c++) {
                for (int j = 0; j < r; j++) {
                    map.data()[c * r + j] = (float) solution.coefficients()[c * m + s * r + j];
                }
            }
            maps.add(map);
            float[] segmentMean = new float[r];
            for (int j = 0; j < r; j++) {
                segmentMean[j] = (float) mean[s * r + j];
            }
            means.add(segmentMean);
        }
        return new TextToImageAlignment(settings, imageSegments, vocabularySize, maps, means, n);
    }

    /**
     * Writes the L2-normalised alignment of {@code text} for segment {@code segment} into
     * {@code out[offset .. offset + sketchDimension)}.
     *
     * @return false (and zeros written) when the text has no term the map knows
     */
    public boolean align(SparseVector text, int segment, float[] out, int offset) {
        int r = settings.sketchDimension();
        java.util.Arrays.fill(out, offset, offset + r, 0f);
        if (text.isEmpty()) {
            return false;
        }
        float[] map = maps.get(segment).data();
        int[] idx = text.indices();
        float[] val = text.values();
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] >= vocabularySize) {
                throw new IllegalArgumentException("term " + idx[k] + " is outside the alignment's vocabulary of " + vocabularySize);
            }
            int row = idx[k] * r;
            float v = val[k];
            for (int j = 0; j < r; j++) {
                out[offset + j] += v * map[row + j];
            }
        }
        return Vectors.normalizeInPlace(out, offset, r);
    }

    /**
     * The photo side of the alignment: writes the centred, L2-normalised sketch of one image
     * segment into {@code out[offset .. offset + sketchDimension)}, comparable with what
     * {@link #align} gives for names. Lets a photo query match products by the appearance their
     * names imply (and so reach products without a photo).
     *
     * @param image an image vector whose segments are L2-normalised
     * @return false (and zeros written) when the segment is zero
     */
    public boolean sketchImage(float[] image, int segment, float[] out, int offset) {
        int r = settings.sketchDimension();
        VectorSegment seg = imageSegments.get(segment);
        boolean any = false;
        for (int i = seg.offset(); i < seg.offset() + seg.length() && !any; i++) {
            any = image[i] != 0;
        }
        if (!any) {
            java.util.Arrays.fill(out, offset, offset + r, 0f);
            return false;
        }
        sketcher().sketch(image, segment, out, offset);
        float[] mean = sketchMeans.get(segment);
        for (int j = 0; j < r; j++) {
            out[offset + j] -= mean[j];
        }
        return Vectors.normalizeInPlace(out, offset, r);
    }

    private ImageSketcher sketcher() {
        ImageSketcher made = sketcher;
        if (made == null) {
            made = new ImageSketcher(imageSegments, settings);
            sketcher = made;
        }
        return made;
    }

    public AlignmentSettings settings() {
        return settings;
    }

    public List<VectorSegment> imageSegments() {
        return imageSegments;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public FloatMatrix map(int segment) {
        return maps.get(segment);
    }

    public float[] sketchMean(int segment) {
        return sketchMeans.get(segment).clone();
    }

    public int trainingProducts() {
        return trainingProducts;
    }
}
