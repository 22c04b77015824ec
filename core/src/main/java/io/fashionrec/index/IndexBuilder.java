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
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
        FloatMatrix images = FloatMatrix.zeros(n, encoder.descriptor().dimension());
        ImageSketcher sketcher = new ImageSketcher(imageSegments, alignment);
        FloatMatrix sketches = FloatMatrix.zeros(n, sketcher.length());
        BitSet hasImage = new BitSet(n);
        int failed = embedImages(catalog, imageSegments, images, sketcher, sketches, hasImage);

        progress.start("fitting text", 0);
        List<String> texts = new ArrayList<>(n);
        for (Product p : products) {
            texts.add(p.text());
        }
        TfidfFit text = vectorizer.fitTransform(texts);
        int vocabulary = text.model().vocabularySize();
        TextToImageAlignment fitted = TextToImageAlignment.fit(text.rows(), vocabulary, sketches, hasImage, imageSegments, alignment);
        progress.finish();

        FusionLayout layout = FusionLayout.of(imageSegments, fitted == null ? 0 : alignment.sketchDimension());
        FloatMatrix[] dense = new FloatMatrix[layout.size()];
        int[] masks = new int[n];
        for (int i = 0; i < n; i++) {
            masks[i] = text.rows().get(i).isEmpty() ? 0 : 1;
        }
        int s = 1;
        for (VectorSegment seg : imageSegments) {
            dense[s] = slice(images, seg, hasImage, masks, s);
            s++;
        }
        if (fitted != null) {
            for (int a = 0; a < imageSegments.size(); a++, s++) {
                dense[s] = FloatMatrix.zeros(n, alignment.sketchDimension());
                for (int i = 0; i < n; i++) {
                    if (fitted.align(text.rows().get(i), a, dense[s].data(), dense[s].offset(i))) {
                        masks[i] |= 1 << s;
                    }
                }
            }
        }
        Path root = catalogRoot(catalog);
        ProductTable table = table(catalog, root);
        FusedVectors vectors = new FusedVectors(layout, text.rows(), vocabulary, dense, masks);
        ProductIndex index = new ProductIndex(root, table, vectors, text.model(), encoder.descriptor(), fitted, weights, kernel);
        return new Result(index, hasImage.cardinality(), failed);
    }

    /**
     * Decodes, encodes and sketches every named photo on worker threads; returns how many failed
     * (each reported).
     */
    private int embedImages(Catalog catalog, List<VectorSegment> segments, FloatMatrix out, ImageSketcher sketcher,
                            FloatMatrix sketches, BitSet hasImage)
            throws InterruptedException {
        List<Product> products = catalog.products();
        ImageDecoder decoder = new ImageDecoder(limits);
        AtomicInteger failed = new AtomicInteger();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).image() != null) {
                todo.add(i);
            }
        }
        progress.start("embedding images", todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fashionrec-embed");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = Math.max(1, Math.min(64, todo.size() / (threads * 8) + 1));
            for (int from = 0; from < todo.size(); from += chunk) {
                List<Integer> part = todo.subList(from, Math.min(todo.size(), from + chunk));
                futures.add(pool.submit(() -> {
                    for (int i : part) {
                        Product p = products.get(i);
                        try {
                            BufferedImage image = decoder.decode(p.image());
                            float[] v = encoder.encode(image);
                            boolean any = false;
                            for (VectorSegment seg : segments) {
                                any |= Vectors.normalizeInPlace(v, seg.offset(), seg.length());
                            }
                            System.arraycopy(v, 0, out.data(), out.offset(i), v.length);
                            sketcher.sketch(v, sketches.data(), sketches.offset(i));
                            if (any) {
                                synchronized (hasImage) {
                                    hasImage.set(i);
                                }
                            }
                        } catch (ImageDecodeException e) {
                            failed.incrementAndGet();
                            catalog.problems().add(e.kind(), p.origin(), p.id(), e.getMessage());
                        }
                        progress.advance(1);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("the image encoder failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        return failed.get();
    }

    /** One image segment as its own matrix; rows of products without a photo stay zero. */
    private static FloatMatrix slice(FloatMatrix images, VectorSegment seg, BitSet hasImage, int[] masks, int s) {
        int n = images.rows();
        FloatMatrix m = FloatMatrix.zeros(n, seg.length());
        for (int i = 0; i < n; i++) {
            if (!hasImage.get(i)) {
                continue;
            }
            System.arraycopy(images.data(), images.offset(i) + seg.offset(), m.data(), m.offset(i), seg.length());
            for (int d = m.offset(i); d < m.offset(i) + seg.length(); d++) {
                if (m.data()[d] != 0) {
                    masks[i] |= 1 << s;
                    break;
                }
            }
        }
        return m;
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
