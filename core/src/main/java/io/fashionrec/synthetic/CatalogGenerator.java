package io.fashionrec.synthetic;

import io.fashionrec.progress.Progress;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic fashion catalog in the layout of the Kaggle <i>Fashion Product Images</i>
 * data set: {@code styles.csv} with the columns
 * {@code id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName}
 * and one JPEG per product in {@code images/<id>.jpg}, each a product drawn with Java2D on a white
 * studio background. Names, attributes and pictures agree: a "Striped Navy Blue Shirts" is a
 * navy shirt with stripes. Ids run from 1 to the number of products.
 *
 * <p>The output is a function of the options alone: the same seed, product count, image size and
 * quality give byte-identical files whatever the thread count, because every product's random
 * choices come from its own stream derived from (seed, index). styles.csv is the same on every
 * Java runtime ({@link java.util.Random} is specified exactly); the images are identical on the
 * same runtime, while another JDK's rasteriser or JPEG encoder may differ in single pixels.
 *
 * <pre>{@code
 * CatalogGenerator.builder().optProducts(600).optSeed(7).build().generate(Path.of("demo-catalog"));
 * }</pre>
 *
 * <p>Instances are immutable; {@link #generate} may be called from several threads for
 * different directories.
 */
public final class CatalogGenerator {

    /** Products in a catalog unless {@link Builder#optProducts} says otherwise: the demo's size. */
    public static final int DEFAULT_PRODUCTS = 600;
    /** Seed unless {@link Builder#optSeed} says otherwise, so the demo catalog is always the same. */
    public static final long DEFAULT_SEED = 42;
    /** Image side in pixels unless {@link Builder#optImageSize} says otherwise, that of the shared sample. */
    public static final int DEFAULT_IMAGE_SIZE = 224;
    /** JPEG quality unless {@link Builder#optJpegQuality} says otherwise. */
    public static final float DEFAULT_JPEG_QUALITY = 0.9f;

    /** Larger images only cost time and disk; the drawings have no detail that needs them. */
    private static final int MAX_IMAGE_SIZE = 2048;
    /** Below this the drawings turn to mush. */
    private static final int MIN_IMAGE_SIZE = 32;

    static {
        // Drawing must work on servers without a display; an explicit setting by the caller wins.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final int products;
    private final long seed;
    private final int width;
    private final int height;
    private final float jpegQuality;
    private final int threads;
    private final Progress progress;

    private CatalogGenerator(Builder b) {
        this.products = b.products;
        this.seed = b.seed;
        this.width = b.width;
        this.height = b.height;
        this.jpegQuality = b.jpegQuality;
        this.threads = b.threads;
        this.progress = b.progress;
    }

    /** A builder with the defaults: 600 products, seed 42, 224x224, quality 0.9, one thread per core. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the catalog into {@code outDir}, creating it if needed. An earlier synthetic catalog
     * there is replaced (its surplus images are deleted); any other non-empty directory is
     * refused. styles.csv is written last and atomically: until it appears the directory is not a
     * complete catalog.
     *
     * @throws IllegalArgumentException if {@code outDir} is a file or a non-empty directory that is
     *                                  not a synthetic catalog
     * @throws IOException              if a file cannot be written
     */
    public void generate(Path outDir) throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        CatalogDirectory dir = CatalogDirectory.prepare(outDir);
        List<ProductPlan> plans = plan();
        progress.start("Drawing " + products + " synthetic products", products);
        try {
            drawAll(plans, dir, outDir);
        } finally {
            progress.finish();
        }
        Set<String> names = new HashSet<>();
        for (ProductPlan plan : plans) {
            names.add(dir.imageFile(plan.id()).getFileName().toString());
        }
        dir.removeStaleImages(names);
        dir.writeStyles(StylesCsv.format(plans));
    }

    /** Every product's plan, in id order. Cheap next to drawing, so done on the calling thread. */
    List<ProductPlan> plan() {
        List<ArticleType> types = ArticleMix.assign(products, seed);
        List<ProductPlan> plans = new ArrayList<>(products);
        for (int i = 0; i < products; i++) {
            plans.add(ProductPlanner.plan(i + 1, types.get(i), seed, i));
        }
        return plans;
    }

    private void drawAll(List<ProductPlan> plans, CatalogDirectory dir, Path outDir) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "synthetic-catalog");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> drawn = new ArrayList<>(plans.size());
            for (ProductPlan plan : plans) {
                drawn.add(pool.submit(() -> {
                    draw(plan, dir);
                    return null;
                }));
            }
            for (Future<?> f : drawn) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the synthetic catalog into " + outDir, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("drawing a synthetic product failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void draw(ProductPlan plan, CatalogDirectory dir) throws IOException {
        BufferedImage image = ProductPainter.paint(plan, width, height);
        JpegFiles.write(image, dir.imageFile(plan.id()), jpegQuality);
        progress.advance(1);
    }

    /** Options of a {@link CatalogGenerator}; every setter checks its value and says what is allowed. */
    public static final class Builder {

        private int products = DEFAULT_PRODUCTS;
        private long seed = DEFAULT_SEED;
        private int width = DEFAULT_IMAGE_SIZE;
        private int height = DEFAULT_IMAGE_SIZE;
        private float jpegQuality = DEFAULT_JPEG_QUALITY;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Progress progress = Progress.NONE;

        private Builder() {
        }

        /** How many products, at least 1. */
        public Builder optProducts(int products) {
            if (products < 1) {
                throw new IllegalArgumentException("the number of products must be at least 1, not " + products);
            }
            this.products = products;
            return this;
        }

        /** The seed every random choice derives from; any value. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Image width and height in pixels, each 32 to 2048. */
        public Builder optImageSize(int width, int height) {
            if (width < MIN_IMAGE_SIZE || height < MIN_IMAGE_SIZE || width > MAX_IMAGE_SIZE || height > MAX_IMAGE_SIZE) {
                throw new IllegalArgumentException("image size must be " + MIN_IMAGE_SIZE + " to " + MAX_IMAGE_SIZE
                        + " pixels each way, not " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** JPEG quality, greater than 0 and at most 1 (0.9 looks clean at a modest size). */
        public Builder optJpegQuality(float quality) {
            if (!(quality > 0f && quality <= 1f)) {
                throw new IllegalArgumentException("JPEG quality must be in (0, 1], not " + quality);
            }
            this.jpegQuality = quality;
            return this;
        }

        /** Threads that draw images, at least 1; the output does not depend on it. */
        public Builder optThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("the number of threads must be at least 1, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Where progress is reported: one unit per image drawn. */
        public Builder optProgress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public CatalogGenerator build() {
            return new CatalogGenerator(this);
        }
    }
}
