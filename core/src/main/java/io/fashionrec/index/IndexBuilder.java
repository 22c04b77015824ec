package io.fashionrec.index;

import io.fashionrec.align.AlignmentSettings;
import io.fashionrec.align.ImageSketcher;
import io.fashionrec.align.TextToImageAlignment;
import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Product;
import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.feature.SparseVector;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.feature.Vectors;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.progress.Progress;
import io.fashionrec.text.TfidfFit;
import io.fashionrec.text.TfidfVectorizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Builds an index in memory from a catalog: decodes and encodes every photo on worker threads
 * (taking the vectors of unchanged photo files from the index it replaces, when given, and of
 * known photo contents from the embedding cache), fits TF-IDF on the names, fits the text-to-image
 * alignment, and lays out the fused vectors.
 * A photo that cannot be used is reported to the catalog's problem report and its product is
 * kept with its text.
 */
public final class IndexBuilder {

    /**
     * What a build produced and what it did.
     *
     * @param imagesEmbedded photos the encoder computed in this build
     * @param imagesReused   photos whose vectors came from the previous index (unchanged files) or the embedding cache
     * @param imagesFailed   photos that could not be used (each reported)
     * @param graph          what the build did about the approximate-search graph
     */
    public record Result(ProductIndex index, int imagesEmbedded, int imagesReused, int imagesFailed, GraphBuild graph) {

        /** Photos the index has a vector for. */
        public int imagesIndexed() {
            return imagesEmbedded + imagesReused;
        }
    }

    private ImageEncoder encoder;
    private ImageLimits limits = ImageLimits.DEFAULT;
    private TfidfVectorizer vectorizer = TfidfVectorizer.builder().build();
    private AlignmentSettings alignment = AlignmentSettings.DEFAULT;
    private FusionWeights weights = FusionWeights.DEFAULT;
    private Kernel kernel = Kernel.COSINE;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Progress progress = Progress.NONE;
    private Path cacheDirectory;
    private PreviousIndex previous;
    private Map<String, String> imageModel = Map.of();
    private GraphPolicy graphPolicy = GraphPolicy.AUTO;
    private BuildLimits buildLimits = BuildLimits.NONE;

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

    /** How to get the image encoder again, recorded in the index for photo queries. */
    public IndexBuilder optImageModel(Map<String, String> spec) {
        this.imageModel = Map.copyOf(spec);
        return this;
    }

    /**
     * Keeps raw image vectors in {@code directory} (see {@link EmbeddingCache}), so that the next
     * build embeds only photos whose content changed, and an interrupted build resumes.
     */
    public IndexBuilder optEmbeddingCache(Path directory) {
        this.cacheDirectory = Objects.requireNonNull(directory);
        return this;
    }

    /**
     * The index this build replaces: the vectors of photo files unchanged since it read them are
     * taken from it instead of reading the files again (see {@link PreviousIndex}). Ignored when
     * it was built with another image encoder.
     */
    public IndexBuilder optPrevious(PreviousIndex index) {
        this.previous = Objects.requireNonNull(index);
        return this;
    }

    /**
     * Whether the index gets an approximate-search graph ({@link GraphPolicy#AUTO} by default:
     * when large enough for {@code auto} search to be approximate). Over a previous index that has
     * one, the graph is refreshed rather than rebuilt where it can be (see {@link ProductGraphBuilder}).
     */
    public IndexBuilder optGraph(GraphPolicy policy) {
        this.graphPolicy = Objects.requireNonNull(policy);
        return this;
    }

    /**
     * The most work the build may take on ({@link BuildLimits#NONE} by default): a larger build
     * throws {@link BuildTooLargeException} before its heavy part, having written nothing.
     */
    public IndexBuilder optBuildLimits(BuildLimits limits) {
        this.buildLimits = Objects.requireNonNull(limits);
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
        PreviousIndex reusable = previous != null && previous.hasImagesOf(encoder.descriptor(), imageSegments) ? previous : null;
        Path root = catalogRoot(catalog);
        String[] photoPaths = photoPaths(catalog, root);
        // Decided before allocating: an update allocates rows only for the photos it embeds.
        int[] sources = reusable == null ? null : LayeredRows.sources(unchangedPhotos(catalog, reusable, root, photoPaths));
        int computed = sources == null ? n : LayeredRows.computedCount(sources);
        buildLimits.checkPhotos(photosToRead(products, sources));
        FloatMatrix[] images = new FloatMatrix[imageSegments.size()];
        DenseRows[] imageRows = new DenseRows[images.length];
        for (int k = 0; k < images.length; k++) {
            images[k] = FloatMatrix.zeros(computed, imageSegments.get(k).length());
            imageRows[k] = sources == null ? images[k] : LayeredRows.stack(reusable.image(k), images[k], sources);
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
        PhotoEmbedder.Counts counts;
        try (EmbeddingCache cache = cacheDirectory == null ? null : EmbeddingCache.open(cacheDirectory, encoder.descriptor())) {
            PhotoEmbedder embedder = new PhotoEmbedder(catalog, encoder, imageSegments, new ImageDecoder(limits), reusable, sources,
                    reusable != null && reusable.hasSketchesOf(alignment), cache, sketcher, images, sketches, imageMasks, progress);
            List<Future<?>> embedding = embedder.start(pool, threads);
            // While the photos embed, this thread does what needs no photo.
            List<String> texts = new ArrayList<>(n);
            for (Product p : products) {
                texts.add(p.text());
            }
            text = vectorizer.fitTransform(texts);
            counts = embedder.await(embedding);
            table = table(catalog, photoPaths, embedder::photoSha256, embedder::photoRecord);
            if (cache != null) {
                cache.retainOnly(embedder.usedKeys());
            }
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
        DenseRows[] dense = new DenseRows[layout.size()];
        int[] masks = new int[n];
        for (int i = 0; i < n; i++) {
            // layout bit 0 is the text; image segment k is layout bit k + 1
            masks[i] = (text.rows().get(i).isEmpty() ? 0 : 1) | imageMasks[i] << 1;
        }
        System.arraycopy(imageRows, 0, dense, 1, imageRows.length);
        if (fitted != null) {
            int first = 1 + imageRows.length;
            FloatMatrix[] aligned = new FloatMatrix[imageSegments.size()];
            for (int a = 0; a < aligned.length; a++) {
                aligned[a] = FloatMatrix.zeros(n, alignment.sketchDimension());
                dense[first + a] = aligned[a];
            }
            IntStream.range(0, n).parallel().forEach(i -> {
                for (int a = 0; a < aligned.length; a++) {
                    FloatMatrix m = aligned[a];
                    if (fitted.align(text.rows().get(i), a, m.data(), m.offset(i))) {
                        masks[i] |= 1 << (first + a);
                    }
                }
            });
        }
        FusedVectors vectors = new FusedVectors(layout, text.rows(), vocabulary, dense, masks);
        ProductGraphBuilder.Outcome graph = graph(vectors, table, previous, encoder.descriptor(), imageSegments);
        ProductIndex index = new ProductIndex(root, table, vectors, text.model(), encoder.descriptor(), imageModel, fitted, weights, kernel,
                new ImageSketches(alignment, sketches), graph == null ? null : graph.graph());
        return new Result(index, counts.embedded(), counts.reused(), counts.failed(), built(graph));
    }

    /**
     * Per product, the ordinal of its product in {@code previous} when its photo file is unchanged
     * since then ({@link PreviousIndex#unchangedPhoto}), else -1 (also without a photo). Checked in
     * parallel: one file status per photo.
     */
    private static int[] unchangedPhotos(Catalog catalog, PreviousIndex previous, Path root, String[] photoPaths) {
        List<Product> products = catalog.products();
        return IntStream.range(0, products.size()).parallel().map(i -> {
            Product p = products.get(i);
            PhotoRecord.Stat stat = p.image() == null ? null : PhotoRecord.Stat.of(p.image());
            return stat == null ? -1 : previous.unchangedPhoto(p.id(), root, photoPaths[i], stat);
        }).toArray();
    }

    /** The products with a photo whose vector is not taken from the previous index ({@code sources}: see {@link LayeredRows#sources}; null: none is). */
    private static int photosToRead(List<Product> products, int[] sources) {
        int count = 0;
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).image() != null && (sources == null || sources[i] < 0)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Per product, its photo's path as the index records it (relative to {@code root} when inside
     * it, see {@link #relative}), or the empty string without a photo. In parallel: a few path
     * operations per product.
     */
    private static String[] photoPaths(Catalog catalog, Path root) {
        List<Product> products = catalog.products();
        String[] paths = new String[products.size()];
        IntStream.range(0, products.size()).parallel().forEach(i -> {
            Path image = products.get(i).image();
            paths[i] = image == null ? "" : relative(root, image);
        });
        return paths;
    }

    /**
     * The graph the policy asks for, refreshed from the previous index's where it can be; null when
     * none is asked for.
     *
     * @param previous the index being replaced, or null to build the graph from scratch
     */
    private ProductGraphBuilder.Outcome graph(FusedVectors vectors, ProductTable table, PreviousIndex previous, EncoderDescriptor encoder,
                                              List<VectorSegment> imageSegments) {
        if (!graphPolicy.wants(vectors)) {
            return null;
        }
        ProductGraph before = previous == null ? null : previous.graph();
        int[] unchanged = before == null ? null : IndexChanges.unchangedOrdinals(previous.products(), table);
        if (unchanged != null && !previous.madeBy(encoder, imageSegments)) {
            // Another encoder changed every image vector: no product is unchanged, whatever its fingerprint says.
            Arrays.fill(unchanged, -1);
        }
        return ProductGraphBuilder.buildOrRefresh(vectors, weights, threads, before, unchanged, buildLimits);
    }

    private GraphBuild built(ProductGraphBuilder.Outcome graph) {
        return graph != null ? graph.build()
                : GraphBuild.none(graphPolicy == GraphPolicy.NEVER ? "not asked for" : "small enough to search exactly");
    }

    /**
     * Builds an index from image vectors computed elsewhere ("bring your own embeddings"): row
     * {@code i} of {@code imageVectors} is the vector of the catalog's {@code i}-th product. The
     * names are fitted with TF-IDF as in {@link #build}; no photo is read, so no image encoder is
     * needed and no text-to-image alignment is fitted (it learns from photo sketches). A row of
     * zeros means the product has no image vector.
     *
     * @param imageVectors handed over, not copied: its rows are L2-normalised in place (one heap
     *                     copy of the vectors, even for millions of products)
     * @param descriptor   what made the vectors; its dimension must be the matrix's columns
     * @throws IllegalArgumentException if the rows are not one per product or the dimension differs
     */
    public Result buildFromImageVectors(Catalog catalog, FloatMatrix imageVectors, EncoderDescriptor descriptor) {
        int n = catalog.size();
        if (imageVectors.rows() != n) {
            throw new IllegalArgumentException("the image vectors have " + imageVectors.rows() + " rows but the catalog has " + n
                    + " products; give one row per product, in catalog order");
        }
        if (imageVectors.cols() != descriptor.dimension()) {
            throw new IllegalArgumentException("the image vectors have " + imageVectors.cols() + " columns but the encoder "
                    + descriptor.label() + " makes " + descriptor.dimension());
        }
        List<VectorSegment> imageSegments = VectorSegment.whole("image", descriptor.dimension());
        int[] masks = new int[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            if (Vectors.normalizeInPlace(imageVectors.data(), imageVectors.offset(i), imageVectors.cols())) {
                masks[i] = 1 << 1; // layout bit 0 is the text, bit 1 the one image segment
            }
        });
        List<String> texts = new ArrayList<>(n);
        for (Product p : catalog.products()) {
            texts.add(p.text());
        }
        TfidfFit text = vectorizer.fitTransform(texts);
        for (int i = 0; i < n; i++) {
            masks[i] |= text.rows().get(i).isEmpty() ? 0 : 1;
        }
        FusionLayout layout = FusionLayout.of(imageSegments, 0);
        FloatMatrix[] dense = {null, imageVectors};
        FusedVectors vectors = new FusedVectors(layout, text.rows(), text.model().vocabularySize(), dense, masks);
        Path root = catalogRoot(catalog);
        ProductTable table = table(catalog, photoPaths(catalog, root), i -> null, i -> "");
        // Built afresh: vectors from a file carry no photo fingerprints to tell unchanged products by.
        ProductGraphBuilder.Outcome graph = graph(vectors, table, null, descriptor, imageSegments);
        ProductIndex index = new ProductIndex(root, table, vectors, text.model(), descriptor, imageModel, null, weights, kernel, null,
                graph == null ? null : graph.graph());
        return new Result(index, 0, 0, 0, built(graph));
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

    /**
     * The product columns, with each product's fingerprint (which needs its photo's digest,
     * {@code photoSha256}, null without a photo) and its {@link PhotoRecord} text.
     */
    private static ProductTable table(Catalog catalog, String[] images, IntFunction<byte[]> photoSha256, IntFunction<String> photoRecord) {
        List<Product> products = catalog.products();
        List<String> attributeNames = catalog.attributeNames();
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<String> photoRecords = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            ids.add(p.id());
            names.add(p.name());
            descriptions.add(p.description());
            photoRecords.add(photoRecord.apply(i));
        }
        // A SHA-256 per product: in parallel, each product's own slot.
        String[] fingerprints = new String[products.size()];
        IntStream.range(0, products.size()).parallel().forEach(i ->
                fingerprints[i] = ProductFingerprint.of(products.get(i), images[i], attributeNames, photoSha256.apply(i)));
        return new ProductTable(ProductTable.Column.of(ids), ProductTable.Column.of(names), ProductTable.Column.of(descriptions),
                ProductTable.Column.of(Arrays.asList(images)), attributeNames, a -> {
                    List<String> values = new ArrayList<>();
                    for (Product p : products) {
                        String v = p.attribute(attributeNames.get(a));
                        values.add(v == null ? "" : v);
                    }
                    return ProductTable.Column.of(values);
                }, ProductTable.Column.of(Arrays.asList(fingerprints)), ProductTable.Column.of(photoRecords));
    }
}
