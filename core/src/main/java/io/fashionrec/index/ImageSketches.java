package io.fashionrec.index;

import io.fashionrec.align.AlignmentSettings;
import io.fashionrec.feature.FloatMatrix;
import java.util.Objects;

/**
 * The alignment sketch ({@link io.fashionrec.align.ImageSketcher}) of every product's image
 * vector, kept with the index so that the next build over it need not sketch unchanged photos
 * again: sketching costs a few hundred thousand multiply-adds per photo, which for a large
 * catalog is most of an update.
 *
 * @param settings the settings the sketches were made with (sketch dimension and seed)
 * @param rows     one row per product, the segments' sketches side by side; zero without a photo
 */
public record ImageSketches(AlignmentSettings settings, FloatMatrix rows) {

    public ImageSketches {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(rows, "rows");
    }
}
