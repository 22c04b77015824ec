package io.fashionrec.server;

import io.fashionrec.index.ProductIndex;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.vectors.SearchKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One index as the server serves it, with everything derived from it (the recommender, the
 * JSON writer, the browser's facets, the thumbnail cache). Immutable but for the cache; a
 * request takes one snapshot when it starts and uses it throughout, so a reload between two of
 * its steps can never mix two indexes in one answer.
 */
final class ServedIndex {

    private static final int CACHED_THUMBNAILS = 1024;

    final ProductIndex index;
    final Recommender recommender;
    final ProductJson json;
    final CatalogBrowser browser;
    /** Thumbnails by ordinal, least recently used dropped first; guarded by itself. */
    final Map<Integer, byte[]> thumbnails = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > CACHED_THUMBNAILS;
        }
    };

    /** @param search how the recommender searches; an approximate one builds its graph here */
    ServedIndex(ProductIndex index, SearchKind search) {
        this.index = index;
        this.recommender = new Recommender(index, search);
        this.json = new ProductJson(index);
        this.browser = new CatalogBrowser(recommender);
    }
}
