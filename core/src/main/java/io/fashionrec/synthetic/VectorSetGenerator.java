package io.fashionrec.synthetic;

import io.fashionrec.catalog.StylesCsvReader;
import io.fashionrec.feature.Vectors;
import io.fashionrec.vectors.NpyRowWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Synthetic embeddings for search benchmarks, without photos: clustered, L2-normalised float32
 * vectors as products of a catalog have (similar products near a shared centre), and queries
 * drawn the same way. Writes {@code vectors.npy} (products x dimension), {@code queries.npy}
 * (queries x dimension) and {@code styles.csv}, one row per vector row: its id (the row number),
 * the Kaggle attributes {@code gender, masterCategory, subCategory, articleType, baseColour} of
 * its cluster, and a display name (a brand, the colour and the article type). Each cluster is one
 * kind of product: an article type and colour by its number, a gender drawn for it from the
 * type's mix. The directory is thus a catalog in the Kaggle layout without photos:
 * {@code fashionrec index --catalog DIR --image-vectors DIR/vectors.npy} indexes it.
 *
 * <p>Everything is streamed chunk by chunk, so a million 512-float vectors are written with a few
 * megabytes of heap; chunks are drawn in parallel from seeds of their own, so the output depends
 * on the seed alone, not on the number of cores. The noise is uniform per coordinate (cheap to
 * draw; summed over hundreds of coordinates its effect on products is close to Gaussian). Queries
 * come from another random stream than the vectors, so no query equals a vector except with
 * probability zero.
 */
public final class VectorSetGenerator {

    private static final int CHUNK_ROWS = 4096;
    /** About this many vectors per cluster, so the nearest neighbours of a query share its cluster. */
    private static final int VECTORS_PER_CLUSTER = 250;
    private static final int MAX_CLUSTERS = 4096;
    /**
     * Noise length relative to the unit centre: a point's cosine with its centre is about
     * 1 / sqrt(1 + 0.75^2) = 0.8, and two points of a cluster have a cosine of about 0.64.
     */
    private static final double NOISE = 0.75;
    private static final long QUERY_STREAM = 0x5157_4552_5953L;
    private static final long GENDER_STREAM = 0x4745_4E44_4552L;
    /** The columns of the styles.csv written, Kaggle names in Kaggle order. */
    static final String HEADER = "id,gender,masterCategory,subCategory,articleType,baseColour,productDisplayName";

    private final int dimension;
    private final long seed;
    private final float[] centres;
    private final int clusters;
    /** Per cluster, its attribute fields of a styles.csv row ("gender,...,baseColour,"). */
    private final String[] clusterFields;

    private VectorSetGenerator(int products, int dimension, long seed) {
        this.dimension = dimension;
        this.seed = seed;
        this.clusters = Math.max(1, Math.min(MAX_CLUSTERS, products / VECTORS_PER_CLUSTER));
        this.centres = new float[clusters * dimension];
        Random random = new Random(seed);
        for (int c = 0; c < clusters; c++) {
            for (int i = 0; i < dimension; i++) {
                centres[c * dimension + i] = (float) random.nextGaussian();
            }
            Vectors.normalizeInPlace(centres, c * dimension, dimension);
        }
        this.clusterFields = new String[clusters];
        Random genders = new Random(seed ^ GENDER_STREAM);
        for (int c = 0; c < clusters; c++) {
            ArticleType type = type(c);
            clusterFields[c] = String.join(",", type.genders().pick(genders), type.masterCategory(), type.subCategory(), type.label(),
                    colour(c).label()) + ",";
        }
    }

    /** What was written, and where. */
    public record VectorSet(Path vectorsFile, Path queriesFile, Path catalogFile, int products, int queries, int dimension, int clusters) {
    }

    /**
     * Writes the three files into {@code dir} (created if needed; files of those names are replaced).
     *
     * @param products  vectors, at least 1
     * @param dimension floats per vector, at least 2
     * @param queries   query vectors, at least 1
     * @throws IllegalArgumentException for sizes out of range, or more than one Java array holds
     *                                  (products x dimension above 2^31 - 9)
     */
    public static VectorSet generate(Path dir, int products, int dimension, int queries, long seed) throws IOException {
        if (products < 1 || queries < 1 || dimension < 2) {
            throw new IllegalArgumentException("need at least 1 product, 1 query and dimension 2; got " + products
                    + " products, " + queries + " queries, dimension " + dimension);
        }
        if ((long) products * dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(products + " x " + dimension + " floats would not fit one search matrix"
                    + " (at most 2^31 - 9 floats); lower --products or --dimension");
        }
        VectorSetGenerator g = new VectorSetGenerator(products, dimension, seed);
        Files.createDirectories(dir);
        Path vectors = dir.resolve("vectors.npy");
        Path queryFile = dir.resolve("queries.npy");
        Path catalog = dir.resolve(StylesCsvReader.STYLES_FILE);
        try (BufferedWriter csv = Files.newBufferedWriter(catalog, StandardCharsets.UTF_8)) {
            csv.write(HEADER + "\n");
            g.write(vectors, products, seed, csv);
        }
        g.write(queryFile, queries, seed ^ QUERY_STREAM, null);
        return new VectorSet(vectors, queryFile, catalog, products, queries, dimension, g.clusters);
    }

    /** Rows {@code 0..rows} drawn from {@code stream}, chunks in parallel a core's worth at a time, written in order. */
    private void write(Path file, int rows, long stream, BufferedWriter catalog) throws IOException {
        int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        int wave = Math.max(1, Runtime.getRuntime().availableProcessors());
        float[][] buffers = new float[wave][CHUNK_ROWS * dimension];
        StringBuilder[] text = new StringBuilder[wave];
        try (NpyRowWriter out = NpyRowWriter.float32(file, rows, dimension)) {
            for (int first = 0; first < chunks; first += wave) {
                int start = first;
                int count = Math.min(wave, chunks - first);
                IntStream.range(0, count).parallel().forEach(w -> text[w] = draw(start + w, rows, stream, buffers[w], catalog != null));
                for (int w = 0; w < count; w++) {
                    int chunk = start + w;
                    out.writeRows(buffers[w], 0, Math.min(CHUNK_ROWS, rows - chunk * CHUNK_ROWS));
                    if (catalog != null) {
                        catalog.append(text[w]);
                    }
                }
            }
        }
    }

    /** Fills {@code into} with chunk {@code chunk}'s rows; returns their styles.csv lines when asked. */
    private StringBuilder draw(int chunk, int rows, long stream, float[] into, boolean named) {
        SplittableRandom random = new SplittableRandom(stream * 0x9E3779B97F4A7C15L + chunk);
        Random nameRandom = new Random(random.nextLong());
        StringBuilder lines = named ? new StringBuilder() : null;
        // uniform on [-a, a] has the variance a^2 / 3: per coordinate NOISE^2 / dimension
        float a = (float) (NOISE * Math.sqrt(3.0 / dimension));
        int first = chunk * CHUNK_ROWS;
        int n = Math.min(CHUNK_ROWS, rows - first);
        for (int r = 0; r < n; r++) {
            int c = random.nextInt(clusters);
            int o = r * dimension;
            int co = c * dimension;
            for (int i = 0; i < dimension; i++) {
                into[o + i] = centres[co + i] + a * (random.nextInt() * 0x1p-31f);
            }
            Vectors.normalizeInPlace(into, o, dimension);
            if (named) {
                lines.append(first + r).append(',').append(clusterFields[c]).append(name(c, nameRandom)).append('\n');
            }
        }
        return lines;
    }

    /** A display name: a brand, then the cluster's colour and article type, so a cluster reads as one kind of product. */
    private static String name(int cluster, Random random) {
        return Brands.pick(random) + " " + colour(cluster).label() + " " + type(cluster).label();
    }

    private static ArticleType type(int cluster) {
        ArticleType[] types = ArticleType.values();
        return types[cluster % types.length];
    }

    private static NamedColour colour(int cluster) {
        NamedColour[] colours = NamedColour.values();
        return colours[(cluster / ArticleType.values().length) % colours.length];
    }
}
