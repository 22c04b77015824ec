package io.fashionrec.index;

import io.fashionrec.align.AlignmentSettings;
import io.fashionrec.align.ImageSketcher;
import io.fashionrec.align.TextToImageAlignment;
import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Product;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.feature.SparseVector;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.feature.Vectors;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import io.fashionrec.image.ImageDecodeException;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.progress.Progress;
import io.fashionrec.text.TfidfFit;
import io.fashionrec.text.TfidfVectorizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Builds an index in memory from a catalog: decodes and encodes every photo on worker threads,
 * fits TF-IDF on the names, fits the text-to-image alignment, and lays out the fused vectors.
 * A photo that cannot be used is reported to the catalog's problem report and its product is
 * kept with its text.
 */
public final class IndexBuilder {

    /** What a build produced and what it did. */
    public record Result(ProductIndex index, int imagesEmbedded, int imagesFailed) {
    }

    private ImageEncoder encoder;
    private ImageLimits limits = ImageLimits.DEFAULT;
    private TfidfVectorizer vectorizer = TfidfVectorizer.builder().build();
    private AlignmentSettings alignment = AlignmentSettings.DEFAULT;
    private FusionWeights weights = FusionWeights.DEFAULT;
    private Kernel kernel = Kernel.COSINE;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Progress progress = Progress.NONE;

    public static IndexBuilder builder() {
        return new IndexBuilder();
    }

    public IndexBuilder setImageEncoder(ImageEncoder imageEncoder) {
        this.encoder = Objects.requireNonNull(imageEncoder, "imageEncoder");
        return this;
    }

    public IndexBuilder optImageLimits(ImageLimits imageLimits) {
        this.limits = Objects.requireNonNull(imageLimits);
        return this;
    }

    public IndexBuilder optVectorizer(TfidfVectorizer textVectorizer) {
        this.vectorizer = Objects.requireNonNull(textVectorizer);
        return this;
    }

    public IndexBuilder optAlignment(AlignmentSettings settings) {
        this.alignment = Objects.requireNonNull(settings);
        return this;
    }

    public IndexBuilder optWeights(FusionWeights defaultWeights) {
        this.weights = Objects.requireNonNull(defaultWeights);
        return this;
    }

    public IndexBuilder optKernel(Kernel defaultKernel) {
        this.kernel = Objects.requireNonNull(defaultKernel);
        return this;
    }

    public IndexBuilder optThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        this.threads = n;
        return this;
    }

    public IndexBuilder optProgress(Progress p) {
        this.progress = Objects.requireNonNull(p);
        return this;
    }

    public Result build(Catalog catalog) throws InterruptedException {
        if (encoder == null) {
            throw new IllegalStateException("setImageEncoder must be called before build");
        }
        List<Product> products = catalog.products();
        int n = products.size();
        List<VectorSegment> imageSegments = VectorSegment.checkTiling(encoder.segments(), encoder.descriptor().dimension());
        FloatMatrix[] images = new FloatMatrix[imageSegments.size()];
        for (int k = 0; k < images.length; k++) {
            images[k] = FloatMatrix.zeros(n, imageSegments.get(k).length());
        }
        ImageSketcher sketcher = new ImageSketcher(imageSegments, alignment);
        FloatMatrix sketches = FloatMatrix.zeros(n, sketcher.length());
        int[] imageMasks = new int[n];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fashionrec-embed");
            t.setDaemon(true);
            return t;
        });
        TfidfFit text;
        ProductTable table;
        Path root = catalogRoot(catalog);
        int failed;
        try {
            List<Future<Integer>> embedding = startEmbedding(pool, catalog, imageSegments, images, sketcher, sketches, imageMasks);
            // While the workers embed the photos, this thread does what needs no photo.
            List<String> texts = new ArrayList<>(n);
            for (Product p : products) {
                texts.add(p.text());
            }
            text = vectorizer.fitTransform(texts);
            table = table(catalog, root);
            failed = await(embedding);
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        BitSet hasImage = new BitSet(n);
        for (int i = 0; i < n; i++) {
            hasImage.set(i, imageMasks[i] != 0);
        }
        int vocabulary = text.model().vocabularySize();
        TextToImageAlignment fitted = TextToImageAlignment.fit(text.rows(), vocabulary, sketches, hasImage, imageSegments, alignment);

        FusionLayout layout = FusionLayout.of(imageSegments, fitted == null ? 0 : alignment.sketchDimension());
        FloatMatrix[] dense = new FloatMatrix[layout.size()];
        int[] masks = new int[n];
        for (int i = 0; i < n; i++) {
            // layout bit 0 is the text; image segment k is layout bit k + 1
            masks[i] = (text.rows().get(i).isEmpty() ? 0 : 1) | imageMasks[i] << 1;
        }
        System.arraycopy(images, 0, dense, 1, images.length);
        if (fitted != null) {
            int first = 1 + images.length;
            for (int a = 0; a < imageSegments.size(); a++) {
                dense[first + a] = FloatMatrix.zeros(n, alignment.sketchDimension());
            }
            IntStream.range(0, n).parallel().forEach(i -> {
                for (int a = 0; a < imageSegments.size(); a++) {
                    FloatMatrix m = dense[first + a];
                    if (fitted.align(text.rows().get(i), a, m.data(), m.offset(i))) {
                        masks[i] |= 1 << (first + a);
                    }
                }
            });
        }
        FusedVectors vectors = new FusedVectors(layout, text.rows(), vocabulary, dense, masks);
        ProductIndex index = new ProductIndex(root, table, vectors, text.model(), encoder.descriptor(), fitted, weights, kernel);
        return new Result(index, hasImage.cardinality(), failed);
    }

    /**
     * Submits the decoding, encoding and sketching of every named photo to {@code pool}. Each
     * product's rows and mask are written only by the task that handles it. Problems go to the
     * catalog's report; each task returns how many of its photos failed.
     */
    private List<Future<Integer>> startEmbedding(ExecutorService pool, Catalog catalog, List<VectorSegment> segments,
                                                 FloatMatrix[] images, ImageSketcher sketcher, FloatMatrix sketches, int[] imageMasks) {
        List<Product> products = catalog.products();
        ImageDecoder decoder = new ImageDecoder(limits);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).image() != null) {
                todo.add(i);
            }
        }
        progress.start("embedding images", todo.size());
        List<Future<Integer>> futures = new ArrayList<>();
        int chunk = Math.max(1, Math.min(64, todo.size() / (threads * 8) + 1));
        for (int from = 0; from < todo.size(); from += chunk) {
            List<Integer> part = todo.subList(from, Math.min(todo.size(), from + chunk));
            futures.add(pool.submit(() -> {
                int failures = 0;
                for (int i : part) {
                    Product p = products.get(i);
                    try {
                        float[] v = encoder.encode(decoder.decode(p.image(), encoder.minimumInputSide()));
                        int mask = 0;
                        for (int k = 0; k < segments.size(); k++) {
                            VectorSegment seg = segments.get(k);
                            if (Vectors.normalizeInPlace(v, seg.offset(), seg.length())) {
                                mask |= 1 << k;
                            }
                            System.arraycopy(v, seg.offset(), images[k].data(), images[k].offset(i), seg.length());
                        }
                        sketcher.sketch(v, sketches.data(), sketches.offset(i));
                        imageMasks[i] = mask;
                    } catch (ImageDecodeException e) {
                        failures++;
                        catalog.problems().add(e.kind(), p.origin(), p.id(), e.getMessage());
                    }
                    progress.advance(1);
                }
                return failures;
            }));
        }
        return futures;
    }

    /** Waits for every embedding task; returns how many photos failed, or rethrows an encoder failure. */
    private static int await(List<Future<Integer>> tasks) throws InterruptedException {
        int failed = 0;
        for (Future<Integer> f : tasks) {
            try {
                failed += f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the image encoder failed: " + e.getCause(), e.getCause());
            }
        }
        return failed;
    }

    /** {@code image} relative to {@code root} when it lies inside it (portable), else absolute. */
    private static String relative(Path root, Path image) {
        Path absolute = image.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    /** The directory image paths are relative to: the catalog directory, or a JSON Lines file's folder. */
    static Path catalogRoot(Catalog catalog) {
        Path source = catalog.source().toAbsolutePath().normalize();
        return java.nio.file.Files.isDirectory(source) || source.getParent() == null ? source : source.getParent();
    }

    private static ProductTable table(Catalog catalog, Path root) {
        List<Product> products = catalog.products();
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (Product p : products) {
            ids.add(p.id());
            names.add(p.name());
            descriptions.add(p.description());
            images.add(p.image() == null ? "" : relative(root, p.image()));
        }
        List<String> attributeNames = catalog.attributeNames();
        return new ProductTable(ProductTable.Column.of(ids), ProductTable.Column.of(names), ProductTable.Column.of(descriptions),
                ProductTable.Column.of(images), attributeNames, a -> {
                    List<String> values = new ArrayList<>();
                    for (Product p : products) {
                        String v = p.attribute(attributeNames.get(a));
                        values.add(v == null ? "" : v);
                    }
                    return ProductTable.Column.of(values);
                });
    }
}
