package io.fashionrec.index;

import io.fashionrec.align.TextToImageAlignment;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import io.fashionrec.text.TfidfModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An index: the products, every product's fused vector, the models that turn a new query into
 * the same space, and the fusion defaults chosen when it was built.
 *
 * @param catalog        the catalog's root directory at build time; image paths are relative to it
 * @param products       ids, names, images and attributes
 * @param vectors        the fused vectors, segment by segment
 * @param textModel      the fitted TF-IDF model
 * @param imageEncoder   the descriptor of the image encoder the image vectors came from
 * @param imageModel     how to get that encoder again (e.g. {@code model=densenet121, preset=torch}),
 *                       as the command line gave it; empty when unknown
 * @param alignment      the fitted text-to-image alignment, or null when it could not be fitted
 * @param defaultWeights the fusion weights used when a query names none
 * @param defaultKernel  the kernel used when a query names none
 * @param imageSketches  the image sketches the alignment was fitted on, for the next build; null
 *                       when not known (an index of an older layout)
 * @param graph          the approximate-search graph over the products, or null when the index
 *                       has none (approximate search then builds one in memory)
 */
public record ProductIndex(Path catalog, ProductTable products, FusedVectors vectors, TfidfModel textModel,
                           EncoderDescriptor imageEncoder, Map<String, String> imageModel, TextToImageAlignment alignment,
                           FusionWeights defaultWeights, Kernel defaultKernel, ImageSketches imageSketches, ProductGraph graph) {

    public ProductIndex {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(textModel, "textModel");
        Objects.requireNonNull(imageEncoder, "imageEncoder");
        imageModel = Map.copyOf(imageModel);
        Objects.requireNonNull(defaultWeights, "defaultWeights");
        Objects.requireNonNull(defaultKernel, "defaultKernel");
        if (products.size() != vectors.size()) {
            throw new IllegalArgumentException(products.size() + " products but " + vectors.size() + " vectors");
        }
    }

    /** An index without a graph. */
    public ProductIndex(Path catalog, ProductTable products, FusedVectors vectors, TfidfModel textModel, EncoderDescriptor imageEncoder,
                        Map<String, String> imageModel, TextToImageAlignment alignment, FusionWeights defaultWeights, Kernel defaultKernel,
                        ImageSketches imageSketches) {
        this(catalog, products, vectors, textModel, imageEncoder, imageModel, alignment, defaultWeights, defaultKernel, imageSketches, null);
    }

    public int size() {
        return products.size();
    }

    /** The photo of a product, resolved against the catalog root, or null when it has none. */
    public Path imagePath(int ordinal) {
        String image = products.image(ordinal);
        return image.isEmpty() ? null : catalog.resolve(image);
    }
}
