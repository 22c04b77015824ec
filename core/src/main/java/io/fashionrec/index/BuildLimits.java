package io.fashionrec.index;

import java.util.Locale;

/**
 * The most work one build may take on. A run whose settings suit small builds only (on one or two
 * cores, a JVM with the quick compiler alone: see the {@code fashionrec} launcher) sets limits;
 * a build above them stops with {@link BuildTooLargeException} before its heavy part and before
 * anything is written, so that the caller can run it again with settings for large builds.
 * Photos embedded before the stop stay in the embedding cache, so the second run does not embed
 * them again.
 *
 * @param maxPhotosToEmbed photo files a build may find new or changed (all of them in a first
 *                         build), checked before any photo is read
 * @param maxGraphInserts  products a build may insert into the approximate-search graph (all of
 *                         them when the graph is built from scratch), checked before the graph is touched
 */
public record BuildLimits(int maxPhotosToEmbed, int maxGraphInserts) {

    /** No limit: the default. */
    public static final BuildLimits NONE = new BuildLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public BuildLimits {
        if (maxPhotosToEmbed < 0 || maxGraphInserts < 0) {
            throw new IllegalArgumentException("build limits must be >= 0, got " + maxPhotosToEmbed + " photos to embed and "
                    + maxGraphInserts + " graph inserts");
        }
    }

    /** @throws BuildTooLargeException when {@code photos} new or changed photo files are more than this build may embed */
    void checkPhotos(int photos) {
        if (photos > maxPhotosToEmbed) {
            throw new BuildTooLargeException(String.format(Locale.ROOT, "%,d new or changed photos to embed, more than %,d",
                    photos, maxPhotosToEmbed));
        }
    }

    /** @throws BuildTooLargeException when inserting {@code inserts} products into the graph is more than this build may do */
    void checkGraphInserts(int inserts, boolean rebuilt) {
        if (inserts > maxGraphInserts) {
            throw new BuildTooLargeException(String.format(Locale.ROOT, "%,d products to insert into the search graph%s, more than %,d",
                    inserts, rebuilt ? " (built from scratch)" : "", maxGraphInserts));
        }
    }
}
