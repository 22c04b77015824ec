package io.fashionrec.index;

import io.fashionrec.align.AlignmentSettings;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.index.store.Bits;
import io.fashionrec.index.store.DenseMatrix;
import io.fashionrec.index.store.IndexFormatException;
import java.nio.file.Path;
import java.util.List;

/**
 * The index a build replaces, opened for what the build may take over from it: its products (to
 * count what changed) and, for a photo file that has not changed since that build read it, the
 * photo's digest and its image vectors, so that the file is not read, decoded or encoded again.
 *
 * <p>"Not changed" is judged as {@code make} and git judge it: the same absolute path, size and
 * modification time (to the nanosecond where the file system keeps it) as the {@link PhotoRecord}
 * holds (which never trusts a file modified just before it was read). A photo rewritten in place
 * with the same size and its old modification time forced back would not be noticed; a build
 * into a new index directory reads every photo (copy the {@code embeddings} directory there to
 * keep the encodings).
 *
 * <p>Memory-mapped; immutable and thread-safe.
 */
public final class PreviousIndex {

    private final ProductTable products;
    private final Path catalog;
    private final EncoderDescriptor encoder;
    private final List<VectorSegment> segments;
    private final LayeredRows[] images;
    private final Bits[] present;
    private final AlignmentSettings sketchSettings;
    private final DenseMatrix sketches;
    private final ProductGraph graph;

    /**
     * @param sketchSettings what {@code sketches} were made with; both null when the index has none
     * @param graph          its approximate-search graph, or null when it has none
     */
    PreviousIndex(ProductTable products, Path catalog, EncoderDescriptor encoder, List<VectorSegment> segments, LayeredRows[] images,
                  Bits[] present, AlignmentSettings sketchSettings, DenseMatrix sketches, ProductGraph graph) {
        this.products = products;
        // Resolved once: every product's photo path is compared against it.
        this.catalog = catalog.toAbsolutePath().normalize();
        this.encoder = encoder;
        this.segments = List.copyOf(segments);
        this.images = images;
        this.present = present;
        this.sketchSettings = sketchSettings;
        this.sketches = sketches;
        this.graph = graph;
    }

    /**
     * Opens the index committed in {@code dir}.
     *
     * @throws IndexFormatException when there is none, or it cannot be read by this version
     */
    public static PreviousIndex open(Path dir) {
        return ProductIndexFormat.readPrevious(dir);
    }

    /** The products of the previous index. */
    public ProductTable products() {
        return products;
    }

    /** The approximate-search graph of this index (mapped), or null when it has none. */
    ProductGraph graph() {
        return graph;
    }

    /** Whether image vectors of this index may stand for those of {@code encoder} with {@code segments}. */
    boolean hasImagesOf(EncoderDescriptor encoder, List<VectorSegment> segments) {
        return madeBy(encoder, segments) && products.hasPhotoRecords();
    }

    /** Whether this index's image vectors were made by {@code encoder} with {@code segments}. */
    boolean madeBy(EncoderDescriptor encoder, List<VectorSegment> segments) {
        return this.encoder.equals(encoder) && this.segments.equals(segments);
    }

    /** Whether the image sketches of this index are those {@code settings} make. */
    boolean hasSketchesOf(AlignmentSettings settings) {
        return sketches != null && sketchSettings.sketchDimension() == settings.sketchDimension() && sketchSettings.seed() == settings.seed();
    }

    /** Copies product {@code j}'s image sketch into row {@code i} of {@code into}; call only when {@link #hasSketchesOf}. */
    void copySketch(int j, FloatMatrix into, int i) {
        sketches.copyRow(j, into.data(), into.offset(i));
    }

    /**
     * The ordinal of the previous index's product {@code id} when its photo was the same file and
     * that file is unchanged (see the class comment), else -1.
     *
     * @param root      the catalog directory the photo's path is relative to (absolute, normalised)
     * @param photoPath the photo's path as an index records it: relative to {@code root} and
     *                  normalised, or absolute outside it
     * @param now       the photo file's size and time now
     */
    int unchangedPhoto(String id, Path root, String photoPath, PhotoRecord.Stat now) {
        int j = products.ordinal(id);
        if (j < 0) {
            return -1;
        }
        String before = products.image(j);
        // From the same catalog directory, recorded paths are equal exactly when they name the same file.
        boolean samePath = !before.isEmpty() && (root.equals(catalog) ? before.equals(photoPath)
                : catalog.resolve(before).normalize().equals(root.resolve(photoPath).normalize()));
        if (!samePath) {
            return -1;
        }
        PhotoRecord record = PhotoRecord.parse(products.photoRecord(j));
        return record != null && record.stat().equals(now) ? j : -1;
    }

    /** The photo record of product {@code j}, for a photo {@link #unchangedPhoto} found unchanged. */
    PhotoRecord photo(int j) {
        return PhotoRecord.parse(products.photoRecord(j));
    }

    /** The rows of image segment {@code k} (mapped layers): what an update keeps for products whose photo is unchanged. */
    LayeredRows image(int k) {
        return images[k];
    }

    /** Product {@code j}'s image segment presence mask (bit k for segment k). */
    int imageMask(int j) {
        int mask = 0;
        for (int k = 0; k < images.length; k++) {
            if (present[k].get(j)) {
                mask |= 1 << k;
            }
        }
        return mask;
    }

    /** Copies product {@code j}'s normalised image segment rows, concatenated, into {@code vector}. */
    void copyImage(int j, float[] vector) {
        for (int k = 0; k < images.length; k++) {
            images[k].copyRows(j, 1, vector, segments.get(k).offset());
        }
    }
}
