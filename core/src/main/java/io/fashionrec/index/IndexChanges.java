package io.fashionrec.index;

/**
 * How the products of a build differ from those of the index it replaces, by product id.
 *
 * @param added     products whose id the previous index did not have
 * @param changed   products it had whose {@link ProductFingerprint} differs (name, description,
 *                  attributes, image path or photo bytes), or -1 when not known because the
 *                  previous index records no fingerprints of the current version
 * @param removed   products of the previous index no longer in the catalog
 * @param unchanged products it had with the same fingerprint, or -1 when not known
 */
public record IndexChanges(int added, int changed, int removed, int unchanged) {

    /** Whether {@link #changed()} and {@link #unchanged()} are known. */
    public boolean changesKnown() {
        return changed >= 0;
    }

    /**
     * For each product of {@code next}, its ordinal in {@code previous} when it is there with the
     * same fingerprint, else -1; null when either side records no fingerprints (changes unknown).
     */
    public static int[] unchangedOrdinals(ProductTable previous, ProductTable next) {
        if (!previous.hasFingerprints() || !next.hasFingerprints()) {
            return null;
        }
        int[] out = new int[next.size()];
        for (int i = 0; i < next.size(); i++) {
            int before = previous.ordinal(next.id(i));
            out[i] = before >= 0 && previous.fingerprint(before).equals(next.fingerprint(i)) ? before : -1;
        }
        return out;
    }

    /** Compares the products of a new build with those of the index it replaces. */
    public static IndexChanges between(ProductTable previous, ProductTable next) {
        boolean known = previous.hasFingerprints() && next.hasFingerprints();
        int added = 0;
        int changed = 0;
        int kept = 0;
        for (int i = 0; i < next.size(); i++) {
            int before = previous.ordinal(next.id(i));
            if (before < 0) {
                added++;
            } else {
                kept++;
                if (known && !previous.fingerprint(before).equals(next.fingerprint(i))) {
                    changed++;
                }
            }
        }
        int removed = previous.size() - kept;
        return known ? new IndexChanges(added, changed, removed, kept - changed) : new IndexChanges(added, -1, removed, -1);
    }
}
