package io.fashionrec.cli;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.ProductIndex;

/** The image encoders the command line can name with {@code --image-model}. */
final class ImageModels {

    static final String DEFAULT = "classic";

    private ImageModels() {
    }

    /** The encoder called {@code name}, or a usage error listing the known ones. */
    static ImageEncoder create(String name) {
        if (DEFAULT.equals(name)) {
            return new ClassicImageEncoder();
        }
        throw new BadOptionException("unknown image model '" + name + "'; available: " + DEFAULT);
    }

    /**
     * An encoder that makes vectors comparable with the index's: the same model, version and
     * preprocessing, or a failure that says which model the index needs.
     */
    static ImageEncoder forIndex(ProductIndex index) {
        EncoderDescriptor wanted = index.imageEncoder();
        ImageEncoder encoder = wanted.name().equals(DEFAULT) ? new ClassicImageEncoder() : null;
        if (encoder == null || !encoder.descriptor().sameModelAs(wanted)) {
            String have = encoder == null ? "no such model here" : encoder.descriptor().label();
            throw new IllegalStateException("this index was built with the image model " + wanted.label()
                    + " and cannot be queried with " + have + "; rebuild the index or use a matching fashionrec");
        }
        return encoder;
    }
}
