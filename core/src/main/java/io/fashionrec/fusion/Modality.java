package io.fashionrec.fusion;

import java.util.Locale;

/**
 * The kinds of evidence fused into one similarity.
 *
 * <ul>
 *   <li>{@link #TEXT}: TF-IDF of the product name (and description).</li>
 *   <li>{@link #IMAGE}: the image encoder's vector of the product photo.</li>
 *   <li>{@link #ALIGNMENT}: the appearance a product's name implies, learned from the catalog's
 *       own (name, photo) pairs: a linear map from TF-IDF to the image features (see
 *       {@code io.fashionrec.align}). It is computed from text at query time but needs the
 *       images to be learned, so it belongs to neither single modality: it is the part of the
 *       fusion that relates them.</li>
 * </ul>
 */
public enum Modality {
    TEXT, IMAGE, ALIGNMENT;

    /** The lowercase name used in JSON, on the command line and in the manifest. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The modality with this JSON name, or an exception naming the choices. */
    public static Modality fromJsonName(String name) {
        for (Modality m : values()) {
            if (m.jsonName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown modality '" + name + "': expected text, image or alignment");
    }
}
